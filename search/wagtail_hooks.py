from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search import demo, health, roles, services
from search.models import Synoniem
from search.services import uitstel
from wijkwijzer import haken


class SynoniemViewSet(SnippetViewSet):
    model = Synoniem
    icon = "search"
    menu_label = "Zoeken: synoniemen"
    add_to_admin_menu = True
    list_display = ["termen"]
    search_fields = ["termen"]


register_snippet(SynoniemViewSet)

haken.MEER_ZOALS_DIT.registreer(services.vergelijkbaar)
# Last in INSTALLED_APPS, so the index is rebuilt after every other app loaded its content.
haken.DEMO.registreer(demo)
haken.GEZONDHEID.registreer(health.check)
haken.ROLRECHTEN.registreer(roles.ROLE_PERMISSIONS)

# Imports index the site's search once at their end (wijkwijzer.bulk).
haken.BULKVERWERKING.registreer(uitstel.actief)
