from django import forms
from django.utils.translation import gettext_lazy as _


class LidmaatschapForm(forms.Form):
    motivatie = forms.CharField(
        label=_("Waarom wil je meedoen? (mag leeg blijven)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Houd je motivatie korter dan 1000 tekens.")},
    )
