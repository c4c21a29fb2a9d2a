"""Shared pieces of the kennisbank: target groups, evidence levels and the section pages."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Page

from gebieden.models import TEXT_FEATURES

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


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
        from kennisbank.selectors.basis import kennisbank_start

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
