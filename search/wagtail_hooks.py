from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synoniem


class SynoniemViewSet(SnippetViewSet):
    model = Synoniem
    icon = "search"
    menu_label = "Zoeken: synoniemen"
    add_to_admin_menu = True
    list_display = ["termen"]
    search_fields = ["termen"]


register_snippet(SynoniemViewSet)
