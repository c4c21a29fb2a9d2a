from django import forms
from django.utils.translation import gettext_lazy as _

from gebieden.models import FocusgebiedPage, Thema
from kennisbank.expertpool.models import Fase, Ondersteuningsaanvraag, Urgentie


class AanvraagForm(forms.ModelForm):
    focusgebied = forms.ModelChoiceField(
        label=_("Voor welk focusgebied?"),
        queryset=FocusgebiedPage.objects.live().order_by("title"),
        required=False,
        empty_label=_("Een andere gemeente"),
    )
    fase = forms.ModelChoiceField(
        label=_("In welke fase zit de aanpak?"),
        queryset=Fase.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Kies de fase.")},
    )
    themas = forms.ModelMultipleChoiceField(
        label=_("Welke expertise zoek je?"),
        queryset=Thema.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één thema.")},
    )

    class Meta:
        model = Ondersteuningsaanvraag
        fields = [
            "organisatie",
            "focusgebied",
            "gemeente",
            "vraag",
            "fase",
            "themas",
            "urgentie",
            "periode",
        ]
        labels = {
            "organisatie": _("Namens welke organisatie vraag je ondersteuning?"),
            "gemeente": _("Gemeente (als het niet om een focusgebied gaat)"),
            "vraag": _("Je vraag"),
            "urgentie": _("Hoe dringend is het?"),
            "periode": _("In welke periode?"),
        }
        help_texts = {
            "vraag": _("Wat speelt er, wat wil je bereiken en waarbij zoek je hulp?"),
            "periode": _("Bijvoorbeeld: voorjaar 2027, of maart tot juni."),
        }
        widgets = {"vraag": forms.Textarea(attrs={"rows": 6}), "urgentie": forms.RadioSelect}
        error_messages = {
            "organisatie": {"required": _("Vul je organisatie in.")},
            "vraag": {"required": _("Beschrijf je vraag.")},
            "urgentie": {"required": _("Kies hoe dringend het is.")},
            "periode": {"required": _("Vul de periode in.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A required choice shown as radio buttons: no "---------" option, and none chosen
        # until the person chooses.
        self.fields["urgentie"].choices = Urgentie.choices

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("focusgebied") and not (cleaned.get("gemeente") or "").strip():
            self.add_error("gemeente", _("Kies een focusgebied of vul de gemeente in."))
        return cleaned


class AanvullingForm(forms.Form):
    tekst = forms.CharField(
        label=_("Informatie toevoegen"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf eerst wat je wilt toevoegen."),
            "max_length": _("Houd het korter dan 2000 tekens."),
        },
    )


class FeedbackForm(forms.Form):
    waardering = forms.TypedChoiceField(
        label=_("Hoe tevreden ben je over de ondersteuning?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 is helemaal niet tevreden, 5 is heel tevreden."),
        error_messages={"required": _("Kies een cijfer van 1 tot en met 5.")},
    )
    feedback = forms.CharField(
        label=_("Toelichting (mag leeg blijven)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class UitnodigingAntwoordForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting voor de coördinator (mag leeg blijven)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
