"""Publications and their documents."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gebieden.models import TEXT_FEATURES
from kennisbank.models.basis import KennisbankSectiePage


class PublicatieIndexPage(KennisbankSectiePage):
    """/kennisbank/publicaties/: reports, handreikingen and kennisdossiers."""

    subpage_types = ["kennisbank.PublicatiePage"]

    class Meta:
        verbose_name = _("overzicht publicaties")

    def section_context(self, request) -> dict:
        from kennisbank.selectors.publicaties import publicaties_lijst

        return publicaties_lijst(self, request.GET)


class Publicatiesoort(models.TextChoices):
    PRAKTIJKBOEK = "praktijkboek", _("Praktijkboek")
    HANDREIKING = "handreiking", _("Handreiking")
    ONDERZOEK = "onderzoek", _("Onderzoek")
    KENNISDOSSIER = "kennisdossier", _("Kennisdossier")
    FACTSHEET = "factsheet", _("Factsheet")


class PublicatiePage(Page):
    """A publication with downloadable documents. The text of attached PDFs is extracted
    (kennisbank.services.publicaties.extract_document_texts) so search can find what is
    inside them."""

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
    # Filled from the file by kennisbank.services.publicaties.extract_document_texts; not
    # edited by hand.
    tekst = models.TextField(_("tekst uit het document"), blank=True, editable=False)
    tekst_van_bestand = models.CharField(max_length=255, blank=True, editable=False)

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
