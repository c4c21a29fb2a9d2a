from django.contrib import messages
from django.http import HttpRequest
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail import hooks
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


def synoniemgroep_nakijken(request: HttpRequest, instance: object) -> None:
    """Tell the editor which members of a new or changed synonym group the search leaves out,
    whether enough are left for the group to be used, and which common words it will also
    find through a member's stem, so that one of another meaning is noticed."""
    if not isinstance(instance, Synoniem):
        return
    for lid, (weg, over) in services.niet_zoekbaar(instance.termen).items():
        messages.warning(
            request,
            _(
                'Let op: "%(lid)s" helpt niet bij het zoeken. De zoekfunctie slaat kleine '
                'woorden als %(weg)s over, en wat overblijft ("%(over)s") betekent iets '
                "anders of veel meer. Haal het weg uit de groep."
            )
            % {"lid": lid, "weg": _opgesomd(weg), "over": over},
        )
    if services.zonder_synoniemen(instance.groep):
        messages.warning(
            request,
            _(
                "Let op: deze groep heeft minder dan twee woorden die de zoekfunctie kan "
                "gebruiken. Zoeken gebruikt de groep daarom niet."
            ),
        )
    for lid, genoten in services.stamgenoten_van(instance.groep).items():
        messages.warning(
            request,
            _(
                "Let op: wie zoekt op een woord uit deze groep, vindt ook teksten met "
                '%(woorden)s. De zoekfunctie ziet die als vormen van "%(lid)s". Betekenen ze '
                "iets anders? Vraag dan een ontwikkelaar om een stamuitzondering."
            )
            % {"woorden": _opgesomd(genoten), "lid": lid},
        )


def _opgesomd(woorden: list[str]) -> str:
    """The words quoted and listed: "a", "b" en "c"."""
    return get_text_list([f'"{woord}"' for woord in woorden], _("en"))


hooks.register("after_create_snippet", synoniemgroep_nakijken)
hooks.register("after_edit_snippet", synoniemgroep_nakijken)
haken.MEER_ZOALS_DIT.registreer(services.vergelijkbaar)
# Last in INSTALLED_APPS, so the index is rebuilt after every other app loaded its content.
haken.DEMO.registreer(demo)
haken.GEZONDHEID.registreer(health.check)
haken.ROLRECHTEN.registreer(roles.ROLE_PERMISSIONS)

# Imports index the site's search once at their end (wijkwijzer.bulk).
haken.BULKVERWERKING.registreer(uitstel.actief)
