"""The editor's form for a result page in the Wagtail admin. ResultaatPage names it as its
`base_form_class`, so this module must not import participatie.models (as Wagtail's own
`wagtail.contrib.forms.forms` does not import its page models): the contributions come from
the form's own field, the statuses and their moves from participatie.overgangen."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from gebieden.geo import speld_fout
from gebieden.models import AlliantieoverlegPage
from gebieden.selectors import grens_van
from participatie.overgangen import RESULTAAT_OVERGANGEN, Resultaatstatus, Zichtbaarheid


class ResultaatForm(WagtailAdminPageForm):
    """Offers only the contributions of the result's own process and the meetings of its
    area, and only the statuses the result may move to (participatie.overgangen)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        proces = self.proces = (parent_page or self.instance.get_parent()).specific
        self.fields["bijdragen"].queryset = (
            self.fields["bijdragen"]
            .queryset.filter(proces=proces, zichtbaarheid=Zichtbaarheid.ZICHTBAAR)
            .order_by("-aangemaakt_op")
        )
        self.fields["overleggen"].queryset = AlliantieoverlegPage.objects.child_of(
            proces.get_parent()
        ).order_by("-datum")
        if self.instance.pk:
            self.vorige_status = type(self.instance).objects.get(pk=self.instance.pk).status
            toegestaan = {self.vorige_status} | {
                naar for van, naar in RESULTAAT_OVERGANGEN if van == self.vorige_status
            }
            self.fields["status"].choices = [
                (value, label) for value, label in Resultaatstatus.choices if value in toegestaan
            ]
        else:
            self.vorige_status = None
            self.fields["status"].choices = [
                (value, label)
                for value, label in Resultaatstatus.choices
                if value in (Resultaatstatus.GEPLAND, Resultaatstatus.IN_UITVOERING)
            ]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == Resultaatstatus.VERVALLEN
            and not cleaned.get("reden_vervallen", "").strip()
        ):
            self.add_error("reden_vervallen", _("Schrijf op waarom dit resultaat vervalt."))
        if cleaned.get("status") == Resultaatstatus.GEREED:
            cleaned["voortgang"] = 100
        self._plek_controleren(cleaned)
        return cleaned

    def _plek_controleren(self, cleaned: dict[str, Any]) -> None:
        lengte, breedte = cleaned.get("lengte"), cleaned.get("breedte")
        if lengte is None and breedte is None:
            return
        gebied = self.proces.get_parent().specific
        grens = grens_van(gebied)
        if grens is None:
            self.add_error(
                "lengte",
                _("%(gebied)s heeft nog geen grens; importeer die eerst (Grenzen inlezen).")
                % {"gebied": gebied.title},
            )
        elif fout := speld_fout(grens, lengte, breedte, gebied.title):
            self.add_error("lengte", fout)
