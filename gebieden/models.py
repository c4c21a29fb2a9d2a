import re

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from wijkwijzer import haken
from wijkwijzer.sections import fill

POSTCODE = re.compile(r"\b\d{4}\b")


def validate_postcodes(value: str) -> None:
    for part in filter(None, (part.strip() for part in value.split(","))):
        if not re.fullmatch(r"[1-9]\d{3}", part):
            raise ValidationError(
                _("'%(deel)s' is geen postcode van vier cijfers.") % {"deel": part}
            )


# CBS codes (Wijk- en Buurtkaart): a municipality GM0363, a wijk WK036301, a buurt BU03630101.
GEMEENTECODE = re.compile(r"GM\d{4}")
WIJK_OF_BUURTCODE = re.compile(r"(WK\d{6}|BU\d{8})")


def validate_gemeentecode(value: str) -> None:
    if value and not GEMEENTECODE.fullmatch(value):
        raise ValidationError(_("Een CBS-gemeentecode is GM met vier cijfers, zoals GM0363."))


def validate_cbs_codes(value: str) -> None:
    for part in filter(None, (part.strip() for part in value.split(","))):
        if not WIJK_OF_BUURTCODE.fullmatch(part):
            raise ValidationError(
                _(
                    "'%(deel)s' is geen CBS-code van een wijk (WK en zes cijfers) of buurt (BU "
                    "en acht cijfers)."
                )
                % {"deel": part}
            )


TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class Provincie(models.TextChoices):
    DRENTHE = "drenthe", "Drenthe"
    FLEVOLAND = "flevoland", "Flevoland"
    FRIESLAND = "friesland", "Fryslân"
    GELDERLAND = "gelderland", "Gelderland"
    GRONINGEN = "groningen", "Groningen"
    LIMBURG = "limburg", "Limburg"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    OVERIJSSEL = "overijssel", "Overijssel"
    UTRECHT = "utrecht", "Utrecht"
    ZEELAND = "zeeland", "Zeeland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"


class Thema(models.Model):
    """A theme of the taxonomy. Slugs are stable: import files refer to them."""

    slug = models.SlugField(_("code"), unique=True)
    label = models.CharField(_("naam"), max_length=100)

    panels = [FieldPanel("label"), FieldPanel("slug")]

    class Meta:
        ordering = ["label"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return self.label


class Actielijn(models.Model):
    """One of the four lines of action of the national programme."""

    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    titel = models.CharField(_("titel"), max_length=200)

    panels = [FieldPanel("nummer"), FieldPanel("titel")]

    class Meta:
        ordering = ["nummer"]
        verbose_name = _("actielijn")
        verbose_name_plural = _("actielijnen")

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}"


class Kernindicator(models.Model):
    """One of the 15 key indicators of the national monitor (Zicht op Wijken)."""

    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    actielijn = models.ForeignKey(
        Actielijn,
        on_delete=models.PROTECT,
        related_name="kernindicatoren",
        verbose_name=_("actielijn"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    eenheid = models.CharField(
        _("eenheid"), max_length=60, blank=True, help_text=_("Bijvoorbeeld: procent, woningen.")
    )
    hoger_is_beter = models.BooleanField(
        _("hoger is beter"),
        null=True,
        blank=True,
        help_text=_("Leeg laten als een hogere of lagere waarde niet beter of slechter is."),
    )

    panels = [
        FieldPanel("nummer"),
        FieldPanel("actielijn"),
        FieldPanel("naam"),
        FieldPanel("bron"),
        FieldPanel("eenheid"),
        FieldPanel("hoger_is_beter"),
    ]

    class Meta:
        ordering = ["nummer"]
        verbose_name = _("kernindicator")
        verbose_name_plural = _("kernindicatoren")

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam}"


class GebiedenIndexPage(Page):
    """/gebieden/: the list of the stedelijke focusgebieden."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wijkwijzer.HomePage"]
    subpage_types = ["gebieden.FocusgebiedPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht focusgebieden")

    def serve(self, request, *args, **kwargs):
        """With ?postcode=: one matching area redirects to its page; several or none are
        listed or explained on this page (DESIGN.md's postcode finder)."""
        from gebieden.forms import PostcodeForm
        from gebieden.selectors import gebieden_bij_postcode

        if "postcode" in request.GET:
            form = PostcodeForm(request.GET)
            gevonden = (
                gebieden_bij_postcode(self, form.cleaned_data["postcode"])
                if form.is_valid()
                else []
            )
            if len(gevonden) == 1:
                return redirect(gevonden[0].url)
            kwargs.update(postcode_form=form, postcode_gebieden=gevonden)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, postcode_form=None, postcode_gebieden=(), **kwargs):
        from gebieden.forms import PostcodeForm
        from gebieden.selectors import focusgebieden_overzicht

        context = super().get_context(request, *args, **kwargs)
        context.update(focusgebieden_overzicht(self, request.GET))
        context["postcode_form"] = postcode_form or PostcodeForm()
        context["postcode_gebieden"] = postcode_gebieden
        context["postcode_gezocht"] = postcode_form is not None and postcode_form.is_valid()
        return context


class FocusgebiedPage(Page):
    """A stedelijk focusgebied with its alliance. Everything that happens in the area (its
    meetings, later its participation processes) lives below this page in the tree, so page
    permissions on it bound an alliance's staff to their own area."""

    gemeente = models.CharField(_("gemeente"), max_length=100, db_index=True)
    provincie = models.CharField(
        _("provincie"), max_length=20, choices=Provincie.choices, db_index=True
    )
    inwoners = models.PositiveIntegerField(_("aantal inwoners"), null=True, blank=True)
    inwoners_bron = models.CharField(
        _("bron aantal inwoners"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: CBS, 1 januari 2025."),
    )
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    beschrijving = RichTextField(_("beschrijving"), blank=True, features=TEXT_FEATURES)
    toegevoegd_in = models.PositiveSmallIntegerField(_("focusgebied sinds"), null=True, blank=True)
    postcodes = models.CharField(
        _("postcodes van het gebied"),
        max_length=500,
        blank=True,
        validators=[validate_postcodes],
        help_text=_(
            "De vier cijfers van de postcodes in het gebied, gescheiden door komma's. Wie bij "
            "inbreng zo'n postcode opgeeft, krijgt het label 'bewoner'. De postcode wordt niet "
            "bewaard."
        ),
    )
    cbs_gemeentecode = models.CharField(
        _("CBS-gemeentecode"),
        max_length=6,
        blank=True,
        validators=[validate_gemeentecode],
        help_text=_("Bijvoorbeeld GM0363 voor Amsterdam."),
    )
    cbs_codes = models.CharField(
        _("CBS-wijken en -buurten"),
        max_length=1000,
        blank=True,
        validators=[validate_cbs_codes],
        help_text=_(
            "De CBS-codes van de wijken of buurten die samen dit gebied vormen, gescheiden door "
            "komma's: WK036301, BU03630101. Cijfers en grenzen met deze codes horen dan bij dit "
            "gebied."
        ),
    )
    regiodeal_2020 = models.BooleanField(_("regiodeal 2020"), default=False)
    meldingsdrempel = models.PositiveSmallIntegerField(
        _("meldingen voor automatisch verbergen"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Melden zoveel verschillende mensen een bericht, dan gaat het offline tot een "
            "moderator ernaar heeft gekeken."
        ),
    )
    alliantie_naam = models.CharField(_("naam alliantie"), max_length=200, blank=True)
    alliantie_beschrijving = RichTextField(
        _("over de alliantie"), blank=True, features=TEXT_FEATURES
    )
    # The group whose members are the alliance staff of this area (see gebieden.services).
    alliantie_groep = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="focusgebied",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("gemeente"), FieldPanel("provincie")]),
                FieldRowPanel([FieldPanel("inwoners"), FieldPanel("inwoners_bron")]),
                FieldRowPanel([FieldPanel("toegevoegd_in"), FieldPanel("regiodeal_2020")]),
            ],
            heading=_("Gegevens"),
        ),
        FieldPanel("samenvatting"),
        FieldPanel("beschrijving"),
        FieldPanel("postcodes"),
        MultiFieldPanel(
            [FieldPanel("cbs_gemeentecode"), FieldPanel("cbs_codes")],
            heading=_("CBS-codes"),
        ),
        FieldPanel("meldingsdrempel"),
    ]
    alliantie_panels = [
        FieldPanel("alliantie_naam"),
        FieldPanel("alliantie_beschrijving"),
        InlinePanel("alliantieleden", heading=_("Leden"), label=_("lid")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Gebied")),
            ObjectList(alliantie_panels, heading=_("Alliantie")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("gemeente"),
        index.SearchField("samenvatting"),
        index.SearchField("beschrijving"),
        index.FilterField("provincie"),
    ]
    parent_page_types = ["gebieden.GebiedenIndexPage"]
    # The apps above gebieden add theirs through haken.GEBIED_PAGINATYPE (clean_subpage_models).
    subpage_types = ["gebieden.AlliantieoverlegPage"]

    class Meta:
        verbose_name = _("focusgebied")
        verbose_name_plural = _("focusgebieden")

    @classmethod
    def clean_subpage_models(cls) -> list[type[Page]]:
        # Wagtail reads subpage_types once, on first use; the hooks of the apps above are
        # found only then (all apps loaded), not when this class is created.
        if cls._clean_subpage_models is None:
            eigen = super().clean_subpage_models()
            cls._clean_subpage_models = [
                *eigen,
                *(resolve_model_string(label) for label in haken.GEBIED_PAGINATYPE.alle()),
            ]
        return cls._clean_subpage_models

    def get_context(self, request, *args, **kwargs):
        from gebieden.selectors import focusgebied_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(focusgebied_detail(self))
        return context

    @property
    def postcode_lijst(self) -> set[str]:
        return set(POSTCODE.findall(self.postcodes))

    @property
    def cbs_code_lijst(self) -> set[str]:
        return set(WIJK_OF_BUURTCODE.findall(self.cbs_codes))

    @property
    def alliantie_titel(self) -> str:
        return self.alliantie_naam or str(_("Alliantie %(gebied)s") % {"gebied": self.title})


class Gebiedsgrens(models.Model):
    """The shape of a focus area: a GeoJSON Polygon or MultiPolygon in WGS84 (longitude,
    latitude), kept apart from the page so an import changes no page revision and the page
    loads without it. docs/kaarten.md says why GeoJSON text and not GeoDjango."""

    focusgebied = models.OneToOneField(
        FocusgebiedPage, on_delete=models.CASCADE, related_name="grens", verbose_name=_("gebied")
    )
    geometrie = models.JSONField(_("grens (GeoJSON, WGS84)"))
    bron = models.CharField(_("bron"), max_length=200)
    # Demo shapes drawn by hand around an area's centre: the map says so, always.
    is_benadering = models.BooleanField(_("benadering, geen officiële grens"), default=False)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("gebiedsgrens")
        verbose_name_plural = _("gebiedsgrenzen")

    def __str__(self) -> str:
        return str(self.focusgebied)


class AlliantieRol(models.TextChoices):
    VOORZITTER = "voorzitter", _("Voorzitter (burgemeester)")
    WETHOUDER = "wethouder", _("Wethouder")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    SCHOLEN = "scholen", _("Scholen")
    POLITIE = "politie", _("Politie")
    OM = "om", _("Openbaar Ministerie")
    GGD = "ggd", _("GGD")
    ZORGVERZEKERAAR = "zorgverzekeraar", _("Zorgverzekeraar")
    WERKGEVERS = "werkgevers", _("Werkgevers")
    WELZIJN = "welzijn", _("Welzijn")
    BEWONERS = "bewoners", _("Bewonersvertegenwoordiging")
    RIJK = "rijk", _("Rijksvertegenwoordiger")


class AlliantieLid(Orderable):
    """A member of an area's alliance, by role. Public: these are people in a public role;
    no contact details are stored."""

    focusgebied = ParentalKey(
        FocusgebiedPage, on_delete=models.CASCADE, related_name="alliantieleden"
    )
    rol = models.CharField(_("rol"), max_length=20, choices=AlliantieRol.choices)
    naam = models.CharField(
        _("naam"),
        max_length=200,
        blank=True,
        help_text=_("Leeg laten als de naam (nog) niet bekend is."),
    )
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    departement = models.CharField(
        _("departement"),
        max_length=50,
        blank=True,
        help_text=_("Alleen voor de rijksvertegenwoordiger, bijvoorbeeld BZK."),
    )
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("rol"), FieldPanel("naam")]),
        FieldRowPanel([FieldPanel("organisatie"), FieldPanel("departement")]),
        FieldPanel("is_demo"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("alliantielid")
        verbose_name_plural = _("alliantieleden")

    def __str__(self) -> str:
        return f"{self.get_rol_display()}: {self.naam or self.organisatie}"


class AlliantieoverlegPage(Page):
    """A meeting of the area's alliance, with its public agenda and minutes."""

    datum = models.DateField(_("datum"), db_index=True)
    aanvang = models.TimeField(_("aanvang"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    agenda = RichTextField(_("openbare agenda"), blank=True, features=TEXT_FEATURES)
    notulen = RichTextField(
        _("openbaar verslag"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Na vaststelling invullen."),
    )
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("datum"), FieldPanel("aanvang"), FieldPanel("locatie")]),
        FieldPanel("agenda"),
        FieldPanel("notulen"),
        FieldPanel("is_demo"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("agenda"), index.SearchField("notulen")]
    parent_page_types = ["gebieden.FocusgebiedPage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["secties"] = fill(haken.OVERLEG_SECTIE.alle(), self)
        return context

    class Meta:
        verbose_name = _("alliantieoverleg")
        verbose_name_plural = _("alliantieoverleggen")
