import rules
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kennisbank.inzendingen import demo, privacy, roles, services
from kennisbank.inzendingen.models import Inzending, Organisatie
from kennisbank.inzendingen.selectors import inzending_secties
from kennisbank.inzendingen.stappen import STAPPEN
from wijkwijzer import haken


class OrganisatieViewSet(SnippetViewSet):
    model = Organisatie
    icon = "group"
    menu_label = _("Organisaties")
    list_display = ["naam", "website"]
    search_fields = ["naam"]


register_snippet(OrganisatieViewSet)

ACTIE_LABELS = {
    services.TERUGSTUREN: _("Terugsturen met opmerkingen"),
    services.GOEDKEUREN: _("Goedkeuren en publiceren"),
    services.AFWIJZEN: _("Niet plaatsen"),
}


def ter_beoordeling() -> QuerySet:
    # Drafts are the contributor's own until they submit.
    return Inzending.objects.exclude(status=Inzending.Status.CONCEPT).select_related(
        "auteur", "organisatie"
    )


class BeoordelenForm(WagtailAdminModelForm):
    """A comment box per step and the decisions this editor may take now (services.acties)."""

    class Meta:
        model = Inzending
        fields: list[str] = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.gebruiker = for_user
        self.acties = [a for a in services.acties(for_user, self.instance) if a in ACTIE_LABELS]
        self.fields["actie"] = forms.ChoiceField(
            label=_("Wat wil je doen?"),
            choices=[(actie, ACTIE_LABELS[actie]) for actie in self.acties],
            widget=forms.RadioSelect,
            error_messages={"required": _("Kies wat je wilt doen.")},
        )
        for stap in STAPPEN:
            self.fields[f"opmerking_{stap.slug}"] = forms.CharField(
                label=_("Opmerking bij: %(stap)s") % {"stap": stap.titel},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["reden"] = forms.CharField(
            label=_("Reden om niet te plaatsen (de inzender krijgt deze te zien)"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def clean(self):
        cleaned = super().clean()
        if not self.acties:
            raise forms.ValidationError(_("Aan deze inzending valt voor jou nu niets te doen."))
        actie = cleaned.get("actie")
        if actie == services.TERUGSTUREN and not any(self.opmerkingen().values()):
            raise forms.ValidationError(_("Schrijf bij minstens één onderdeel wat er beter kan."))
        if actie == services.AFWIJZEN and not cleaned.get("reden", "").strip():
            self.add_error("reden", _("Schrijf op waarom het voorbeeld niet geplaatst wordt."))
        return cleaned

    def opmerkingen(self) -> dict[str, str]:
        return {stap.slug: self.cleaned_data.get(f"opmerking_{stap.slug}", "") for stap in STAPPEN}

    def uitvoeren(self) -> None:
        """Take the chosen step through its service, which checks it again and mails."""
        inzending, door, actie = self.instance, self.gebruiker, self.cleaned_data["actie"]
        if actie == services.TERUGSTUREN:
            services.terugsturen(inzending=inzending, door=door, opmerkingen=self.opmerkingen())
        elif actie == services.GOEDKEUREN:
            services.goedkeuren(inzending=inzending, door=door)
        else:
            services.afwijzen(inzending=inzending, door=door, reden=self.cleaned_data["reden"])


class InzendingIndexView(IndexView):
    def get_base_queryset(self):
        return ter_beoordeling()


class BeoordelenView(EditView):
    template_name = "inzendingen/admin/beoordelen.html"
    success_message = _("Gedaan. De inzender heeft een e-mail gekregen.")
    submit_button_label = _("Uitvoeren")

    def get_queryset(self):
        return ter_beoordeling()

    def get_object(self, queryset=None):
        inzending = super().get_object(queryset)
        if not rules.has_perm("inzendingen.bekijken_inzending", self.request.user, inzending):
            raise PermissionDenied
        return inzending

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["secties"] = inzending_secties(self.object)
        return context

    def save_instance(self):
        self.form.uitvoeren()
        return self.object

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.InzendingFout as fout:
            # Someone else decided first, or the list to publish under is missing.
            form.add_error(None, str(fout))
            return self.form_invalid(form)


class InzendingViewSet(ModelViewSet):
    model = Inzending
    icon = "doc-full"
    menu_label = _("Inzendingen")
    add_to_admin_menu = True
    list_display = ["__str__", "organisatie", "status", "ronde", "ingediend_op"]
    list_filter = ["status"]
    index_view_class = InzendingIndexView
    edit_view_class = BeoordelenView

    def get_form_class(self, for_update: bool = False) -> type:
        return BeoordelenForm


@hooks.register("register_admin_viewset")
def register_inzending_viewset() -> ModelViewSet:
    return InzendingViewSet("inzendingen_beoordelen")


haken.DEMO.registreer(demo)
haken.PRIVACY.registreer(haken.Privacy("kennisbank.inzendingen", gegevens=privacy.gegevens))
haken.ROLRECHTEN.registreer(roles.ROLE_PERMISSIONS)
