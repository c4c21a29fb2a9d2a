"""The vraagbaak: questions asked and the published answers."""

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gebieden.models import TEXT_FEATURES
from kennisbank.models.basis import KennisbankSectiePage


class VraagbaakPage(KennisbankSectiePage):
    """/kennisbank/vraagbaak/: answered questions that the askers agreed to share."""

    subpage_types = ["kennisbank.VraagPage"]

    class Meta:
        verbose_name = _("vraagbaak")

    def section_context(self, request) -> dict:
        from kennisbank.selectors.vraagbaak import vraagbaak_lijst

        return vraagbaak_lijst(self, request.GET)


class VraagPage(Page):
    """A public question and its answer. It never names the asker: the coordinator checks the
    text for personal details when publishing (kennisbank.services.vraagbaak.vraag_publiceren)."""

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
