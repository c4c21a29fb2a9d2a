from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from gebieden.models import FocusgebiedPage
from kennisbank.inzendingen.models import Inzending, Organisatie
from kennisbank.inzendingen.stappen import Stap
from kennisbank.models import EMAIL_PATTERN

MAX_TEKST = 6000
HULP = {
    "titel": _("Kort en herkenbaar, bijvoorbeeld: Buurtbemiddeling in Zaandam-Oost."),
    "samenvatting": _("Dit staat op de kaart in de lijst. Eén of twee zinnen."),
    "probleem": _("Wat speelde er? Markdown mag: **vet**, lijstjes met -, en links."),
    "focusgebied": _("Leeg laten als het niet in een van de twintig focusgebieden was."),
    "gemeente": _("In welke gemeente liep het?"),
    "doelgroep": _("Wie wilde je bereiken, en hoe vond je ze?"),
    "werkzame_elementen": _("De onderdelen die het verschil maken. Een lijstje mag."),
    "overdraagbaarheid": _("Wat moet een andere wijk aanpassen?"),
    "evaluatie": _("Bijvoorbeeld: evaluatie door de hogeschool in 2025, met link."),
    "bereik_effect": _("Kort, bijvoorbeeld: 150 huishoudens per jaar; schulden eerder in beeld."),
    "lessen": _("Wat ging anders dan gedacht? Wat zou je een ander aanraden?"),
    "kosten_band": _("Kies de band waar je kosten ongeveer in vallen."),
    "tijdsbesteding": _("Bijvoorbeeld: twee uur per week per vrijwilliger, plus coördinatie."),
    "organisatie": _(
        "Staat je organisatie er niet bij? Vraag de redactie om je toe te voegen; "
        "je kunt intussen verder schrijven."
    ),
    "contact_url": _("Een pagina van je organisatie over deze aanpak."),
    "bronnen": _(
        "Eén bron per regel: de titel, en aan het eind het webadres als dat er is. "
        "Bijvoorbeeld: Evaluatie buurtbemiddeling 2025 https://voorbeeld.nl/evaluatie"
    ),
}


def bronregels(tekst: str) -> list[tuple[str, str]]:
    """The sources as (title, address) pairs: one per line, the address last if any."""
    regels = []
    for regel in (r.strip() for r in tekst.splitlines()):
        if not regel:
            continue
        titel, _spatie, laatste = regel.rpartition(" ")
        if laatste.startswith(("http://", "https://")) and titel:
            regels.append((titel.strip(), laatste))
        else:
            regels.append((regel, ""))
    return regels


class StapForm(forms.ModelForm):
    """One step of the guided form. Nothing is required while writing: what is needed is
    checked when the example is submitted (stappen.ontbreekt); what is wrong is refused at
    once, with what was typed kept."""

    def __init__(self, *args, gebruiker, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():
            veld.required = False
            if naam in HULP:
                veld.help_text = HULP[naam]
            if isinstance(veld.widget, forms.Textarea):
                veld.validators.append(_max_tekst)
                veld.widget.attrs["rows"] = 6
        if "organisatie" in self.fields:
            self.fields["organisatie"].queryset = Organisatie.objects.filter(
                leden__gebruiker=gebruiker
            )
            self.fields["organisatie"].empty_label = _("Kies je organisatie")
        if "focusgebied" in self.fields:
            self.fields["focusgebied"].queryset = FocusgebiedPage.objects.live().order_by("title")
            self.fields["focusgebied"].empty_label = _("Geen focusgebied")

    def clean(self):
        cleaned = super().clean()
        for naam, waarde in list(cleaned.items()):
            if isinstance(waarde, str) and naam != "contact_url" and EMAIL_PATTERN.search(waarde):
                self.add_error(
                    naam,
                    _(
                        "Zet hier geen e-mailadres: het voorbeeld wordt openbaar. "
                        "Noem de organisatie; die staat als contact bij het voorbeeld."
                    ),
                )
        if "kosten_band" in self.fields and bool(cleaned.get("kosten_band")) != bool(
            cleaned.get("kosten_eenheid")
        ):
            self.add_error(
                "kosten_eenheid",
                _("Kies de kosten en waar ze voor gelden allebei, of geen van beide."),
            )
        return cleaned

    def clean_bronnen(self) -> str:
        tekst = self.cleaned_data.get("bronnen", "")
        for _titel, adres in bronregels(tekst):
            if not adres:
                continue
            try:
                URLValidator()(adres)
            except ValidationError:
                raise ValidationError(
                    _("Het webadres %(adres)s klopt niet. Begin met https://."),
                    params={"adres": adres},
                ) from None
        return tekst


def _max_tekst(waarde: str) -> None:
    if len(waarde) > MAX_TEKST:
        raise ValidationError(
            _("Dit is %(lengte)d tekens; de grens is %(max)d. Maak het korter."),
            params={"lengte": len(waarde), "max": MAX_TEKST},
        )


def _formfield(veld, **kwargs):
    if veld.name == "contact_url":
        kwargs["assume_scheme"] = "https"
    return veld.formfield(**kwargs)


def stap_form(stap: Stap) -> type[StapForm]:
    return forms.modelform_factory(
        Inzending,
        form=StapForm,
        fields=stap.velden,
        formfield_callback=_formfield,
        widgets={
            "themas": forms.CheckboxSelectMultiple,
            "doelgroepen": forms.CheckboxSelectMultiple,
        },
        error_messages={"contact_url": {"invalid": _("Vul een volledig webadres in.")}},
    )
