from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kennisbank.models import Bewijskracht, Doelgroep


class DoelgroepViewSet(SnippetViewSet):
    model = Doelgroep
    icon = "group"
    list_display = ["naam", "slug"]
    search_fields = ["naam"]


class BewijskrachtViewSet(SnippetViewSet):
    model = Bewijskracht
    icon = "success"
    list_display = ["volgorde", "naam"]


class KennisbankViewSetGroup(SnippetViewSetGroup):
    menu_label = "Kennisbank"
    menu_icon = "folder-open-inverse"
    items = (DoelgroepViewSet, BewijskrachtViewSet)


register_snippet(KennisbankViewSetGroup)
