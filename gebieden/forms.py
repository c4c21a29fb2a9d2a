"""The postcode finder on /gebieden/ (DESIGN.md): a resident knows their postcode, not the
programme's area names."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

# A Dutch postcode as people type it: PC4 (1503) or PC6 (1503 AB, 1503ab), spaces anywhere.
POSTCODE = re.compile(r"([1-9]\d{3})([A-Z]{2})?")


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label=_("Je postcode"),
        max_length=20,
        help_text=_("Vier cijfers, met of zonder de twee letters: 1503 of 1503 AB."),
        error_messages={"required": _("Vul je postcode in, zoals 1503 of 1503 AB.")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )

    def clean_postcode(self) -> str:
        """The four digits (PC4) of the postcode."""
        typed = re.sub(r"\s+", "", self.cleaned_data["postcode"]).upper()
        match = POSTCODE.fullmatch(typed)
        if match is None:
            raise forms.ValidationError(
                _("Dit is geen postcode. Vul vier cijfers in, zoals 1503, of 1503 AB.")
            )
        return match.group(1)
