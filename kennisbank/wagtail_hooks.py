from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kennisbank import demo, meldingen, privacy, roles, zoeken
from kennisbank.models import Bewijskracht, Doelgroep, Lidmaatschap, Vraag
from kennisbank.selectors.agenda import komende_evenementen
from kennisbank.selectors.praktijkvoorbeelden import (
    kennis_uit_gebied,
    nieuwe_voorbeelden_op_home,
    verlopen_beoordelingen,
)
from kennisbank.services.leerkringen import lidmaatschap_beoordelen
from kennisbank.services.vraagbaak import (
    BEANTWOORDEN,
    DOORSTUREN,
    PUBLICEREN,
    SLUITEN,
    vraag_acties,
    vraag_beantwoorden,
    vraag_doorsturen,
    vraag_publiceren,
    vraag_sluiten,
)
from wijkwijzer import haken
from wijkwijzer.models import User
from wijkwijzer.roles import VRAAGBAAK_COORDINATOR, VRAAGBAAK_DESKUNDIGE
from wijkwijzer.sections import Section


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


def lidmaatschappen_voor(user) -> QuerySet:
    """The requests `user` may decide on (kennisbank.beoordeel_lidmaatschap): all of them, or
    those of the circles they coordinate."""
    queryset = Lidmaatschap.objects.select_related("leerkring", "deelnemer")
    if user.has_perm("kennisbank.beoordeel_lidmaatschap"):
        return queryset
    return queryset.filter(leerkring__coordinator=user)


class LidmaatschapForm(WagtailAdminModelForm):
    status = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            (Lidmaatschap.Status.LID, _("Goedkeuren: lid")),
            (Lidmaatschap.Status.AFGEWEZEN, _("Afwijzen")),
        ],
    )

    class Meta:
        model = Lidmaatschap
        fields = ["status"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.status != Lidmaatschap.Status.AANGEVRAAGD:
            raise forms.ValidationError(_("Over deze aanvraag is al besloten."))
        return cleaned


class LidmaatschapIndexView(IndexView):
    def get_base_queryset(self):
        return lidmaatschappen_voor(self.request.user)


class LidmaatschapEditView(EditView):
    def get_queryset(self):
        return lidmaatschappen_voor(self.request.user)

    def save_instance(self):
        # The decision goes through the service, which also tells the member by e-mail.
        lidmaatschap = Lidmaatschap.objects.get(pk=self.object.pk)
        return lidmaatschap_beoordelen(
            lidmaatschap=lidmaatschap,
            goedgekeurd=self.form.cleaned_data["status"] == Lidmaatschap.Status.LID,
        )


class LidmaatschapViewSet(ModelViewSet):
    model = Lidmaatschap
    icon = "group"
    menu_label = _("Leerkringen: leden")
    add_to_admin_menu = True
    list_display = ["deelnemer", "leerkring", "status", "aangemaakt"]
    list_filter = ["status"]
    form_fields = ["status"]
    index_view_class = LidmaatschapIndexView
    edit_view_class = LidmaatschapEditView

    def get_form_class(self, for_update: bool = False) -> type:
        return LidmaatschapForm


@hooks.register("register_admin_viewset")
def register_lidmaatschap_viewset() -> ModelViewSet:
    return LidmaatschapViewSet("lidmaatschappen")


def vragen_voor(user) -> QuerySet:
    """Coordinators (kennisbank.beheer_vraag) see every question; a deskundige only those
    routed to them."""
    queryset = Vraag.objects.select_related("thema", "focusgebied", "behandelaar", "vrager")
    if user.has_perm("kennisbank.beheer_vraag"):
        return queryset
    return queryset.filter(behandelaar=user)


class BehandelaarField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.public_name


ACTIE_LABELS = {
    BEANTWOORDEN: _("Beantwoorden"),
    DOORSTUREN: _("Doorsturen naar een deskundige"),
    SLUITEN: _("Sluiten zonder antwoord"),
    PUBLICEREN: _("Publiceren in de vraagbaak"),
}


class VraagBehandelenForm(WagtailAdminModelForm):
    """Shows only the steps this person may take now
    (kennisbank.services.vraagbaak.vraag_acties), each with the fields it needs."""

    class Meta:
        model = Vraag
        fields: list[str] = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        vraag = self.instance
        self.acties = vraag_acties(
            vraag,
            coordinator=for_user.has_perm("kennisbank.beheer_vraag", vraag),
            behandelaar=for_user.has_perm("kennisbank.beantwoord_vraag", vraag),
        )
        self.fields["actie"] = forms.ChoiceField(
            label=_("Wat wil je doen?"),
            choices=[(actie, ACTIE_LABELS[actie]) for actie in self.acties],
            widget=forms.RadioSelect,
            initial=self.acties[0] if self.acties else None,
            error_messages={"required": _("Kies wat je wilt doen.")},
        )
        if BEANTWOORDEN in self.acties or PUBLICEREN in self.acties:
            self.fields["antwoord"] = forms.CharField(
                label=_("Antwoord"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 12}),
                initial=vraag.antwoord,
                help_text=_("Markdown mag: **vet**, lijstjes met -, en links."),
            )
        if DOORSTUREN in self.acties:
            self.fields["behandelaar"] = BehandelaarField(
                label=_("Deskundige"),
                required=False,
                queryset=User.objects.filter(
                    groups__name__in=[VRAAGBAAK_DESKUNDIGE, VRAAGBAAK_COORDINATOR],
                    is_active=True,
                )
                .distinct()
                .order_by("display_name"),
                initial=vraag.behandelaar_id,
            )
        if SLUITEN in self.acties:
            self.fields["reden"] = forms.CharField(
                label=_("Reden van sluiten (de vrager krijgt deze te zien)"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        if PUBLICEREN in self.acties:
            self.fields["titel"] = forms.CharField(
                label=_("Openbare vraag"), max_length=255, required=False, initial=vraag.vraag
            )
            self.fields["samenvatting"] = forms.CharField(
                label=_("Openbare toelichting"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                initial=vraag.toelichting,
                help_text=_("Haal namen en andere persoonsgegevens weg voordat je publiceert."),
            )

    def clean(self):
        cleaned = super().clean()
        if not self.acties:
            raise forms.ValidationError(_("Aan deze vraag valt voor jou niets meer te doen."))
        needed = {
            BEANTWOORDEN: ["antwoord"],
            DOORSTUREN: ["behandelaar"],
            SLUITEN: ["reden"],
            PUBLICEREN: ["titel", "samenvatting", "antwoord"],
        }.get(cleaned.get("actie"), [])
        for name in needed:
            if not cleaned.get(name):
                self.add_error(name, _("Vul dit in voor deze stap."))
        return cleaned


class VraagIndexView(IndexView):
    def get_base_queryset(self):
        return vragen_voor(self.request.user)


class VraagEditView(EditView):
    template_name = "kennisbank/admin/vraag_edit.html"
    success_message = _("De vraag is bijgewerkt en de vrager heeft bericht gekregen.")
    submit_button_label = _("Uitvoeren")

    def get_queryset(self):
        return vragen_voor(self.request.user)

    def save_instance(self):
        # Each step goes through its service, which also sends the e-mails.
        vraag, data = self.object, self.form.cleaned_data
        actie = data["actie"]
        if actie == BEANTWOORDEN:
            vraag_beantwoorden(vraag=vraag, antwoord=data["antwoord"])
        elif actie == DOORSTUREN:
            vraag_doorsturen(vraag=vraag, behandelaar=data["behandelaar"])
        elif actie == SLUITEN:
            vraag_sluiten(vraag=vraag, reden=data["reden"])
        else:
            vraag_publiceren(
                vraag=vraag,
                titel=data["titel"],
                samenvatting=data["samenvatting"],
                antwoord=data["antwoord"],
                door=self.request.user,
            )
        return vraag


class VraagViewSet(ModelViewSet):
    model = Vraag
    icon = "help"
    menu_label = _("Vraagbaak: vragen")
    add_to_admin_menu = True
    list_display = ["vraag", "thema", "status", "behandelaar", "ingediend_op"]
    list_filter = ["status", "thema"]
    index_view_class = VraagIndexView
    edit_view_class = VraagEditView

    def get_form_class(self, for_update: bool = False) -> type:
        return VraagBehandelenForm


@hooks.register("register_admin_viewset")
def register_vraag_viewset() -> ModelViewSet:
    return VraagViewSet("vraagbaak")


class VerlopenBeoordelingenPanel(Component):
    """On the admin dashboard: examples whose evidence assessment has expired."""

    name = "verlopen_beoordelingen"
    order = 150
    template_name = "kennisbank/admin/verlopen_beoordelingen.html"

    def get_context_data(self, parent_context=None):
        return {"voorbeelden": verlopen_beoordelingen()}


@hooks.register("construct_homepage_panels")
def add_verlopen_beoordelingen_panel(request, panels) -> None:
    if request.user.has_perm("kennisbank.bekijk_verlopen_beoordelingen"):
        panels.append(VerlopenBeoordelingenPanel())


haken.HOME_SECTIE.registreer(
    Section(
        "nieuwe-voorbeelden",
        _("Nieuw in de kennisbank"),
        _("Er zijn nog geen praktijkvoorbeelden gepubliceerd."),
        template="kennisbank/includes/gebied_kennis.html",
        items=nieuwe_voorbeelden_op_home,
        order=20,
    )
)
haken.HOME_SECTIE.registreer(
    Section(
        "agenda",
        _("Binnenkort"),
        _("Er staan nog geen bijeenkomsten in de agenda."),
        template="kennisbank/includes/evenementen.html",
        items=komende_evenementen,
        order=30,
    )
)
haken.GEBIED_SECTIE.registreer(
    Section(
        "kennis",
        _("Kennis uit dit gebied"),
        _("Er zijn nog geen praktijkvoorbeelden uit dit gebied."),
        template="kennisbank/includes/gebied_kennis.html",
        items=kennis_uit_gebied,
    )
)
for _soort in zoeken.ZOEKBAAR:
    haken.ZOEKBAAR.registreer(_soort)
haken.DEMO.registreer(demo)
haken.PRIVACY.registreer(
    haken.Privacy("kennisbank", gegevens=privacy.gegevens, verwijderen=privacy.verwijderen)
)
haken.ROLRECHTEN.registreer(roles.ROLE_PERMISSIONS)
# Imports tell followers of their new pages once, at their end (wijkwijzer.bulk).
haken.BULKVERWERKING.registreer(meldingen.uitstel.actief)
