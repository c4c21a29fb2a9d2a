"""The residents' forms. Each one asks who writes (an account, or a pseudonym and an e-mail
address to confirm), an optional postcode for the "bewoner" mark, and has a honeypot field
for bots; the text checks (links, duplicates) are here so errors show next to the text."""

import re

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gebieden.geo import speld_fout
from gebieden.models import FocusgebiedPage, Thema
from gebieden.selectors import grens_van
from participatie.models import (
    Frequentie,
    Inbreng,
    Inbrengsoort,
    Meldingsoort,
    ParticipatieprocesPage,
    Vraagsoort,
)
from participatie.overgangen import OVERGANGEN, Inbrengstatus, Zichtbaarheid
from participatie.selectors import is_dubbel
from participatie.services import (
    ParticipatieFout,
    Schrijver,
    standaard_ondertekening,
    update_controleren,
)
from wijkwijzer.models import User

MAX_LINKS = 2
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
POSTCODE = re.compile(r"\s*([1-9]\d{3})\s*(?:[a-zA-Z]{2})?\s*")
FOTO_MAX_BYTES = 8 * 1024 * 1024
# Checked on the header, before the photo is decoded: a small file can describe a huge image
# (a 137 KB PNG of 12000 x 12000 pixels would take over 400 MB to decode).
FOTO_MAX_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
HONEYPOT = "website"

SCHAAL = [
    (1, _("1: helemaal oneens")),
    (2, _("2: oneens")),
    (3, _("3: neutraal")),
    (4, _("4: eens")),
    (5, _("5: helemaal eens")),
]


def _tekstveld(label: str, required_message: str, max_length: int = 5000) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Je mag *schuin*, **vet** en lijstjes gebruiken (Markdown)."),
        error_messages={
            "required": required_message,
            "max_length": _("Houd je tekst korter dan %(limit_value)d tekens."),
        },
    )


class SchrijverForm(forms.Form):
    """Who writes. Subclasses add their own fields first; these come last. A subclass with a
    `tekst` field sets `dubbel_melding`, the error for a text given before (selectors.is_dubbel;
    replies are compared within their contribution, `self.inbreng`)."""

    dubbel_melding = None

    def __init__(
        self, *args, user: User, gebied: FocusgebiedPage, proces: ParticipatieprocesPage, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.user, self.gebied, self.proces = user, gebied, proces
        self.fields["pseudoniem"] = forms.CharField(
            label=_("Naam die anderen zien"),
            help_text=_("Je voornaam of een verzonnen naam. Je echte naam hoeft niet."),
            max_length=60,
            initial=user.public_name if user.is_authenticated else "",
            error_messages={
                "required": _("Kies een naam die anderen bij je bericht zien."),
                "max_length": _("Houd je naam korter dan 60 tekens."),
            },
        )
        if not user.is_authenticated:
            self.fields["email"] = forms.EmailField(
                label=_("Je e-mailadres"),
                help_text=_(
                    "We sturen je een link om je bericht te bevestigen. Niemand anders ziet "
                    "je e-mailadres."
                ),
                error_messages={
                    "required": _("Vul je e-mailadres in, dan kun je je bericht bevestigen."),
                    "invalid": _("Dit is geen geldig e-mailadres. Kijk of er een @ in staat."),
                },
            )
        if gebied.postcode_lijst:
            self.fields["postcode"] = forms.CharField(
                label=_("Woon je in %(gebied)s? Vul dan je postcode in (mag leeg blijven)")
                % {"gebied": gebied.title},
                help_text=_("Je krijgt dan het label 'bewoner'. We bewaren je postcode niet."),
                max_length=8,
                required=False,
            )
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Laat dit veld leeg"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def get_context(self):
        # The honeypot is rendered apart, hidden from people (see forms/form.html).
        context = super().get_context()
        context["fields"] = [(f, e) for f, e in context["fields"] if f.name != HONEYPOT]
        context["honeypot"] = self[HONEYPOT]
        return context

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def clean_postcode(self) -> bool:
        value = self.cleaned_data.get("postcode", "")
        if not value.strip():
            return False
        match = POSTCODE.fullmatch(value)
        if match is None:
            raise forms.ValidationError(_("Vul de vier cijfers van je postcode in, zoals 1509."))
        if match.group(1) not in self.gebied.postcode_lijst:
            raise forms.ValidationError(
                _(
                    "Deze postcode hoort niet bij %(gebied)s. Woon je ergens anders? Laat het "
                    "veld dan leeg; je bericht telt net zo goed mee."
                )
                % {"gebied": self.gebied.title}
            )
        return True

    def clean(self):
        cleaned = super().clean()
        teksten = " ".join(str(cleaned.get(naam, "")) for naam in ("titel", "tekst"))
        if len(LINK.findall(teksten)) > MAX_LINKS:
            self.add_error(
                "tekst",
                _(
                    "Je tekst heeft meer dan %(max)d links. Haal er een paar weg; zo houden we "
                    "reclame buiten de deur."
                )
                % {"max": MAX_LINKS},
            )
        tekst = cleaned.get("tekst")
        if (
            self.dubbel_melding
            and tekst
            and is_dubbel(self.proces, tekst, getattr(self, "inbreng", None))
        ):
            self.add_error("tekst", self.dubbel_melding)
        return cleaned

    def schrijver(self) -> Schrijver:
        data = self.cleaned_data
        return Schrijver(
            gebruiker=self.user if self.user.is_authenticated else None,
            email=self.user.email if self.user.is_authenticated else data["email"],
            pseudoniem=data.get("pseudoniem", ""),
            bewoner=bool(data.get("postcode")),
        )


class InbrengForm(SchrijverForm):
    dubbel_melding = _(
        "Precies deze tekst is al gegeven bij dit plan. Steun die inbreng liever, dan telt je "
        "stem mee."
    )
    soort = forms.ChoiceField(
        label=_("Wat wil je geven?"),
        choices=[
            (Inbrengsoort.IDEE, _("Een idee")),
            (Inbrengsoort.REACTIE, _("Een reactie op het plan")),
            (Inbrengsoort.ZORG, _("Een zorg")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of je een idee, een reactie of een zorg geeft.")},
    )
    titel = forms.CharField(
        label=_("Titel"),
        help_text=_("Waar gaat het over, in een paar woorden?"),
        max_length=150,
        error_messages={
            "required": _("Geef je bericht een korte titel."),
            "max_length": _("Houd de titel korter dan 150 tekens."),
        },
    )
    tekst = _tekstveld(_("Je bericht"), _("Schrijf je idee, reactie of zorg op."))
    thema = forms.ModelChoiceField(
        label=_("Over welk thema gaat het?"),
        queryset=Thema.objects.all(),
        empty_label=_("Kies een thema"),
        error_messages={"required": _("Kies het thema dat het best past.")},
    )
    plek = forms.CharField(
        label=_("Over welke plek gaat het? (mag leeg blijven)"),
        help_text=_("Een straat, plein of gebouw. Geen huisnummer."),
        max_length=150,
        required=False,
    )
    afbeelding = forms.ImageField(
        label=_("Foto (mag leeg blijven)"),
        help_text=_("Een JPG- of PNG-foto tot 8 MB. Zet er geen mensen op die herkenbaar zijn."),
        required=False,
        error_messages={
            "invalid_image": _("Dit bestand is geen foto die we kunnen lezen. Kies een JPG of PNG.")
        },
    )
    afbeelding_tekst = forms.CharField(
        label=_("Wat staat er op de foto?"),
        help_text=_("Voor wie de foto niet kan zien."),
        max_length=200,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The pin fields only where the process allows a pin and the area has a shape to
        # check it against; they follow the place field.
        self.grens = grens_van(self.gebied) if self.proces.speld_aan else None
        if self.grens is None:
            return
        velden = list(self.fields.items())
        plaats = [naam for naam, _veld in velden].index("plek") + 1
        lengte = _coordinaat(_("Speld op de kaart: lengtegraad (mag leeg blijven)"), 3.0, 7.5)
        lengte.help_text = _(
            "Een speld is openbaar: iedereen ziet waar hij staat. Zet hem op de plek waar het "
            "over gaat, niet op je huis. We ronden af op ongeveer 10 meter."
        )
        speld = [
            ("lengte", lengte),
            ("breedte", _coordinaat(_("Speld op de kaart: breedtegraad"), 50.5, 53.8)),
        ]
        self.fields = dict(velden[:plaats] + speld + velden[plaats:])

    def clean_afbeelding(self):
        foto = self.cleaned_data.get("afbeelding")
        if foto and foto.size > FOTO_MAX_BYTES:
            raise forms.ValidationError(_("Deze foto is groter dan 8 MB. Kies een kleinere."))
        if foto and foto.image.width * foto.image.height > FOTO_MAX_PIXELS:
            raise forms.ValidationError(
                _(
                    "Deze foto heeft te veel pixels (%(breedte)s bij %(hoogte)s). Kies een foto "
                    "van hoogstens %(megapixel)s megapixel, of verklein hem eerst."
                )
                % {
                    "breedte": foto.image.width,
                    "hoogte": foto.image.height,
                    "megapixel": FOTO_MAX_PIXELS // 1_000_000,
                }
            )
        return foto

    def clean(self):
        cleaned = super().clean()
        self._speld_controleren(cleaned)
        if cleaned.get("afbeelding") and not cleaned.get("afbeelding_tekst", "").strip():
            self.add_error(
                "afbeelding_tekst", _("Vertel in een paar woorden wat er op de foto staat.")
            )
        if self.errors and self.files.get("afbeelding"):
            self.add_error(
                None, _("Kies je foto opnieuw; een browser onthoudt die niet na een foutmelding.")
            )
        return cleaned

    def _speld_controleren(self, cleaned: dict) -> None:
        if self.grens is None or self.has_error("lengte") or self.has_error("breedte"):
            return
        fout = speld_fout(
            self.grens, cleaned.get("lengte"), cleaned.get("breedte"), self.gebied.title
        )
        if fout:
            self.add_error("lengte", fout)

    @property
    def speld(self) -> tuple[float, float] | None:
        lengte = self.cleaned_data.get("lengte")
        breedte = self.cleaned_data.get("breedte")
        return (lengte, breedte) if lengte is not None and breedte is not None else None


def _coordinaat(label: str, laagste: float, hoogste: float) -> forms.FloatField:
    return forms.FloatField(
        label=label,
        required=False,
        min_value=laagste,
        max_value=hoogste,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        error_messages={
            "invalid": _("Vul een getal in, zoals 52.4405."),
            "min_value": _("Deze plek ligt niet in Nederland."),
            "max_value": _("Deze plek ligt niet in Nederland."),
        },
    )


class AgendapuntForm(SchrijverForm):
    dubbel_melding = _("Precies dit agendapunt is al voorgesteld.")
    titel = forms.CharField(
        label=_("Welk onderwerp wil je op de agenda?"),
        max_length=150,
        error_messages={
            "required": _("Schrijf het onderwerp op."),
            "max_length": _("Houd het onderwerp korter dan 150 tekens."),
        },
    )
    tekst = _tekstveld(
        _("Waarom moet de alliantie dit bespreken?"), _("Vertel waarom dit op de agenda moet.")
    )


class ReactieForm(SchrijverForm):
    dubbel_melding = _("Precies deze reactie staat er al.")
    tekst = _tekstveld(_("Je reactie"), _("Schrijf je reactie op."), max_length=2000)

    def __init__(self, *args, inbreng: Inbreng, **kwargs):
        super().__init__(*args, **kwargs)
        self.inbreng = inbreng
        self.fields["tekst"].widget.attrs["rows"] = 4


class SteunEmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Je steun telt mee zodra je op de link in de e-mail klikt."),
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Dit is geen geldig e-mailadres. Kijk of er een @ in staat."),
        },
    )


class MeldenForm(forms.Form):
    reden = forms.CharField(
        label=_("Wat is er mis met dit bericht?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Vertel kort wat er mis is, dan kan de moderator het beoordelen."),
            "max_length": _("Houd het korter dan 500 tekens."),
        },
    )


class BehandelForm(forms.Form):
    """The alliance team's official update: a status (a new one, or the same with news), a
    written answer, signed by a role; published now or held back."""

    status = forms.ChoiceField(label=_("Status"), widget=forms.RadioSelect)
    antwoord = forms.CharField(
        label=_("Openbaar antwoord of update"),
        help_text=_(
            "Verplicht bij verwerkt, niet overgenomen en doorgestuurd, en bij een update "
            "zonder nieuwe status. Iedereen kan het lezen; de indiener en wie de inbreng "
            "steunt krijgen het per e-mail."
        ),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    ondertekening = forms.CharField(
        label=_("Ondertekend door"),
        help_text=_("Een rol, geen naam. Bijvoorbeeld: Programmabureau Overvecht, Burgemeester."),
        max_length=120,
        required=False,
    )
    vasthouden = forms.BooleanField(
        label=_(
            "Nog niet publiceren. Bewaar dit als concept en publiceer het later, bijvoorbeeld "
            "samen met andere antwoorden na het alliantieoverleg."
        ),
        required=False,
    )

    def __init__(self, *args, inbreng: Inbreng, **kwargs):
        super().__init__(*args, **kwargs)
        huidig = Inbrengstatus(inbreng.status)
        self.fields["status"].choices = [
            (
                huidig.value,
                _("%(status)s (blijft zo: alleen een update)") % {"status": huidig.label},
            ),
            *(
                (value, label)
                for value, label in Inbrengstatus.choices
                if (inbreng.status, value) in OVERGANGEN
            ),
        ]
        self.fields["status"].error_messages["required"] = _("Kies de status.")
        self.fields["ondertekening"].initial = standaard_ondertekening(inbreng)
        self.inbreng = inbreng

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status:
            # The service's own rules, so the error shows next to the answer.
            try:
                update_controleren(self.inbreng.status, status, cleaned.get("antwoord", "").strip())
            except ParticipatieFout as fout:
                self.add_error("antwoord", str(fout))
        return cleaned


class PubliceerForm(forms.Form):
    moment = forms.DateTimeField(
        label=_("Later publiceren op (leeg laten om nu te publiceren)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
        error_messages={"invalid": _("Vul een datum en tijd in, zoals 14-03-2027 20:00.")},
    )


class ModeratieForm(forms.Form):
    reden = forms.CharField(
        label=_("Openbare reden"),
        help_text=_("Staat op de plek van het verborgen bericht."),
        max_length=300,
        required=False,
    )


class VragenlijstForm(SchrijverForm):
    """One field per question of the process's survey."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Answers are never shown per person, so there is no name or mark to ask for.
        self.fields.pop("pseudoniem")
        self.fields.pop("postcode", None)
        self.vragen = list(self.proces.vragen.all())
        vraagvelden = {}
        for vraag in self.vragen:
            required = {"required": _("Beantwoord deze vraag.")}
            if vraag.soort == Vraagsoort.OPEN:
                veld = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
            elif vraag.soort == Vraagsoort.SCHAAL:
                veld = forms.ChoiceField(
                    choices=[(str(n), label) for n, label in SCHAAL],
                    widget=forms.RadioSelect,
                )
            else:
                keuzes = [(optie, optie) for optie in vraag.optielijst]
                veld = (
                    forms.ChoiceField(choices=keuzes, widget=forms.RadioSelect)
                    if vraag.soort == Vraagsoort.EEN
                    else forms.MultipleChoiceField(
                        choices=keuzes, widget=forms.CheckboxSelectMultiple
                    )
                )
            veld.label = (
                vraag.vraag if vraag.verplicht else f"{vraag.vraag} " + str(_("(mag leeg blijven)"))
            )
            veld.required = vraag.verplicht
            veld.error_messages.update(required)
            vraagvelden[f"vraag_{vraag.pk}"] = veld
        # Questions first, then who answers.
        self.fields = {**vraagvelden, **self.fields}

    def antwoorden(self) -> dict[int, list[str]]:
        result = {}
        for vraag in self.vragen:
            waarde = self.cleaned_data.get(f"vraag_{vraag.pk}")
            result[vraag.pk] = waarde if isinstance(waarde, list) else [waarde or ""]
        return result


class MeldingvoorkeurenForm(forms.Form):
    """How often each kind of e-mail, and which areas to hear of new processes in."""

    gebieden = forms.ModelMultipleChoiceField(
        label=_("Van welke gebieden wil je nieuwe plannen horen?"),
        queryset=FocusgebiedPage.objects.live().order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = {
            soort: forms.ChoiceField(
                label=label, choices=Frequentie.choices, widget=forms.RadioSelect
            )
            for soort, label in Meldingsoort.choices
        }
        self.fields = {**keuzes, **self.fields}

    def keuzes(self) -> dict[str, str]:
        return {soort: self.cleaned_data[soort] for soort in Meldingsoort.values}


class BesluitForm(forms.Form):
    tekst = forms.CharField(
        label=_("Het besluit"),
        help_text=_("In gewone taal: wat heeft de alliantie besloten?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf het besluit op.")},
    )
    bijdragen = forms.ModelMultipleChoiceField(
        label=_("Over welke inbreng of agendapunten gaat het?"),
        queryset=Inbreng.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies de inbreng waar dit besluit over gaat.")},
    )

    def __init__(self, *args, gebied: FocusgebiedPage, overleg, **kwargs):
        super().__init__(*args, **kwargs)
        # The residents' agenda items for this meeting first, then the rest, newest first.
        self.fields["bijdragen"].queryset = (
            Inbreng.objects.filter(focusgebied=gebied, zichtbaarheid=Zichtbaarheid.ZICHTBAAR)
            .select_related("proces")
            .order_by(
                models.Case(
                    models.When(overleg=overleg, then=0),
                    default=1,
                    output_field=models.IntegerField(),
                ),
                "-aangemaakt_op",
            )
        )
        self.fields["bijdragen"].label_from_instance = lambda inbreng: (
            f"{inbreng.titel} ({inbreng.get_soort_display().lower()}, {inbreng.proces.title})"
        )
