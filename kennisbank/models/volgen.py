"""Reading list and following themes, areas and types, with their notices."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkwijzer.meldingen import Frequentie


class Leeslijstitem(models.Model):
    """A page someone keeps on their reading list."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leeslijst"
    )
    pagina = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "pagina"], name="leeslijst_een_keer")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker_id}: {self.pagina_id}"


class Volgsoort(models.TextChoices):
    THEMA = "thema", _("Thema")
    GEBIED = "gebied", _("Focusgebied")
    ORGANISATIE = "organisatie", _("Organisatie")
    AUTEUR = "auteur", _("Auteur")


class Volg(models.Model):
    """Something someone follows in the kennisbank: a theme or area (by slug), an
    organisation (by the name examples give as contact) or an author (by account number)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kennisbank_volgt"
    )
    soort = models.CharField(max_length=12, choices=Volgsoort.choices)
    waarde = models.CharField(max_length=200)
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["soort", "waarde"]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "soort", "waarde"], name="volg_een_keer")
        ]

    def __str__(self) -> str:
        return f"{self.soort}: {self.waarde}"


class Volgvoorkeur(models.Model):
    """How often someone hears of new items matching what they follow (weekly until chosen)."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volgvoorkeur"
    )
    frequentie = models.CharField(max_length=12, choices=Frequentie.choices)

    def __str__(self) -> str:
        return f"{self.gebruiker_id}: {self.frequentie}"


class Volgbericht(models.Model):
    """A new page waiting for someone's daily or weekly digest."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volgberichten"
    )
    pagina = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    verstuurd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["verstuurd_op", "gebruiker"])]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "pagina"], name="volgbericht_een_keer")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker_id}: {self.pagina_id}"


class Volgaankondiging(models.Model):
    """A page whose first publication has been announced to its followers: only once, even
    when it is unpublished and published again."""

    pagina = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return str(self.pagina_id)
