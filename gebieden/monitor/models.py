"""Zicht op Wijken: the figures of the 15 kernindicatoren per focus area over time, with the
municipality and the Netherlands as references, and the targets alliances set for their area.
The indicator definitions (number, actielijn, name, unit, source, direction) are
gebieden.Kernindicator."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

PERIODE = re.compile(r"^(?P<jaar>(19|20)\d\d)(-(?P<kwartaal>Q[1-4])|-(?P<maand>0[1-9]|1[0-2]))?$")


def peildatum(periode: str) -> datetime.date:
    """The first day of a period written as 2023, 2023-Q2 or 2023-06; ValueError otherwise."""
    match = PERIODE.match(periode)
    if match is None:
        raise ValueError(periode)
    jaar = int(match["jaar"])
    if match["kwartaal"]:
        return datetime.date(jaar, 3 * int(match["kwartaal"][1]) - 2, 1)
    return datetime.date(jaar, int(match["maand"] or 1), 1)


class Meting(models.Model):
    """One figure: an indicator's value for an area in a period, with its source."""

    kernindicator = models.ForeignKey(
        "gebieden.Kernindicator",
        on_delete=models.PROTECT,
        related_name="metingen",
        verbose_name=_("kernindicator"),
    )
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("focusgebied"),
    )
    periode = models.CharField(_("periode"), max_length=7)
    peildatum = models.DateField(_("peildatum"), editable=False)
    waarde = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    eenheid = models.CharField(_("eenheid"), max_length=60)
    bron = models.CharField(_("bron"), max_length=200)
    gemeente_waarde = models.DecimalField(
        _("waarde gemeente"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    nederland_waarde = models.DecimalField(
        _("waarde Nederland"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # Synthetic demo figures: every page that shows one says "voorbeelddata, geen echte cijfers".
    voorbeelddata = models.BooleanField(_("voorbeelddata"), default=False)
    geimporteerd_op = models.DateTimeField(_("geïmporteerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["kernindicator__nummer", "peildatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["kernindicator", "focusgebied", "periode"], name="meting_een_per_periode"
            )
        ]
        indexes = [
            models.Index(fields=["focusgebied", "kernindicator", "peildatum"]),
            models.Index(fields=["kernindicator", "periode"]),
        ]

    def __str__(self) -> str:
        return f"{self.kernindicator_id} {self.focusgebied_id} {self.periode}"

    def save(self, *args, **kwargs) -> None:
        self.peildatum = peildatum(self.periode)
        super().save(*args, **kwargs)


class Streefwaarde(models.Model):
    """The value an alliance aims for on one indicator in its area, by a year."""

    kernindicator = models.ForeignKey(
        "gebieden.Kernindicator",
        on_delete=models.PROTECT,
        related_name="streefwaarden",
        verbose_name=_("kernindicator"),
    )
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("focusgebied"),
    )
    waarde = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2)
    jaar = models.PositiveSmallIntegerField(_("te halen in"))
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    panels = [
        FieldPanel("focusgebied"),
        FieldPanel("kernindicator"),
        FieldRowPanel([FieldPanel("waarde"), FieldPanel("jaar")]),
        FieldPanel("toelichting"),
    ]

    class Meta:
        verbose_name = _("streefwaarde")
        verbose_name_plural = _("streefwaarden")
        constraints = [
            models.UniqueConstraint(
                fields=["kernindicator", "focusgebied"], name="streefwaarde_een_per_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kernindicator}: {self.waarde} in {self.jaar}"

    def clean(self) -> None:
        if self.jaar and not 2000 <= self.jaar <= 2100:
            raise ValidationError({"jaar": _("Vul een jaartal in, zoals 2030.")})
