from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kennisbank.models import Bewijskracht, Doelgroep, Lidmaatschap
from kennisbank.services import lidmaatschap_beoordelen
from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR


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
    """Coordinators see the requests of their own circles; redactie and superusers all."""
    queryset = Lidmaatschap.objects.select_related("leerkring", "deelnemer")
    if user.is_superuser or user.groups.filter(name__in=[REDACTEUR, EINDREDACTEUR]).exists():
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
    menu_label = _("Leerkringen: aanmeldingen")
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
