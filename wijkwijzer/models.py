from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from wijkwijzer import haken
from wijkwijzer.roles import ROLES
from wijkwijzer.sections import fill


class User(AbstractUser):
    """An account. Only `display_name` is ever shown in public; e-mail address and real name
    stay private."""

    display_name = models.CharField(
        _("weergavenaam"),
        max_length=60,
        blank=True,
        help_text=_("De naam die anderen zien. Een schuilnaam mag."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def public_name(self) -> str:
        """The display name; without one, what the account is: "Beheerder" for a superuser
        (createsuperuser asks for no display name), the role for staff, else "Deelnemer"."""
        if self.display_name:
            return self.display_name
        if self.is_superuser:
            return str(_("Beheerder"))
        if self.pk is not None:
            names = set(self.groups.filter(name__in=ROLES).values_list("name", flat=True))
            for role in ROLES:
                if role in names:
                    return role
        return str(_("Deelnemer"))


class HomePage(Page):
    intro = models.TextField(_("introductie"), blank=True)
    body = RichTextField(
        _("tekst"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["secties"] = fill(haken.HOME_SECTIE.alle(), self)
        return context


def public_name(user: User) -> str:
    """How allauth's pages and e-mails name a user: the public display name, never the
    generated username or the e-mail address."""
    return user.public_name


class Paginaversie(models.Model):
    """A generation counter of the anonymous page cache (wijkwijzer.paginacache): "" for the
    whole site, "gebied:<slug>" for an area, "zoeken" for search. In the database, not the
    cache, so every worker and server sees a bump at once, whatever cache each one uses."""

    bereik = models.CharField(max_length=120, primary_key=True)
    versie = models.BigIntegerField(default=1)

    def __str__(self) -> str:
        return f"{self.bereik or 'alles'}: {self.versie}"


class Verzending(models.Model):
    """A form sent once (wijkwijzer.verzending): its key, from a hidden field, and where the
    answer sent the visitor. The key's uniqueness is what makes a second send of the same form
    (a double click, a retried POST) store nothing new."""

    sleutel = models.UUIDField(primary_key=True)
    url = models.CharField(max_length=500)
    aangemaakt_op = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return str(self.sleutel)


TEKST_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


@register_setting(icon="doc-full")
class SiteTeksten(BaseGenericSetting):
    """Texts of the whole site that editors own (Instellingen -> Teksten van de site). An empty
    field shows the text the site ships with (templates/wijkwijzer/), so a new installation
    reads well before anyone writes a word."""

    voettekst = models.TextField(
        _("voettekst"),
        blank=True,
        help_text=_("Eén of twee zinnen onder aan elke pagina: wie maakt deze site en waarvoor."),
    )
    privacyverklaring = RichTextField(
        _("privacyverklaring"),
        blank=True,
        features=TEKST_FEATURES,
        help_text=_("Staat op /privacy/. Leeg: de standaardtekst van de site."),
    )
    toegankelijkheidsverklaring = RichTextField(
        _("toegankelijkheidsverklaring"),
        blank=True,
        features=TEKST_FEATURES,
        help_text=_("Staat op /toegankelijkheid/. Leeg: de standaardtekst van de site."),
    )

    class Meta:
        verbose_name = _("teksten van de site")
