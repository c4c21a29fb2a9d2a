"""Learning circles: pages, meetings, memberships and members-only documents."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gebieden.models import TEXT_FEATURES
from kennisbank.models.basis import KennisbankSectiePage

# Documents for members of a learning circle live in this collection, whose view restriction
# keeps Wagtail's public document URL closed
# (kennisbank.services.leerkringen.ensure_ledencollectie).
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


class LeerkringIndexPage(KennisbankSectiePage):
    """/kennisbank/leerkringen/: the learning circles."""

    subpage_types = ["kennisbank.LeerkringPage"]

    class Meta:
        verbose_name = _("overzicht leerkringen")

    def section_context(self, request) -> dict:
        from kennisbank.selectors.leerkringen import leerkringen_lijst

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
        from kennisbank.selectors.leerkringen import leerkring_detail

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
