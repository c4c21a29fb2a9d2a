from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from search.analysis import leden


class Synoniem(models.Model):
    """A group of words and abbreviations that mean the same; a search for one finds the
    others. Started from search/data/synoniemen.txt, extended by editors in the admin."""

    termen = models.CharField(
        _("termen"),
        max_length=500,
        unique=True,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: VSV, voortijdig schoolverlaten"),
    )

    panels = [FieldPanel("termen")]

    class Meta:
        ordering = ["termen"]
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")

    def __str__(self) -> str:
        return self.termen

    @property
    def groep(self) -> list[str]:
        return leden(self.termen)


class Indexachterstand(models.Model):
    """An index update still to do, by `search_index --achterstand` (cron, every minute):
    one that failed (the index file was busy, for example), also retried with the next
    update, or one of the many that a change of the synonyms needs."""

    class Reden(models.TextChoices):
        STORING = "storing", _("mislukt")
        SYNONIEMEN = "synoniemen", _("synoniemen gewijzigd")

    sleutel = models.CharField(max_length=100, unique=True)  # "<type>:<pk>"
    reden = models.CharField(max_length=20, choices=Reden.choices, default=Reden.STORING)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["aangemaakt"], name="achterstand_volgorde"),
            models.Index(fields=["reden", "aangemaakt"], name="achterstand_per_reden"),
        ]
        verbose_name = _("uitgestelde indexering")
        verbose_name_plural = _("uitgestelde indexeringen")

    def __str__(self) -> str:
        return self.sleutel
