from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from kennisbank.expertpool import demo, privacy, roles, zoeken
from kennisbank.expertpool.models import Ondersteuningsaanvraag
from kennisbank.expertpool.selectors import cijfers, voorgestelde_experts
from kennisbank.expertpool.services import (
    AFRONDEN,
    AFWIJZEN,
    COORDINATOR_ACTIES,
    IN_BEHANDELING_NEMEN,
    UITNODIGEN,
    UITNODIGING_INTREKKEN,
    aanvraag_afronden,
    aanvraag_afwijzen,
    aanvraag_in_behandeling_nemen,
    expert_uitnodigen,
    uitnodiging_intrekken,
)
from wijkwijzer import haken

ACTIE_LABELS = {
    IN_BEHANDELING_NEMEN: _("In behandeling nemen"),
    UITNODIGEN: _("Een expert uitnodigen"),
    AFWIJZEN: _("Afwijzen"),
    UITNODIGING_INTREKKEN: _("Uitnodiging intrekken (bijvoorbeeld omdat die verlopen is)"),
    AFRONDEN: _("Afronden"),
}
BEHANDELEN = "expertpool.behandelen_aanvraag"


def aanvragen_voor(user) -> QuerySet[Ondersteuningsaanvraag]:
    """The requests `user` may work on (expertpool.behandelen_aanvraag): all of them for the
    coordinators, none for anyone else whom a model permission lets into the admin screen."""
    queryset = Ondersteuningsaanvraag.objects.select_related("focusgebied", "fase", "expert")
    if user.has_perm(BEHANDELEN):
        return queryset
    return queryset.none()


class AanvraagBehandelenForm(WagtailAdminModelForm):
    """Offers the coordinator the steps possible in the request's status, each with the fields
    it needs; the experts to invite come ranked by fit, with the reasons."""

    class Meta:
        model = Ondersteuningsaanvraag
        fields: list[str] = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        aanvraag = self.instance
        # The rule says who, the table from which statuses.
        mag = for_user is not None and for_user.has_perm(BEHANDELEN, aanvraag)
        self.acties = [a for a, van in COORDINATOR_ACTIES.items() if mag and aanvraag.status in van]
        self.voorstellen = voorgestelde_experts(aanvraag) if UITNODIGEN in self.acties else []
        self.fields["actie"] = forms.ChoiceField(
            label=_("Wat wil je doen?"),
            choices=[(actie, ACTIE_LABELS[actie]) for actie in self.acties],
            widget=forms.RadioSelect,
            error_messages={"required": _("Kies wat je wilt doen.")},
        )
        if UITNODIGEN in self.acties:
            self.fields["expert"] = forms.ChoiceField(
                label=_("Voorgestelde experts (best passend eerst)"),
                required=False,
                widget=forms.RadioSelect,
                choices=[
                    (
                        v.expert.pk,
                        f"{v.expert.title} (score {v.score}): {'; '.join(v.redenen)}",
                    )
                    for v in self.voorstellen
                ],
            )
        if AFWIJZEN in self.acties:
            self.fields["reden"] = forms.CharField(
                label=_("Reden van afwijzing (de aanvrager krijgt deze te zien)"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        if AFRONDEN in self.acties:
            self.fields["uitkomst"] = forms.CharField(
                label=_("Uitkomst in het kort"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields["openbaar"] = forms.BooleanField(
                label=_("De uitkomst mag op het profiel van de expert (zonder namen)"),
                required=False,
            )

    def clean(self):
        cleaned = super().clean()
        if not self.acties:
            raise forms.ValidationError(_("Aan deze aanvraag valt niets meer te doen."))
        needed = {UITNODIGEN: "expert", AFWIJZEN: "reden", AFRONDEN: "uitkomst"}
        name = needed.get(cleaned.get("actie"))
        if name and not cleaned.get(name):
            self.add_error(name, _("Vul dit in voor deze stap."))
        if cleaned.get("expert"):
            cleaned["expert"] = next(
                v.expert for v in self.voorstellen if str(v.expert.pk) == cleaned["expert"]
            )
        return cleaned


class AanvraagIndexView(IndexView):
    def get_base_queryset(self):
        return aanvragen_voor(self.request.user)


class AanvraagEditView(EditView):
    template_name = "expertpool/admin/aanvraag_edit.html"
    success_message = _("De aanvraag is bijgewerkt; de aanvrager heeft bericht gekregen.")
    submit_button_label = _("Uitvoeren")

    def get_queryset(self):
        return aanvragen_voor(self.request.user)

    def save_instance(self):
        # Each step goes through its service, which checks the transition, records it in the
        # timeline and sends the e-mails.
        aanvraag, data, door = self.object, self.form.cleaned_data, self.request.user
        actie = data["actie"]
        if actie == IN_BEHANDELING_NEMEN:
            aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=door)
        elif actie == UITNODIGEN:
            expert_uitnodigen(aanvraag=aanvraag, expert=data["expert"], door=door)
        elif actie == AFWIJZEN:
            aanvraag_afwijzen(aanvraag=aanvraag, door=door, reden=data["reden"])
        elif actie == UITNODIGING_INTREKKEN:
            uitnodiging_intrekken(aanvraag=aanvraag, door=door)
        else:
            aanvraag_afronden(
                aanvraag=aanvraag, door=door, uitkomst=data["uitkomst"], openbaar=data["openbaar"]
            )
        return aanvraag

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gebeurtenissen"] = self.object.gebeurtenissen.select_related("wie")
        context["uitnodigingen"] = self.object.uitnodigingen.select_related("expert")
        return context


class AanvraagViewSet(ModelViewSet):
    model = Ondersteuningsaanvraag
    icon = "user"
    menu_label = _("Expertaanvragen")
    add_to_admin_menu = True
    list_display = ["organisatie", "gebied_naam", "status", "dagen_oud", "ingediend_op"]
    list_filter = ["status", "urgentie", "themas"]
    list_export = [
        "pk",
        "organisatie",
        "gebied_naam",
        "fase",
        "urgentie",
        "periode",
        "status",
        "expert",
        "ingediend_op",
        "gematcht_op",
        "afgerond_op",
        "uitkomst",
        "waardering",
    ]
    export_filename = "ondersteuningsaanvragen"
    index_view_class = AanvraagIndexView
    edit_view_class = AanvraagEditView

    def get_form_class(self, for_update: bool = False) -> type:
        return AanvraagBehandelenForm


@hooks.register("register_admin_viewset")
def register_aanvraag_viewset() -> ModelViewSet:
    return AanvraagViewSet("ondersteuningsaanvragen")


def cijfers_view(request):
    # The figures cover every request: the rule asked without an object.
    if not request.user.has_perm(BEHANDELEN):
        raise PermissionDenied
    return TemplateResponse(request, "expertpool/admin/cijfers.html", cijfers())


@hooks.register("register_admin_urls")
def register_cijfers_url():
    return [
        path(
            "expertpool/cijfers/",
            cijfers_view,
            name="expertpool_cijfers",
        )
    ]


class CijfersMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(BEHANDELEN)


@hooks.register("register_admin_menu_item")
def register_cijfers_menu_item():
    return CijfersMenuItem(
        _("Expertpool: cijfers"),
        reverse("expertpool_cijfers"),
        icon_name="table",
        order=900,
    )


for _soort in zoeken.ZOEKBAAR:
    haken.ZOEKBAAR.registreer(_soort)
haken.DEMO.registreer(demo)
haken.PRIVACY.registreer(haken.Privacy("kennisbank.expertpool", gegevens=privacy.gegevens))
haken.ROLRECHTEN.registreer(roles.ROLE_PERMISSIONS)
