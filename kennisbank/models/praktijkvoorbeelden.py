"""Practice examples, their syntheses and evidence reviews."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gebieden.models import TEXT_FEATURES
from kennisbank.models.basis import EMAIL_PATTERN, Bewijskracht, Doelgroep, KennisbankSectiePage


class PraktijkvoorbeeldIndexPage(KennisbankSectiePage):
    """/kennisbank/praktijkvoorbeelden/: the filterable list."""

    subpage_types = ["kennisbank.PraktijkvoorbeeldPage", "kennisbank.SynthesePage"]

    class Meta:
        verbose_name = _("overzicht praktijkvoorbeelden")

    def section_context(self, request) -> dict:
        from kennisbank.selectors.praktijkvoorbeelden import praktijkvoorbeelden_lijst

        return praktijkvoorbeelden_lijst(self, request.GET)


class BronBlock(blocks.StructBlock):
    titel = blocks.CharBlock(label=_("titel"))
    url = blocks.URLBlock(label=_("adres"), required=False)

    class Meta:
        icon = "link"
        label = _("bron")


class Kostenband(models.IntegerChoices):
    LAAG = 1, _("laag")
    MIDDEN = 2, _("midden")
    HOOG = 3, _("hoog")


class Kosteneenheid(models.TextChoices):
    DEELNEMER = "deelnemer", _("per deelnemer")
    JAAR = "jaar", _("per jaar")


# What each band means, per unit: the "at a glance" cost mark in plain figures.
KOSTEN_GRENZEN = {
    Kosteneenheid.DEELNEMER: {
        1: _("minder dan € 250 per deelnemer"),
        2: _("€ 250 tot € 1.000 per deelnemer"),
        3: _("meer dan € 1.000 per deelnemer"),
    },
    Kosteneenheid.JAAR: {
        1: _("minder dan € 50.000 per jaar"),
        2: _("€ 50.000 tot € 250.000 per jaar"),
        3: _("meer dan € 250.000 per jaar"),
    },
}


# The rich text sections of a practice example, in reading order: the order of the guided
# contribution form's steps (kennisbank.inzendingen).
SECTIES = (
    "probleem",
    "doel",
    "doelgroep",
    "aanpak",
    "werkzame_elementen",
    "randvoorwaarden",
    "overdraagbaarheid",
    "resultaten",
    "evaluatie",
    "lessen",
    "kosten_toelichting",
    "tijdsbesteding",
)


class PraktijkvoorbeeldPage(Page):
    """A practice example: what was done where, with what result and what was learned."""

    samenvatting = models.TextField(_("samenvatting"))
    body = StreamField(
        [
            ("tekst", blocks.RichTextBlock(features=TEXT_FEATURES, label=_("tekst"))),
            ("citaat", blocks.BlockQuoteBlock(label=_("citaat"))),
        ],
        blank=True,
        verbose_name=_("toelichting"),
    )
    probleem = RichTextField(_("het probleem"), blank=True, features=TEXT_FEATURES)
    doel = RichTextField(_("doel"), blank=True, features=TEXT_FEATURES)
    doelgroep = RichTextField(_("doelgroep"), blank=True, features=TEXT_FEATURES)
    aanpak = RichTextField(_("aanpak"), blank=True, features=TEXT_FEATURES)
    werkzame_elementen = RichTextField(_("werkzame elementen"), blank=True, features=TEXT_FEATURES)
    randvoorwaarden = RichTextField(_("randvoorwaarden"), blank=True, features=TEXT_FEATURES)
    overdraagbaarheid = RichTextField(_("overdraagbaarheid"), blank=True, features=TEXT_FEATURES)
    resultaten = RichTextField(_("resultaten"), blank=True, features=TEXT_FEATURES)
    evaluatie = RichTextField(_("evaluatie"), blank=True, features=TEXT_FEATURES)
    lessen = RichTextField(_("geleerde lessen"), blank=True, features=TEXT_FEATURES)
    kosten_toelichting = RichTextField(_("kosten"), blank=True, features=TEXT_FEATURES)
    tijdsbesteding = RichTextField(_("tijdsbesteding"), blank=True, features=TEXT_FEATURES)
    # The professional who described it (kennisbank.inzendingen); readers may follow them.
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="praktijkvoorbeelden",
        verbose_name=_("auteur"),
    )
    partners = models.TextField(
        _("partners"), blank=True, help_text=_("Eén organisatie per regel.")
    )
    looptijd = models.CharField(
        _("looptijd"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: 2021 tot heden.")
    )
    contact_organisatie = models.CharField(
        _("contactorganisatie"),
        max_length=200,
        blank=True,
        help_text=_("Alleen de organisatie, nooit een persoonlijk e-mailadres."),
    )
    contact_url = models.URLField(_("website contactorganisatie"), blank=True)
    bronnen = StreamField([("bron", BronBlock())], blank=True, verbose_name=_("bronnen"))
    bijlagen = StreamField(
        [("document", DocumentChooserBlock(label=_("document")))],
        blank=True,
        verbose_name=_("bijlagen"),
    )
    themas = ParentalManyToManyField(
        "gebieden.Thema", blank=True, related_name="praktijkvoorbeelden", verbose_name=_("thema's")
    )
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="praktijkvoorbeelden",
        verbose_name=_("focusgebied"),
    )
    gemeente = models.CharField(_("gemeente"), max_length=100, blank=True, db_index=True)
    actielijnen = ParentalManyToManyField(
        "gebieden.Actielijn",
        blank=True,
        related_name="praktijkvoorbeelden",
        verbose_name=_("actielijnen"),
    )
    doelgroepen = ParentalManyToManyField(
        Doelgroep, blank=True, related_name="praktijkvoorbeelden", verbose_name=_("doelgroepen")
    )
    # The level and validity of the latest assessment (Beoordeling), kept here on every save
    # so listings filter and sort on them without a join.
    bewijskracht = models.ForeignKey(
        Bewijskracht,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bewijskracht"),
    )
    bewijskracht_geldig_tot = models.DateField(null=True, blank=True, editable=False)
    kosten_band = models.PositiveSmallIntegerField(
        _("kosten"), choices=Kostenband.choices, null=True, blank=True, db_index=True
    )
    kosten_eenheid = models.CharField(
        _("kosten gerekend"), max_length=10, choices=Kosteneenheid.choices, blank=True
    )
    bereik_effect = models.CharField(
        _("bereik of effect in gewone woorden"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: 150 huishoudens per jaar; schulden eerder in beeld."),
    )
    publicatiedatum = models.DateField(_("publicatiedatum"), db_index=True)
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("samenvatting"),
        FieldPanel("body"),
        *(FieldPanel(name) for name in SECTIES),
        MultiFieldPanel(
            [
                FieldPanel("partners"),
                FieldPanel("looptijd"),
                FieldRowPanel([FieldPanel("contact_organisatie"), FieldPanel("contact_url")]),
            ],
            heading=_("Organisatie"),
        ),
        FieldPanel("bronnen"),
        FieldPanel("bijlagen"),
    ]
    meta_panels = [
        FieldPanel("publicatiedatum"),
        FieldRowPanel([FieldPanel("focusgebied"), FieldPanel("gemeente")]),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("actielijnen", widget=forms.CheckboxSelectMultiple),
        FieldPanel("doelgroepen", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "beoordelingen",
            heading=_("Beoordelingen van de bewijskracht"),
            label=_("beoordeling"),
            help_text=_("De nieuwste beoordeling bepaalt het niveau dat lezers zien."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kosten_band"), FieldPanel("kosten_eenheid")]),
                FieldPanel("bereik_effect"),
            ],
            heading=_("In één oogopslag"),
        ),
        FieldPanel("auteur"),
        FieldPanel("is_demo"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(meta_panels, heading=_("Kenmerken")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
            ObjectList(Page.settings_panels, heading=_("Instellingen"), classname="settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("samenvatting"),
        *(index.SearchField(name) for name in SECTIES),
        index.SearchField("body"),
        index.FilterField("gemeente"),
        index.FilterField("publicatiedatum"),
    ]
    parent_page_types = ["kennisbank.PraktijkvoorbeeldIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")

    def clean(self) -> None:
        super().clean()
        if EMAIL_PATTERN.search(self.contact_organisatie):
            raise ValidationError(
                {"contact_organisatie": _("Geen e-mailadres: noem alleen de organisatie.")}
            )
        if bool(self.kosten_band) != bool(self.kosten_eenheid):
            raise ValidationError(
                {
                    "kosten_eenheid": _(
                        "Vul de kosten en waar ze voor gelden allebei in, of geen van beide."
                    )
                }
            )

    @property
    def huidige_beoordeling(self) -> "Beoordeling | None":
        return max(self.beoordelingen.all(), key=lambda b: b.datum, default=None)

    @property
    def beoordeling_verlopen(self) -> bool:
        return self.bewijskracht_geldig_tot is not None and (
            self.bewijskracht_geldig_tot < timezone.localdate()
        )

    def save(self, *args, **kwargs):
        huidige = self.huidige_beoordeling
        self.bewijskracht_id = huidige.niveau_id if huidige else None
        self.bewijskracht_geldig_tot = huidige.geldig_tot if huidige else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "bewijskracht", "bewijskracht_geldig_tot"}
        return super().save(*args, **kwargs)

    @property
    def kosten_tekst(self) -> str:
        """E.g. "laag: minder dan € 250 per deelnemer"; empty when unknown."""
        if not self.kosten_band or not self.kosten_eenheid:
            return ""
        grens = KOSTEN_GRENZEN[self.kosten_eenheid][self.kosten_band]
        return f"{Kostenband(self.kosten_band).label}: {grens}"

    def get_context(self, request, *args, **kwargs):
        from kennisbank.selectors.praktijkvoorbeelden import praktijkvoorbeeld_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(praktijkvoorbeeld_detail(self, request.user))
        return context

    @property
    def secties(self) -> list[tuple[str, str, str]]:
        """(name, heading, rich text) of each filled-in section, in reading order."""
        return [
            (name, self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in SECTIES
            if getattr(self, name)
        ]

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


class SynthesePage(Page):
    """An editor's synthesis of a recurring type of approach, drawing on the practice examples
    (praktijkbeschrijvingen) it links."""

    samenvatting = models.TextField(_("samenvatting"))
    body = RichTextField(_("de synthese"), features=TEXT_FEATURES)
    voorbeelden = ParentalManyToManyField(
        PraktijkvoorbeeldPage,
        related_name="syntheses",
        verbose_name=_("praktijkvoorbeelden waarop het steunt"),
    )
    themas = ParentalManyToManyField(
        "gebieden.Thema", blank=True, related_name="syntheses", verbose_name=_("thema's")
    )
    publicatiedatum = models.DateField(_("publicatiedatum"), default=timezone.localdate)
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("samenvatting"),
        FieldPanel("body"),
        FieldPanel("voorbeelden", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("publicatiedatum"), FieldPanel("is_demo")]),
    ]
    parent_page_types = ["kennisbank.PraktijkvoorbeeldIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("synthese")
        verbose_name_plural = _("syntheses")

    def get_context(self, request, *args, **kwargs):
        from kennisbank.selectors.praktijkvoorbeelden import synthese_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(synthese_detail(self))
        return context


class Beoordelaar(models.TextChoices):
    REDACTIEPANEL = "redactiepanel", _("Redactiepanel van WijkWijzer")
    ERKENNING = "erkenning", _("Externe erkenningscommissie")


class Beoordeling(Orderable):
    """An assessment of a practice example's evidence: the level, who assessed it, when, until
    when it holds and why. The latest one is the example's current level."""

    praktijkvoorbeeld = ParentalKey(
        PraktijkvoorbeeldPage, on_delete=models.CASCADE, related_name="beoordelingen"
    )
    niveau = models.ForeignKey(
        Bewijskracht, on_delete=models.PROTECT, related_name="+", verbose_name=_("niveau")
    )
    beoordelaar = models.CharField(_("beoordeeld door"), max_length=20, choices=Beoordelaar.choices)
    beoordelaar_naam = models.CharField(
        _("naam van de commissie"),
        max_length=200,
        blank=True,
        help_text=_("Bij een externe erkenning, bijvoorbeeld: Erkenningscommissie Interventies."),
    )
    datum = models.DateField(_("datum van de beoordeling"))
    geldig_tot = models.DateField(_("geldig tot"))
    # Public, under the level. Empty when an import gave none: a note about the import is an
    # internal matter and must not stand where readers expect the reasoning.
    onderbouwing = models.TextField(
        _("korte onderbouwing"),
        max_length=1000,
        blank=True,
        help_text=_("Waarom dit niveau? Lezers zien dit onder de bewijskracht."),
    )

    panels = [
        FieldRowPanel([FieldPanel("niveau"), FieldPanel("beoordelaar")]),
        FieldPanel("beoordelaar_naam"),
        FieldRowPanel([FieldPanel("datum"), FieldPanel("geldig_tot")]),
        FieldPanel("onderbouwing"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")

    def __str__(self) -> str:
        return f"{self.niveau} ({self.datum})"

    def clean(self) -> None:
        if self.datum and self.geldig_tot and self.geldig_tot <= self.datum:
            raise ValidationError({"geldig_tot": _("'Geldig tot' moet na de datum liggen.")})
        if self.beoordelaar == Beoordelaar.ERKENNING and not self.beoordelaar_naam.strip():
            raise ValidationError({"beoordelaar_naam": _("Noem de commissie die erkende.")})

    @property
    def door(self) -> str:
        return self.beoordelaar_naam or self.get_beoordelaar_display()
