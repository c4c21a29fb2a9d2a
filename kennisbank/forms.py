from django import forms
from django.utils.translation import gettext_lazy as _

from gebieden.models import FocusgebiedPage, Thema
from wijkwijzer.meldingen import Frequentie


class LidmaatschapForm(forms.Form):
    motivatie = forms.CharField(
        label=_("Waarom wil je meedoen? (mag leeg blijven)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Houd je motivatie korter dan 1000 tekens.")},
    )


class VraagForm(forms.Form):
    thema = forms.ModelChoiceField(
        label=_("Over welk thema gaat je vraag?"),
        queryset=Thema.objects.all(),
        empty_label=_("Kies een thema"),
        error_messages={"required": _("Kies een thema.")},
    )
    focusgebied = forms.ModelChoiceField(
        label=_("Over welk focusgebied gaat je vraag? (mag leeg blijven)"),
        queryset=FocusgebiedPage.objects.live().order_by("title"),
        required=False,
        empty_label=_("Geen focusgebied of een ander gebied"),
    )
    vraag = forms.CharField(
        label=_("Je vraag in één zin"),
        max_length=300,
        error_messages={
            "required": _("Schrijf je vraag op."),
            "max_length": _(
                "Houd je vraag korter dan 300 tekens; de rest past bij de toelichting."
            ),
        },
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        help_text=_("Wat speelt er, en wat heb je al geprobeerd? Noem geen namen van bewoners."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Vertel kort wat er speelt, dan kunnen we beter antwoorden."),
            "max_length": _("Houd de toelichting korter dan 4000 tekens."),
        },
    )
    toestemming_publicatie = forms.BooleanField(
        label=_(
            "Mijn vraag en het antwoord mogen zonder mijn naam openbaar in de vraagbaak, "
            "zodat anderen er ook iets aan hebben."
        ),
        required=False,
    )


class VolgmeldingenForm(forms.Form):
    frequentie = forms.ChoiceField(
        label=_("Hoe vaak wil je e-mail over nieuwe items bij wat je volgt?"),
        choices=Frequentie.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe vaak je e-mail wilt."),
            "invalid_choice": _("Kies een van de mogelijkheden."),
        },
    )
