from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gebieden.models import TEXT_FEATURES


class Fase(models.Model):
    """A phase of an area's approach in which experts support: verkenning, ontwerp, uitvoering
    (rows from the migration)."""

    slug = models.SlugField(unique=True)
    naam = models.CharField(max_length=50)
    volgorde = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")

    def __str__(self) -> str:
        return self.naam


class Regio(models.Model):
    """Where an expert works: a province, or the whole country (rows from the migration)."""

    slug = models.SlugField(unique=True)
    naam = models.CharField(max_length=50)
    landelijk = models.BooleanField(default=False)

    class Meta:
        ordering = ["-landelijk", "naam"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self) -> str:
        return self.naam


class Ervaring(models.TextChoices):
    LOKAAL = "lokaal", _("Lokaal")
    RIJK = "rijk", _("Rijksniveau")
    BEIDE = "beide", _("Lokaal en rijksniveau")


class Beschikbaarheid(models.TextChoices):
    BESCHIKBAAR = "beschikbaar", _("Beschikbaar")
    BEPERKT = "beperkt", _("Beperkt beschikbaar")
    NIET = "niet", _("Nu niet beschikbaar")


class ExpertpoolPage(Page):
    """/expertpool/: the experts, filterable, and the way to ask for support."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wijkwijzer.HomePage"]
    subpage_types = ["expertpool.ExpertPage"]
    max_count = 1

    class Meta:
        verbose_name = _("expertpool")

    def get_context(self, request, *args, **kwargs):
        from kennisbank.expertpool.selectors import experts_lijst

        context = super().get_context(request, *args, **kwargs)
        context.update(experts_lijst(self, request.GET))
        return context


class ExpertPage(Page):
    """A public expert profile. It never shows contact details: contact goes through a support
    request. `gebruiker` links the expert's account (for invitations); it is not public."""

    functie = models.CharField(_("functie en organisatie"), max_length=200)
    foto = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("foto"),
    )
    biografie = RichTextField(_("korte biografie"), features=TEXT_FEATURES)
    themas = ParentalManyToManyField(
        "gebieden.Thema", blank=True, related_name="experts", verbose_name=_("expertise")
    )
    fasen = ParentalManyToManyField(Fase, blank=True, related_name="experts")
    regios = ParentalManyToManyField(Regio, blank=True, related_name="experts")
    ervaring = models.CharField(_("ervaring"), max_length=10, choices=Ervaring.choices)
    beschikbaarheid = models.CharField(
        _("beschikbaarheid"),
        max_length=15,
        choices=Beschikbaarheid.choices,
        default=Beschikbaarheid.BESCHIKBAAR,
        db_index=True,
    )
    praktijkvoorbeelden = ParentalManyToManyField(
        "kennisbank.PraktijkvoorbeeldPage",
        blank=True,
        related_name="experts",
        verbose_name=_("betrokken bij praktijkvoorbeelden"),
    )
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expertprofiel",
        verbose_name=_("account van de expert"),
        help_text=_("Nodig om de expert uit te nodigen. Niet openbaar."),
    )
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("functie"), FieldPanel("foto")]),
        FieldPanel("biografie"),
        MultiFieldPanel(
            [
                FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("fasen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regios", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("ervaring"), FieldPanel("beschikbaarheid")]),
            ],
            heading=_("Expertise"),
        ),
        FieldPanel("praktijkvoorbeelden", widget=forms.CheckboxSelectMultiple),
        FieldPanel("gebruiker"),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("functie"),
        index.SearchField("biografie"),
        index.FilterField("beschikbaarheid"),
    ]
    parent_page_types = ["expertpool.ExpertpoolPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def get_context(self, request, *args, **kwargs):
        from kennisbank.expertpool.selectors import expert_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(expert_detail(self))
        return context


class Urgentie(models.TextChoices):
    LAAG = "laag", _("Kan wachten (binnen drie maanden)")
    NORMAAL = "normaal", _("Binnen een maand")
    HOOG = "hoog", _("Dringend (binnen twee weken)")


class Ondersteuningsaanvraag(models.Model):
    """A municipality's or alliance's request for support from the Expertpool. Its status only
    changes through kennisbank.expertpool.services.overgang, which checks the transition table
    and records every change as an AanvraagGebeurtenis."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("ingediend")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        EXPERT_VOORGESTELD = "expert_voorgesteld", _("expert voorgesteld")
        GEMATCHT = "gematcht", _("gematcht")
        AFGEROND = "afgerond", _("afgerond")
        AFGEWEZEN = "afgewezen", _("afgewezen")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    aanvrager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ondersteuningsaanvragen",
        verbose_name=_("aanvrager"),
    )
    organisatie = models.CharField(_("organisatie"), max_length=200)
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ondersteuningsaanvragen",
        verbose_name=_("focusgebied"),
    )
    gemeente = models.CharField(_("gemeente"), max_length=100, blank=True)
    vraag = models.TextField(_("vraag"))
    fase = models.ForeignKey(Fase, on_delete=models.PROTECT, related_name="+")
    themas = models.ManyToManyField(
        "gebieden.Thema", related_name="ondersteuningsaanvragen", verbose_name=_("expertise")
    )
    urgentie = models.CharField(_("urgentie"), max_length=10, choices=Urgentie.choices)
    periode = models.CharField(_("periode"), max_length=100)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND
    )
    expert = models.ForeignKey(
        ExpertPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opdrachten",
        verbose_name=_("expert"),
    )
    reden_afwijzing = models.TextField(_("reden van afwijzing"), blank=True)
    uitkomst = models.TextField(_("uitkomst"), blank=True)
    uitkomst_openbaar = models.BooleanField(_("uitkomst openbaar"), default=False)
    waardering = models.PositiveSmallIntegerField(_("waardering (1-5)"), null=True, blank=True)
    feedback = models.TextField(_("feedback van de aanvrager"), blank=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), auto_now_add=True, db_index=True)
    gematcht_op = models.DateTimeField(_("gematcht op"), null=True, blank=True)
    afgerond_op = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("ondersteuningsaanvraag")
        verbose_name_plural = _("ondersteuningsaanvragen")
        ordering = ["-ingediend_op"]
        indexes = [
            models.Index(fields=["status", "ingediend_op"]),
            models.Index(fields=["aanvrager", "ingediend_op"]),
            models.Index(fields=["expert", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie}: {self.vraag[:60]}"

    @property
    def gebied_naam(self) -> str:
        return self.focusgebied.title if self.focusgebied else self.gemeente

    gebied_naam.fget.short_description = _("gebied")  # type: ignore[attr-defined]

    @property
    def dagen_oud(self) -> int:
        return (timezone.now() - self.ingediend_op).days

    dagen_oud.fget.short_description = _("dagen oud")  # type: ignore[attr-defined]


class AanvraagGebeurtenis(models.Model):
    """One entry of a request's timeline: a status change or added information."""

    aanvraag = models.ForeignKey(
        Ondersteuningsaanvraag, on_delete=models.CASCADE, related_name="gebeurtenissen"
    )
    wie = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    wanneer = models.DateTimeField(default=timezone.now)
    van_status = models.CharField(max_length=20, blank=True)
    naar_status = models.CharField(max_length=20, blank=True)
    tekst = models.TextField(blank=True)

    class Meta:
        ordering = ["wanneer", "pk"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")

    def __str__(self) -> str:
        return f"{self.wanneer:%Y-%m-%d %H:%M} {self.naar_status or self.tekst[:40]}"

    @property
    def naar_label(self) -> str:
        return Ondersteuningsaanvraag.Status(self.naar_status).label if self.naar_status else ""


class Uitnodiging(models.Model):
    """The coordinator's invitation to an expert. The e-mailed link carries a random token of
    which only the hash is stored; it works once and until `verloopt_op`."""

    class Status(models.TextChoices):
        OPEN = "open", _("wacht op antwoord")
        GEACCEPTEERD = "geaccepteerd", _("geaccepteerd")
        AFGEWEZEN = "afgewezen", _("afgewezen")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    aanvraag = models.ForeignKey(
        Ondersteuningsaanvraag, on_delete=models.CASCADE, related_name="uitnodigingen"
    )
    expert = models.ForeignKey(ExpertPage, on_delete=models.CASCADE, related_name="uitnodigingen")
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.OPEN)
    token_hash = models.CharField(max_length=64, unique=True)
    verloopt_op = models.DateTimeField()
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    toelichting = models.TextField(blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.expert.title} ({self.get_status_display()})"

    @property
    def is_verlopen(self) -> bool:
        return self.status == self.Status.OPEN and self.verloopt_op < timezone.now()

    @property
    def kan_beantwoorden(self) -> bool:
        return self.status == self.Status.OPEN and not self.is_verlopen
