"""The agenda: events and sign-ups."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
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


class AgendaPage(KennisbankSectiePage):
    """/kennisbank/agenda/: upcoming events first; past events stay browsable with reports."""

    subpage_types = ["kennisbank.EvenementPage"]

    class Meta:
        verbose_name = _("agenda")

    def section_context(self, request) -> dict:
        from kennisbank.selectors.agenda import agenda

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
        from kennisbank.selectors.agenda import evenement_detail

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
