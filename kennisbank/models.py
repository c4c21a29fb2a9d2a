import datetime
import re

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
from wijkwijzer.meldingen import Frequentie

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# Documents for members of a learning circle live in this collection, whose view restriction
# keeps Wagtail's public document URL closed (kennisbank.services.ensure_ledencollectie).
LEDEN_COLLECTIE = "Leerkringen: alleen voor leden"


class LedenDocumentBlock(DocumentChooserBlock):
    """A members-only document: refused unless it is in the members-only collection."""

    def clean(self, value):
        value = super().clean(value)
        if value is not None and value.collection.name != LEDEN_COLLECTIE:
            raise ValidationError(
                _(
                    "Dit document staat in een openbare collectie. Zet documenten voor leden in "
                    "de collectie '%(collectie)s', anders kan iedereen ze openen."
                )
                % {"collectie": LEDEN_COLLECTIE}
            )
        return value


class Doelgroep(models.Model):
    slug = models.SlugField(_("code"), unique=True)
    naam = models.CharField(_("naam"), max_length=100)

    panels = [FieldPanel("naam"), FieldPanel("slug")]

    class Meta:
        ordering = ["naam"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self) -> str:
        return self.naam


class Bewijskracht(models.Model):
    """A level of evidence, from idea to proven effective. `volgorde` orders the levels."""

    slug = models.SlugField(_("code"), unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), unique=True)
    uitleg = models.TextField(_("uitleg"))

    panels = [FieldPanel("naam"), FieldPanel("slug"), FieldPanel("volgorde"), FieldPanel("uitleg")]

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("bewijskrachtniveau")
        verbose_name_plural = _("bewijskrachtniveaus")

    def __str__(self) -> str:
        return self.naam


class KennisbankIndexPage(Page):
    """/kennisbank/: the entrance to the knowledge network."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wijkwijzer.HomePage"]
    subpage_types = [
        "kennisbank.PraktijkvoorbeeldIndexPage",
        "kennisbank.PublicatieIndexPage",
        "kennisbank.AgendaPage",
        "kennisbank.LeerkringIndexPage",
        "kennisbank.VraagbaakPage",
        "kennisbank.BewijskrachtPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("kennisbank")

    def get_context(self, request, *args, **kwargs):
        from kennisbank.selectors import kennisbank_start

        context = super().get_context(request, *args, **kwargs)
        context.update(kennisbank_start(self))
        return context


class KennisbankSectiePage(Page):
    """A section right below /kennisbank/ (one of each): an intro, and a list whose context
    comes from `section_context`, which calls a selector in kennisbank.selectors."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["kennisbank.KennisbankIndexPage"]
    max_count = 1

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.section_context(request))
        return context

    def section_context(self, request) -> dict:
        raise NotImplementedError


class BewijskrachtPage(Page):
    """Explains the levels of evidence, and that a level is no endorsement."""

    intro = RichTextField(_("introductie"), blank=True, features=TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["kennisbank.KennisbankIndexPage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("uitleg bewijskracht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["niveaus"] = Bewijskracht.objects.all()
        return context


class PraktijkvoorbeeldIndexPage(KennisbankSectiePage):
    """/kennisbank/praktijkvoorbeelden/: the filterable list."""

    subpage_types = ["kennisbank.PraktijkvoorbeeldPage", "kennisbank.SynthesePage"]

    class Meta:
        verbose_name = _("overzicht praktijkvoorbeelden")

    def section_context(self, request) -> dict:
        from kennisbank.selectors import praktijkvoorbeelden_lijst

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
        from kennisbank.selectors import praktijkvoorbeeld_detail

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
        from kennisbank.selectors import synthese_detail

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


class PublicatieIndexPage(KennisbankSectiePage):
    """/kennisbank/publicaties/: reports, handreikingen and kennisdossiers."""

    subpage_types = ["kennisbank.PublicatiePage"]

    class Meta:
        verbose_name = _("overzicht publicaties")

    def section_context(self, request) -> dict:
        from kennisbank.selectors import publicaties_lijst

        return publicaties_lijst(self, request.GET)


class Publicatiesoort(models.TextChoices):
    PRAKTIJKBOEK = "praktijkboek", _("Praktijkboek")
    HANDREIKING = "handreiking", _("Handreiking")
    ONDERZOEK = "onderzoek", _("Onderzoek")
    KENNISDOSSIER = "kennisdossier", _("Kennisdossier")
    FACTSHEET = "factsheet", _("Factsheet")


class PublicatiePage(Page):
    """A publication with downloadable documents. The text of attached PDFs is extracted
    (kennisbank.services.extract_document_texts) so search can find what is inside them."""

    soort = models.CharField(_("soort"), max_length=20, choices=Publicatiesoort.choices)
    samenvatting = models.TextField(_("samenvatting"))
    body = RichTextField(_("toelichting"), blank=True, features=TEXT_FEATURES)
    themas = ParentalManyToManyField(
        "gebieden.Thema", blank=True, related_name="publicaties", verbose_name=_("thema's")
    )
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publicaties",
        verbose_name=_("focusgebied"),
    )
    publicatiedatum = models.DateField(_("publicatiedatum"), db_index=True)
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("soort"), FieldPanel("publicatiedatum")]),
        FieldPanel("samenvatting"),
        FieldPanel("body"),
        InlinePanel("documenten", heading=_("Documenten"), label=_("document")),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("focusgebied"),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("samenvatting"),
        index.SearchField("body"),
        index.RelatedFields("documenten", [index.SearchField("tekst")]),
        index.FilterField("publicatiedatum"),
    ]
    parent_page_types = ["kennisbank.PublicatieIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themas"] = list(self.themas.all())
        context["documenten"] = list(self.documenten.select_related("document"))
        return context


class PublicatieDocument(Orderable):
    publicatie = ParentalKey(PublicatiePage, on_delete=models.CASCADE, related_name="documenten")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    # Filled from the file by kennisbank.services.extract_document_texts; not edited by hand.
    tekst = models.TextField(_("tekst uit het document"), blank=True, editable=False)
    tekst_van_bestand = models.CharField(max_length=255, blank=True, editable=False)

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documenten")


class AgendaPage(KennisbankSectiePage):
    """/kennisbank/agenda/: upcoming events first; past events stay browsable with reports."""

    subpage_types = ["kennisbank.EvenementPage"]

    class Meta:
        verbose_name = _("agenda")

    def section_context(self, request) -> dict:
        from kennisbank.selectors import agenda

        return agenda(self, request.GET)


class Evenementsoort(models.TextChoices):
    WIJKWERKATELIER = "wijkwerkatelier", _("Wijk-werkatelier")
    KENNISKAMER = "kenniskamer", _("Kenniskamer")
    LEERKRING = "leerkring", _("Leerkringbijeenkomst")
    WEBINAR = "webinar", _("Webinar")


class EvenementPage(Page):
    """An event people register for; when it is full, registrations go on a waiting list."""

    soort = models.CharField(_("soort"), max_length=20, choices=Evenementsoort.choices)
    begin = models.DateTimeField(_("begin"), db_index=True)
    einde = models.DateTimeField(_("einde"))
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    capaciteit = models.PositiveIntegerField(
        _("aantal plaatsen"), help_text=_("0 betekent: geen aanmelding nodig.")
    )
    samenvatting = models.TextField(_("samenvatting"))
    beschrijving = RichTextField(_("programma"), blank=True, features=TEXT_FEATURES)
    verslag = RichTextField(
        _("verslag"), blank=True, features=TEXT_FEATURES, help_text=_("Na afloop invullen.")
    )
    themas = ParentalManyToManyField(
        "gebieden.Thema", blank=True, related_name="evenementen", verbose_name=_("thema's")
    )
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("soort"), FieldPanel("capaciteit")]),
        FieldRowPanel([FieldPanel("begin"), FieldPanel("einde")]),
        FieldRowPanel([FieldPanel("locatie"), FieldPanel("online_link")]),
        FieldPanel("samenvatting"),
        FieldPanel("beschrijving"),
        FieldPanel("verslag"),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("samenvatting"),
        index.SearchField("beschrijving"),
        index.SearchField("verslag"),
        index.FilterField("begin"),
    ]
    parent_page_types = ["kennisbank.AgendaPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")

    def clean(self) -> None:
        super().clean()
        if self.begin and self.einde and self.einde <= self.begin:
            raise ValidationError({"einde": _("Het einde moet na het begin liggen.")})

    @property
    def begin_is_past(self) -> bool:
        return self.begin < timezone.now()

    def get_context(self, request, *args, **kwargs):
        from kennisbank.selectors import evenement_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(evenement_detail(self, request.user))
        return context


class Aanmelding(models.Model):
    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", _("aangemeld")
        WACHTLIJST = "wachtlijst", _("op de wachtlijst")
        AFGEMELD = "afgemeld", _("afgemeld")

    evenement = models.ForeignKey(
        EvenementPage, on_delete=models.CASCADE, related_name="aanmeldingen"
    )
    deelnemer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="aanmeldingen"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["evenement", "deelnemer"], name="een_aanmelding_per_deelnemer"
            )
        ]
        indexes = [models.Index(fields=["evenement", "status", "aangemaakt"])]

    def __str__(self) -> str:
        return f"{self.deelnemer.public_name}: {self.evenement.title} ({self.get_status_display()})"


class LeerkringIndexPage(KennisbankSectiePage):
    """/kennisbank/leerkringen/: the learning circles."""

    subpage_types = ["kennisbank.LeerkringPage"]

    class Meta:
        verbose_name = _("overzicht leerkringen")

    def section_context(self, request) -> dict:
        from kennisbank.selectors import leerkringen_lijst

        return leerkringen_lijst(self)


class LeerkringPage(Page):
    """A learning circle. Its public part describes it and reports on its meetings; the
    members-only part (meeting links, documents) is shown to approved members only."""

    samenvatting = models.TextField(_("samenvatting"))
    doel = RichTextField(_("doel"), features=TEXT_FEATURES)
    facilitator = models.CharField(_("facilitator (organisatie)"), max_length=200)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("coördinator"),
        help_text=_("Beoordeelt aanmeldingen en krijgt daarover e-mail."),
    )
    themas = ParentalManyToManyField(
        "gebieden.Thema", blank=True, related_name="leerkringen", verbose_name=_("thema's")
    )
    ledeninformatie = RichTextField(
        _("alleen voor leden"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Bijvoorbeeld de links naar online bijeenkomsten. Alleen leden zien dit."),
    )
    ledendocumenten = StreamField(
        [("document", LedenDocumentBlock(label=_("document")))],
        blank=True,
        verbose_name=_("documenten voor leden"),
    )
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("samenvatting"),
        FieldPanel("doel"),
        FieldRowPanel([FieldPanel("facilitator"), FieldPanel("coordinator")]),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        InlinePanel("bijeenkomsten", heading=_("Bijeenkomsten"), label=_("bijeenkomst")),
        MultiFieldPanel(
            [FieldPanel("ledeninformatie"), FieldPanel("ledendocumenten")],
            heading=_("Alleen voor leden"),
        ),
        FieldPanel("is_demo"),
    ]
    # The members-only fields are deliberately not indexed.
    search_fields = [
        *Page.search_fields,
        index.SearchField("samenvatting"),
        index.SearchField("doel"),
    ]
    parent_page_types = ["kennisbank.LeerkringIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("leerkring")
        verbose_name_plural = _("leerkringen")

    def get_context(self, request, *args, **kwargs):
        from kennisbank.forms import LidmaatschapForm
        from kennisbank.selectors import leerkring_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(leerkring_detail(self, request.user))
        context.setdefault("lidmaatschap_form", LidmaatschapForm())
        return context


class LeerkringBijeenkomst(Orderable):
    leerkring = ParentalKey(LeerkringPage, on_delete=models.CASCADE, related_name="bijeenkomsten")
    begin = models.DateTimeField(_("begin"))
    plaats = models.CharField(
        _("plaats"),
        max_length=200,
        help_text=_("Of: online (de link staat bij 'alleen voor leden')."),
    )
    verslag = RichTextField(_("openbaar verslag"), blank=True, features=TEXT_FEATURES)

    panels = [FieldRowPanel([FieldPanel("begin"), FieldPanel("plaats")]), FieldPanel("verslag")]

    class Meta(Orderable.Meta):
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")


class Lidmaatschap(models.Model):
    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("aangevraagd")
        LID = "lid", _("lid")
        AFGEWEZEN = "afgewezen", _("afgewezen")
        VERTROKKEN = "vertrokken", _("vertrokken")

    leerkring = models.ForeignKey(
        LeerkringPage, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    deelnemer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    motivatie = models.TextField(_("motivatie"), blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["leerkring", "deelnemer"], name="een_lidmaatschap_per_deelnemer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deelnemer.public_name}: {self.leerkring.title} ({self.get_status_display()})"


class VraagbaakPage(KennisbankSectiePage):
    """/kennisbank/vraagbaak/: answered questions that the askers agreed to share."""

    subpage_types = ["kennisbank.VraagPage"]

    class Meta:
        verbose_name = _("vraagbaak")

    def section_context(self, request) -> dict:
        from kennisbank.selectors import vraagbaak_lijst

        return vraagbaak_lijst(self, request.GET)


class VraagPage(Page):
    """A public question and its answer. It never names the asker: the coordinator checks the
    text for personal details when publishing (kennisbank.services.vraag_publiceren)."""

    samenvatting = models.TextField(
        _("toelichting bij de vraag"), help_text=_("De situatie, zonder namen of persoonsgegevens.")
    )
    antwoord = RichTextField(_("antwoord"), features=TEXT_FEATURES)
    themas = ParentalManyToManyField(
        "gebieden.Thema", blank=True, related_name="vragen", verbose_name=_("thema's")
    )
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vragen",
        verbose_name=_("focusgebied"),
    )
    publicatiedatum = models.DateField(_("publicatiedatum"), db_index=True)
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("samenvatting"),
        FieldPanel("antwoord"),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("focusgebied"), FieldPanel("publicatiedatum")]),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("samenvatting"),
        index.SearchField("antwoord"),
        index.FilterField("publicatiedatum"),
    ]
    parent_page_types = ["kennisbank.VraagbaakPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("vraag en antwoord")
        verbose_name_plural = _("vragen en antwoorden")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themas"] = list(self.themas.all())
        return context


class Vraag(models.Model):
    """A question a professional put to the vraagbaak. Private to the asker and the people
    handling it; with consent, the answered question becomes a public VraagPage."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("ingediend")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        BEANTWOORD = "beantwoord", _("beantwoord")
        GEPUBLICEERD = "gepubliceerd", _("beantwoord en gepubliceerd")
        GESLOTEN = "gesloten", _("gesloten")

    vrager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="vraagbaakvragen",
        verbose_name=_("vrager"),
    )
    vraag = models.CharField(_("vraag"), max_length=300)
    toelichting = models.TextField(_("toelichting"))
    thema = models.ForeignKey(
        "gebieden.Thema", on_delete=models.PROTECT, related_name="+", verbose_name=_("thema")
    )
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("focusgebied"),
    )
    toestemming_publicatie = models.BooleanField(_("mag openbaar"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("behandelaar"),
    )
    antwoord = models.TextField(_("antwoord (Markdown)"), blank=True)
    reden_gesloten = models.TextField(_("reden van sluiten"), blank=True)
    pagina = models.OneToOneField(
        VraagPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bron",
        verbose_name=_("openbare pagina"),
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    in_behandeling_op = models.DateTimeField(_("in behandeling op"), null=True, blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    gesloten_op = models.DateTimeField(_("gesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("vraagbaakvraag")
        verbose_name_plural = _("vraagbaakvragen")
        ordering = ["-ingediend_op"]
        indexes = [
            models.Index(fields=["status", "ingediend_op"]),
            models.Index(fields=["vrager", "ingediend_op"]),
        ]

    def __str__(self) -> str:
        return self.vraag

    @property
    def stappen(self) -> list[tuple[str, datetime.datetime]]:
        """The steps taken so far, oldest first, for the asker's timeline."""
        steps = [
            (_("Ingediend"), self.ingediend_op),
            (_("In behandeling genomen"), self.in_behandeling_op),
            (_("Beantwoord"), self.beantwoord_op),
            (_("Gepubliceerd in de vraagbaak"), self.gepubliceerd_op),
            (_("Gesloten"), self.gesloten_op),
        ]
        return [(label, moment) for label, moment in steps if moment]


class Leeslijstitem(models.Model):
    """A page someone keeps on their reading list."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leeslijst"
    )
    pagina = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "pagina"], name="leeslijst_een_keer")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker_id}: {self.pagina_id}"


class Volgsoort(models.TextChoices):
    THEMA = "thema", _("Thema")
    GEBIED = "gebied", _("Focusgebied")
    ORGANISATIE = "organisatie", _("Organisatie")
    AUTEUR = "auteur", _("Auteur")


class Volg(models.Model):
    """Something someone follows in the kennisbank: a theme or area (by slug), an
    organisation (by the name examples give as contact) or an author (by account number)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kennisbank_volgt"
    )
    soort = models.CharField(max_length=12, choices=Volgsoort.choices)
    waarde = models.CharField(max_length=200)
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["soort", "waarde"]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "soort", "waarde"], name="volg_een_keer")
        ]

    def __str__(self) -> str:
        return f"{self.soort}: {self.waarde}"


class Volgvoorkeur(models.Model):
    """How often someone hears of new items matching what they follow (weekly until chosen)."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volgvoorkeur"
    )
    frequentie = models.CharField(max_length=12, choices=Frequentie.choices)

    def __str__(self) -> str:
        return f"{self.gebruiker_id}: {self.frequentie}"


class Volgbericht(models.Model):
    """A new page waiting for someone's daily or weekly digest."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volgberichten"
    )
    pagina = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    verstuurd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["verstuurd_op", "gebruiker"])]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "pagina"], name="volgbericht_een_keer")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker_id}: {self.pagina_id}"


class Volgaankondiging(models.Model):
    """A page whose first publication has been announced to its followers: only once, even
    when it is unpublished and published again."""

    pagina = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return str(self.pagina_id)
