from django import forms
from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gebieden import demo, roles, zoeken
from gebieden.grenzen import MAX_BYTES, importeren
from gebieden.models import Actielijn, FocusgebiedPage, Kernindicator, Thema
from gebieden.selectors import postcode_zoeker
from gebieden.services import ensure_alliantie_groep
from wijkwijzer import haken
from wijkwijzer.sections import Section


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


GRENZEN_PERMISSION = "gebieden.change_gebiedsgrens"


class GrenzenImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("GeoJSON-bestand"),
        help_text=_(
            "Een FeatureCollection in WGS84. Een vorm hoort bij een gebied door de eigenschap "
            "'slug' of een CBS-wijk- of buurtcode die bij het gebied staat. Zie docs/kaarten.md."
        ),
        error_messages={"required": _("Kies een GeoJSON-bestand.")},
    )
    proef = forms.BooleanField(
        label=_("Alleen controleren (proefimport): er wordt niets opgeslagen"),
        required=False,
        initial=True,
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is groter dan 100 MB. Neem alleen de wijken of buurten op.")
            )
        return bestand


def grenzen_import_view(request):
    form = GrenzenImportForm(request.POST or None, request.FILES or None)
    uitslag = None
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        uitslag = importeren(bestand.read(), bron=bestand.name, proef=form.cleaned_data["proef"])
    return TemplateResponse(
        request,
        "gebieden/admin/grenzen_import.html",
        {"form": form, "uitslag": uitslag, "titel": _("Grenzen van gebieden inlezen")},
    )


@hooks.register("register_admin_urls")
def register_grenzen_import_url():
    return [
        path(
            "gebieden/grenzen/",
            permission_required(GRENZEN_PERMISSION, raise_exception=True)(grenzen_import_view),
            name="gebieden_grenzen_import",
        )
    ]


class GrenzenMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(GRENZEN_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_grenzen_menu_item():
    return GrenzenMenuItem(
        _("Grenzen inlezen"), reverse("gebieden_grenzen_import"), icon_name="site", order=925
    )


# Placeholders until the participation, kennisbank and monitor apps register theirs.
for _sectie in (
    Section(
        "participatie",
        _("Meepraten over dit gebied"),
        _("Er lopen nu geen participatieprocessen in dit gebied."),
    ),
    Section(
        "kennis",
        _("Kennis uit dit gebied"),
        _("Er zijn nog geen praktijkvoorbeelden of publicaties uit dit gebied."),
    ),
    Section(
        "indicatoren",
        _("Zicht op Wijken"),
        _("De kernindicatoren voor dit gebied worden nog toegevoegd."),
    ),
):
    haken.GEBIED_SECTIE.registreer(_sectie)

haken.HOME_SECTIE.registreer(
    Section(
        "postcode",
        _("Vind je gebied"),
        "",
        template="gebieden/includes/postcode_home.html",
        items=postcode_zoeker,
        order=0,
    )
)
for _soort in zoeken.ZOEKBAAR:
    haken.ZOEKBAAR.registreer(_soort)
haken.DEMO.registreer(demo)
haken.ROLRECHTEN.registreer(roles.ROLE_PERMISSIONS)
