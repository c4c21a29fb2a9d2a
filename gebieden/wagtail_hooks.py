from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gebieden.models import Actielijn, FocusgebiedPage, Kernindicator, Thema
from gebieden.services import ensure_alliantie_groep


class ThemaViewSet(SnippetViewSet):
    model = Thema
    icon = "tag"
    list_display = ["label", "slug"]
    search_fields = ["label"]


class ActielijnViewSet(SnippetViewSet):
    model = Actielijn
    icon = "list-ol"
    list_display = ["nummer", "titel"]


class KernindicatorViewSet(SnippetViewSet):
    model = Kernindicator
    icon = "table"
    list_display = ["nummer", "naam", "actielijn", "bron"]
    list_filter = ["actielijn"]


class DomeinViewSetGroup(SnippetViewSetGroup):
    menu_label = "Wijkprogramma"
    menu_icon = "folder-open-inverse"
    items = (ThemaViewSet, ActielijnViewSet, KernindicatorViewSet)


register_snippet(DomeinViewSetGroup)


@hooks.register("after_create_page")
def create_alliantie_groep(request, page) -> None:
    if isinstance(page.specific, FocusgebiedPage):
        ensure_alliantie_groep(page.specific)
