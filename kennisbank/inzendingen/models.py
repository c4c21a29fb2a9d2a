from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from kennisbank.models import Doelgroep, Kostenband, Kosteneenheid


class Organisatie(ClusterableModel):
    """An organisation professionals write for. The editors add its members, so only people
    the organisation vouches for see its shared drafts and speak for it."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("naam"), FieldPanel("website"), InlinePanel("leden", label=_("lid"))]

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.naam


class Organisatielid(Orderable):
    organisatie = ParentalKey(Organisatie, on_delete=models.CASCADE, related_name="leden")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisatielidmaatschappen",
        verbose_name=_("gebruiker"),
    )

    panels = [FieldPanel("gebruiker")]

    class Meta:
        verbose_name = _("lid")
        verbose_name_plural = _("leden")
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "gebruiker"], name="lid_een_keer")
        ]

    def __str__(self) -> str:
        return f"{self.organisatie}: {self.gebruiker_id}"


class Inzending(models.Model):
    """A practice example as its contributor writes it, step by step, until the editors
    publish it as a PraktijkvoorbeeldPage. Text fields are Markdown."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        INGEDIEND = "ingediend", _("Ingediend, wacht op de redactie")
        TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd met opmerkingen")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        AFGEWEZEN = "afgewezen", _("Niet geplaatst")

    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inzendingen"
    )
    organisatie = models.ForeignKey(
        Organisatie,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inzendingen",
        verbose_name=_("organisatie"),
    )
    gedeeld = models.BooleanField(_("gedeeld met mijn organisatie"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, db_index=True
    )
    # Each submission starts a new review round; comments belong to a round.
    ronde = models.PositiveSmallIntegerField(default=0)

    titel = models.CharField(_("titel"), max_length=120, blank=True)
    samenvatting = models.TextField(_("samenvatting in één of twee zinnen"), blank=True)
    probleem = models.TextField(_("het probleem"), blank=True)
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("focusgebied"),
    )
    gemeente = models.CharField(_("gemeente"), max_length=100, blank=True)
    themas = models.ManyToManyField("gebieden.Thema", blank=True, verbose_name=_("thema's"))
    doel = models.TextField(_("doel"), blank=True)
    doelgroepen = models.ManyToManyField(Doelgroep, blank=True, verbose_name=_("doelgroepen"))
    doelgroep = models.TextField(_("doelgroep"), blank=True)
    aanpak = models.TextField(_("aanpak"), blank=True)
    werkzame_elementen = models.TextField(_("werkzame elementen"), blank=True)
    randvoorwaarden = models.TextField(_("randvoorwaarden"), blank=True)
    overdraagbaarheid = models.TextField(_("overdraagbaarheid"), blank=True)
    resultaten = models.TextField(_("resultaten"), blank=True)
    evaluatie = models.TextField(_("evaluatie"), blank=True)
    lessen = models.TextField(_("geleerde lessen"), blank=True)
    bereik_effect = models.CharField(
        _("bereik of effect in gewone woorden"), max_length=200, blank=True
    )
    kosten_band = models.PositiveSmallIntegerField(
        _("kosten"), choices=Kostenband.choices, null=True, blank=True
    )
    kosten_eenheid = models.CharField(
        _("kosten gerekend"), max_length=10, choices=Kosteneenheid.choices, blank=True
    )
    kosten_toelichting = models.TextField(_("toelichting op de kosten"), blank=True)
    tijdsbesteding = models.TextField(_("tijdsbesteding"), blank=True)
    contact_url = models.URLField(_("website over de aanpak"), blank=True)
    bronnen = models.TextField(_("bronnen"), blank=True)

    reden_afwijzing = models.TextField(blank=True)
    pagina = models.OneToOneField(
        "kennisbank.PraktijkvoorbeeldPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inzending",
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    ingediend_op = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-gewijzigd_op"]
        verbose_name = _("inzending praktijkvoorbeeld")
        verbose_name_plural = _("inzendingen praktijkvoorbeelden")
        indexes = [models.Index(fields=["organisatie", "gedeeld"])]

    def __str__(self) -> str:
        return self.titel or str(_("(nog zonder titel)"))


class Opmerking(models.Model):
    """An editor's comment on one section (step) of a submission, in one review round."""

    inzending = models.ForeignKey(Inzending, on_delete=models.CASCADE, related_name="opmerkingen")
    ronde = models.PositiveSmallIntegerField()
    sectie = models.CharField(max_length=30)
    tekst = models.TextField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["ronde", "aangemaakt_op", "pk"]

    def __str__(self) -> str:
        return f"{self.inzending_id} ronde {self.ronde}, {self.sectie}"
