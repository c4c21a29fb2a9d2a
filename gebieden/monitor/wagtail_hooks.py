from django import forms
from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from gebieden.monitor import demo, roles
from gebieden.monitor.importer import Onleesbaar, decodeer, importeren
from gebieden.monitor.models import Streefwaarde
from gebieden.monitor.selectors import laatste_cijfers
from gebieden.monitor.services import beheerbare_gebieden
from wijkwijzer import haken
from wijkwijzer.sections import Section

IMPORT_PERMISSION = "monitor.add_meting"


class StreefwaardeForm(WagtailAdminModelForm):
    """Alliance staff choose only among their own areas."""

    class Meta:
        model = Streefwaarde
        fields = ["focusgebied", "kernindicator", "waarde", "jaar", "toelichting"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["focusgebied"].queryset = beheerbare_gebieden(for_user).order_by("title")


class StreefwaardeIndexView(IndexView):
    def get_base_queryset(self):
        return Streefwaarde.objects.filter(
            focusgebied__in=beheerbare_gebieden(self.request.user)
        ).select_related("focusgebied", "kernindicator")


class AlleenEigenGebieden:
    """Edit and delete find only targets of areas the user may manage (others give a 404)."""

    def get_queryset(self):
        return Streefwaarde.objects.filter(focusgebied__in=beheerbare_gebieden(self.request.user))


class StreefwaardeEditView(AlleenEigenGebieden, EditView):
    pass


class StreefwaardeDeleteView(AlleenEigenGebieden, DeleteView):
    pass


class StreefwaardeViewSet(ModelViewSet):
    model = Streefwaarde
    icon = "pick"
    menu_label = _("Streefwaarden")
    add_to_admin_menu = True
    list_display = ["focusgebied", "kernindicator", "waarde", "jaar"]
    index_view_class = StreefwaardeIndexView
    edit_view_class = StreefwaardeEditView
    delete_view_class = StreefwaardeDeleteView

    def get_form_class(self, for_update: bool = False) -> type:
        return StreefwaardeForm


@hooks.register("register_admin_viewset")
def register_streefwaarde_viewset() -> ModelViewSet:
    return StreefwaardeViewSet("streefwaarden")


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: indicator, gebied, periode, waarde, eenheid, bron, en eventueel "
            "gemeente en nederland. Zie docs/monitor.md."
        ),
        error_messages={"required": _("Kies een CSV-bestand.")},
    )
    proef = forms.BooleanField(
        label=_("Alleen controleren (proefimport): er wordt niets opgeslagen"),
        required=False,
        initial=True,
    )

    def tekst(self) -> str | None:
        try:
            return decodeer(self.cleaned_data["bestand"].read())[0]
        except Onleesbaar as fout:
            self.add_error("bestand", str(fout))
            return None


def import_view(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    uitslag = None
    if request.method == "POST" and form.is_valid() and (tekst := form.tekst()) is not None:
        uitslag = importeren(tekst, proef=form.cleaned_data["proef"])
    return TemplateResponse(
        request,
        "monitor/admin/import.html",
        {"form": form, "uitslag": uitslag, "titel": _("Wijkcijfers inlezen")},
    )


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path(
            "monitor/import/",
            permission_required(IMPORT_PERMISSION, raise_exception=True)(import_view),
            name="monitor_import",
        )
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(IMPORT_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Wijkcijfers inlezen"),
        reverse("monitor_import"),
        icon_name="upload",
        order=920,
    )


haken.GEBIED_SECTIE.registreer(
    Section(
        "indicatoren",
        _("Zicht op Wijken"),
        _("Er zijn nog geen cijfers voor dit gebied."),
        template="monitor/includes/gebied_sectie.html",
        items=laatste_cijfers,
    )
)
haken.DEMO.registreer(demo)
haken.ROLRECHTEN.registreer(roles.ROLE_PERMISSIONS)
