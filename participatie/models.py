"""Participation: a process under a focus area, residents' contributions (inbreng) with one
level of replies and support, a survey, residents' agenda items, moderation and the
accountability loop: every contribution gets a public status and, before it is closed, a
public written answer from the alliance team.

People are shown only by the pseudonym they chose; e-mail addresses live in the account (or,
until confirmed, in Bevestiging) and postcodes are never stored."""

import datetime
from dataclasses import dataclass
from typing import ClassVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import URLPattern
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page

from gebieden.models import TEXT_FEATURES
from participatie.admin_forms import ResultaatForm
from participatie.overgangen import Inbrengstatus, Publicatie, Resultaatstatus, Zichtbaarheid
from wijkwijzer.meldingen import Frequentie


class Fasesoort(models.TextChoices):
    INFORMEREN = "informeren", _("Informeren")
    INBRENG = "inbreng", _("Inbreng geven")
    REAGEREN = "reageren", _("Reageren op het concept")
    TERUGKOPPELING = "terugkoppeling", _("Terugkoppeling")


# Phases in which residents can write (contributions, replies, support, survey answers).
SCHRIJFFASEN = {Fasesoort.INBRENG, Fasesoort.REAGEREN}


class Moderatie(models.TextChoices):
    ACHTERAF = "achteraf", _("Achteraf: inbreng staat meteen online")
    VOORAF = "vooraf", _("Vooraf: een moderator keurt inbreng eerst goed")


@dataclass(frozen=True)
class Stand:
    """Where a process stands today, computed from its phases."""

    fase: str | None  # the current phase's label, or None between/outside phases
    tekst: str  # e.g. "Inbreng mogelijk tot 12 maart"
    schrijven_open: bool
    # The last day input is possible, while it is.
    tot: datetime.date | None = None


def _datum(value: datetime.date) -> str:
    return formats.date_format(value, "j F Y")


class ParticipatieprocesPage(RoutablePageMixin, Page):
    """A plan residents give input on, under its focus area. The contribution pages, the
    forms and the "Wat is er met je inbreng gedaan" overview are routes of this page, so
    their URLs follow the process (participatie.urls: `proces_urlpatterns` are these routes,
    `urlpatterns` what is not about one process).
    """

    samenvatting = models.TextField(
        _("samenvatting"), help_text=_("Twee of drie zinnen in eenvoudige taal (B1).")
    )
    plan = StreamField(
        [
            ("tekst", blocks.RichTextBlock(features=TEXT_FEATURES, label=_("tekst"))),
            ("afbeelding", ImageBlock(label=_("afbeelding"))),
            ("document", DocumentChooserBlock(label=_("document"))),
        ],
        blank=True,
        verbose_name=_("het plan"),
    )
    inbreng_aan = models.BooleanField(_("inbreng geven"), default=True)
    vragenlijst_aan = models.BooleanField(_("vragenlijst"), default=False)
    agendapunt_aan = models.BooleanField(_("bewonersagendapunt"), default=False)
    speld_aan = models.BooleanField(
        _("speld op de kaart"),
        default=False,
        help_text=_(
            "Bewoners mogen bij hun inbreng een speld zetten op de kaart van het gebied (als het "
            "gebied een grens heeft). Een speld is openbaar."
        ),
    )
    moderatie = models.CharField(
        _("moderatie"), max_length=10, choices=Moderatie.choices, default=Moderatie.ACHTERAF
    )
    contact_naam = models.CharField(
        _("contact"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Programmabureau Poelenburg."),
    )
    contact_email = models.EmailField(
        _("e-mailadres contact"),
        blank=True,
        help_text=_("Een algemeen adres van het programmabureau, geen persoonlijk adres."),
    )
    contact_telefoon = models.CharField(_("telefoon contact"), max_length=30, blank=True)
    wat_is_veranderd = RichTextField(
        _("wat er in het plan is veranderd"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Staat op de pagina 'Wat is er met je inbreng gedaan'."),
    )
    bewaartermijn_maanden = models.PositiveSmallIntegerField(
        _("bewaartermijn persoonsgegevens (maanden)"),
        default=24,
        help_text=_(
            "Zoveel maanden na de laatste fase worden de persoonsgegevens van dit proces "
            "geanonimiseerd. De inbreng en de antwoorden blijven staan."
        ),
    )
    geanonimiseerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(_("voorbeeldgegevens"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("samenvatting"),
        FieldPanel("plan"),
        InlinePanel("fasen", heading=_("Fasen"), label=_("fase"), min_num=1),
    ]
    instellingen_panels = [
        MultiFieldPanel(
            [
                FieldPanel("inbreng_aan"),
                FieldPanel("vragenlijst_aan"),
                FieldPanel("agendapunt_aan"),
                FieldPanel("speld_aan"),
            ],
            heading=_("Onderdelen"),
        ),
        FieldPanel("moderatie"),
        MultiFieldPanel(
            [
                FieldPanel("contact_naam"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_telefoon")]),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("bewaartermijn_maanden"),
        FieldPanel("is_demo"),
    ]
    vragenlijst_panels = [InlinePanel("vragen", heading=_("Vragen"), label=_("vraag"))]
    terugkoppeling_panels = [FieldPanel("wat_is_veranderd")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Plan en fasen")),
            ObjectList(instellingen_panels, heading=_("Instellingen")),
            ObjectList(vragenlijst_panels, heading=_("Vragenlijst")),
            ObjectList(terugkoppeling_panels, heading=_("Terugkoppeling")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
        ]
    )
    parent_page_types = ["gebieden.FocusgebiedPage"]
    subpage_types = ["participatie.ResultaatPage"]
    # The page itself, a contribution, the forms, open data and the overview are routes of
    # this page, served by participatie.views. The views import these models, so the routes
    # are not listed here: AppConfig.ready() sets participatie.urls.proces_urlpatterns.
    subpage_urls: ClassVar[tuple[URLPattern, ...]] = ()

    class Meta:
        verbose_name = _("participatieproces")
        verbose_name_plural = _("participatieprocessen")

    def stand(self, today: datetime.date | None = None) -> Stand:
        """Uses the prefetched phases when present (see selectors)."""
        today = today or timezone.localdate()
        fasen = sorted(self.fasen.all(), key=lambda fase: fase.begin)
        if not fasen:
            return Stand(None, str(_("Nog geen fasen bekend")), False)
        huidige = next((f for f in fasen if f.begin <= today <= f.eind), None)
        schrijven = [f for f in fasen if f.soort in SCHRIJFFASEN]
        if huidige is not None and huidige.soort in SCHRIJFFASEN:
            # Writing phases that follow on without a gap read as one period for a resident.
            eind = huidige.eind
            for fase in schrijven:
                if fase.begin <= eind + datetime.timedelta(days=1) and fase.eind > eind:
                    eind = fase.eind
            return Stand(
                huidige.get_soort_display(),
                str(_("Inbreng mogelijk tot %(datum)s") % {"datum": _datum(eind)}),
                True,
                eind,
            )
        komend = [f for f in schrijven if f.begin > today]
        if komend:
            return Stand(
                huidige.get_soort_display() if huidige else None,
                str(_("Inbreng mogelijk vanaf %(datum)s") % {"datum": _datum(komend[0].begin)}),
                False,
            )
        if huidige is not None:
            return Stand(huidige.get_soort_display(), str(huidige.get_soort_display()), False)
        if today > fasen[-1].eind:
            return Stand(
                None, str(_("Afgerond op %(datum)s") % {"datum": _datum(fasen[-1].eind)}), False
            )
        return Stand(None, str(_("Start op %(datum)s") % {"datum": _datum(fasen[0].begin)}), False)

    @property
    def laatste_dag(self) -> datetime.date | None:
        return max((fase.eind for fase in self.fasen.all()), default=None)

    def get_context(self, request, *args, **kwargs):
        # Selectors import these models, so they are imported when a page is shown.
        from participatie.selectors import proces_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(proces_detail(self, request.GET))
        return context

    @classmethod
    def get_subpage_urls(cls) -> tuple[URLPattern, ...]:
        return cls.subpage_urls


class ProcesFase(Orderable):
    proces = ParentalKey(ParticipatieprocesPage, on_delete=models.CASCADE, related_name="fasen")
    soort = models.CharField(_("fase"), max_length=20, choices=Fasesoort.choices)
    begin = models.DateField(_("begin"))
    eind = models.DateField(_("eind"))

    panels = [FieldRowPanel([FieldPanel("soort"), FieldPanel("begin"), FieldPanel("eind")])]

    class Meta(Orderable.Meta):
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")

    def clean(self) -> None:
        if self.begin and self.eind and self.eind < self.begin:
            raise ValidationError({"eind": _("De einddatum ligt voor de begindatum.")})


class Vraagsoort(models.TextChoices):
    OPEN = "open", _("Open vraag")
    EEN = "een", _("Eén antwoord kiezen")
    MEER = "meer", _("Meer antwoorden kiezen")
    SCHAAL = "schaal", _("Schaal van 1 tot 5")


class Vragenlijstvraag(Orderable):
    proces = ParentalKey(ParticipatieprocesPage, on_delete=models.CASCADE, related_name="vragen")
    vraag = models.CharField(_("vraag"), max_length=300)
    soort = models.CharField(_("soort"), max_length=10, choices=Vraagsoort.choices)
    opties = models.TextField(
        _("antwoordmogelijkheden"),
        blank=True,
        help_text=_("Eén per regel. Alleen bij 'één antwoord' en 'meer antwoorden'."),
    )
    verplicht = models.BooleanField(_("verplicht"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("vraag"), FieldPanel("soort")]),
        FieldPanel("opties"),
        FieldPanel("verplicht"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return self.vraag

    @property
    def optielijst(self) -> list[str]:
        return [line.strip() for line in self.opties.splitlines() if line.strip()]

    def clean(self) -> None:
        if self.soort in (Vraagsoort.EEN, Vraagsoort.MEER) and len(self.optielijst) < 2:
            raise ValidationError({"opties": _("Geef minstens twee antwoordmogelijkheden.")})


class Inbrengsoort(models.TextChoices):
    IDEE = "idee", _("Idee")
    REACTIE = "reactie", _("Reactie op het plan")
    ZORG = "zorg", _("Zorg")
    AGENDAPUNT = "agendapunt", _("Agendapunt voor het alliantieoverleg")


class Speld(models.Model):
    """A pin on the area's map (WGS84, inside the area's boundary), public: where a
    contribution is about or a result happens. Rounded to four decimals (about 10 m by 7 m
    here): a spot in the street, not a front door (participatie.services.PIN_DECIMALEN)."""

    lengte = models.DecimalField(
        _("lengtegraad"), max_digits=7, decimal_places=4, null=True, blank=True
    )
    breedte = models.DecimalField(
        _("breedtegraad"), max_digits=7, decimal_places=4, null=True, blank=True
    )

    class Meta:
        abstract = True

    @property
    def heeft_speld(self) -> bool:
        return self.lengte is not None and self.breedte is not None


class Bijdrage(models.Model):
    """What contributions and replies share: who wrote it (shown only by pseudonym), and
    whether it is visible. `auteur` is empty until the e-mail address is confirmed, and again
    after the writer deleted their account keeping the text or the retention period ended."""

    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pseudoniem = models.CharField(_("naam die anderen zien"), max_length=60, blank=True)
    bewoner = models.BooleanField(_("woont in het gebied"), default=False)
    tekst = models.TextField(_("tekst"))
    zichtbaarheid = models.CharField(
        _("zichtbaarheid"), max_length=12, choices=Zichtbaarheid.choices, db_index=True
    )
    verborgen_reden = models.CharField(_("reden verbergen"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(_("geschreven op"), default=timezone.now)
    gepubliceerd_op = models.DateTimeField(_("online sinds"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def naam(self) -> str:
        return self.pseudoniem or str(_("Verwijderde deelnemer"))

    @property
    def is_zichtbaar(self) -> bool:
        return self.zichtbaarheid == Zichtbaarheid.ZICHTBAAR


class Inbreng(Speld, Bijdrage):
    MODERATIE_SOORT = "inbreng"

    proces = models.ForeignKey(
        ParticipatieprocesPage,
        on_delete=models.CASCADE,
        related_name="inbreng",
        verbose_name=_("proces"),
    )
    # Copied from the process's parent so permission checks and area lists need no tree query.
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("focusgebied"),
    )
    soort = models.CharField(_("soort"), max_length=12, choices=Inbrengsoort.choices)
    titel = models.CharField(_("titel"), max_length=150)
    thema = models.ForeignKey(
        "gebieden.Thema",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("thema"),
    )
    plek = models.CharField(_("plek in de wijk"), max_length=150, blank=True)
    afbeelding = models.ImageField(_("foto"), upload_to="inbreng/", blank=True)
    afbeelding_tekst = models.CharField(_("wat staat er op de foto"), max_length=200, blank=True)
    overleg = models.ForeignKey(
        "gebieden.AlliantieoverlegPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("alliantieoverleg"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Inbrengstatus.choices,
        default=Inbrengstatus.ONTVANGEN,
        db_index=True,
    )
    antwoord = models.TextField(_("antwoord van het alliantieteam"), blank=True)
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    meldingen = models.BooleanField(_("e-mail bij veranderingen"), default=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("inbreng")
        verbose_name_plural = _("inbreng")
        indexes = [
            models.Index(fields=["proces", "zichtbaarheid", "-aangemaakt_op"]),
            models.Index(fields=["focusgebied", "status"]),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def url(self) -> str:
        return self.proces.url + self.proces.reverse_subpage("inbreng", args=[self.pk])

    @property
    def hoofdinbreng(self) -> "Inbreng":
        return self

    @property
    def antwoord_update(self) -> "Statuswijziging | None":
        """The latest published update with an answer (from the prefetched history)."""
        updates = getattr(self, "openbare_updates", [])
        return next((update for update in reversed(updates) if update.antwoord), None)


class Reactie(Bijdrage):
    """A reply to a contribution; replies have no replies of their own."""

    MODERATIE_SOORT = "reactie"

    inbreng = models.ForeignKey(Inbreng, on_delete=models.CASCADE, related_name="reacties")

    class Meta:
        ordering = ["aangemaakt_op"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        indexes = [models.Index(fields=["inbreng", "zichtbaarheid"])]

    def __str__(self) -> str:
        return self.tekst[:60]

    @property
    def hoofdinbreng(self) -> Inbreng:
        return self.inbreng


class Steun(models.Model):
    inbreng = models.ForeignKey(Inbreng, on_delete=models.CASCADE, related_name="steun")
    # Empty once the supporter's personal data is anonymised; the support still counts.
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    meldingen = models.BooleanField(default=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inbreng", "gebruiker"], name="steun_een_keer")
        ]

    def __str__(self) -> str:
        return f"Steun voor inbreng {self.inbreng_id}"


class Statuswijziging(models.Model):
    """An official update on a contribution: a status, with the answer given with it and
    signed by a role ("Programmabureau Overvecht", "Burgemeester"). The published ones are
    the contribution's public history. An update can be prepared and held back, then
    published later, alone or together with the others of its process. Who on the team
    wrote it is kept for the audit, not shown."""

    inbreng = models.ForeignKey(Inbreng, on_delete=models.CASCADE, related_name="wijzigingen")
    van_status = models.CharField(max_length=20, choices=Inbrengstatus.choices, blank=True)
    naar_status = models.CharField(max_length=20, choices=Inbrengstatus.choices)
    antwoord = models.TextField(blank=True)
    ondertekening = models.CharField(max_length=120, blank=True)
    publicatie = models.CharField(
        max_length=12,
        choices=Publicatie.choices,
        default=Publicatie.GEPUBLICEERD,
        db_index=True,
    )
    # For a held-back update: when `participatie_publiceren` publishes it (empty: by hand).
    publiceren_op = models.DateTimeField(null=True, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    wanneer = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["wanneer", "pk"]

    def __str__(self) -> str:
        return f"{self.get_naar_status_display()} ({self.wanneer:%Y-%m-%d})"


class Melding(models.Model):
    """A report of a contribution or reply, by anyone, for the area's moderators."""

    inbreng = models.ForeignKey(
        Inbreng, null=True, blank=True, on_delete=models.CASCADE, related_name="meldingen_van"
    )
    reactie = models.ForeignKey(
        Reactie, null=True, blank=True, on_delete=models.CASCADE, related_name="meldingen_van"
    )
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage", on_delete=models.CASCADE, related_name="+"
    )
    reden = models.CharField(_("wat is er mis"), max_length=500)
    melder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Tells reporters apart without storing who they are: "u<account id>" or a keyed hash of
    # the IP address; one person's reports of one item count once.
    melder_sleutel = models.CharField(max_length=64, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    afgehandeld_op = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["aangemaakt_op"]

    def __str__(self) -> str:
        return self.reden[:60]

    @property
    def bijdrage(self) -> Bijdrage:
        return self.inbreng or self.reactie


class Moderatiebesluit(models.Model):
    """The audit trail of moderation: every hide, restore, approval and dismissed report."""

    class Actie(models.TextChoices):
        GOEDKEUREN = "goedkeuren", _("Goedgekeurd")
        VERBERGEN = "verbergen", _("Verborgen")
        TERUGZETTEN = "terugzetten", _("Teruggezet")
        MELDING_AFWIJZEN = "afwijzen", _("Melding afgewezen")
        AUTOMATISCH = "automatisch", _("Offline gehaald na meldingen")

    inbreng = models.ForeignKey(
        Inbreng, null=True, blank=True, on_delete=models.CASCADE, related_name="besluiten"
    )
    reactie = models.ForeignKey(
        Reactie, null=True, blank=True, on_delete=models.CASCADE, related_name="besluiten"
    )
    actie = models.CharField(max_length=12, choices=Actie.choices)
    reden = models.CharField(max_length=300, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    wanneer = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["wanneer", "pk"]

    def __str__(self) -> str:
        return f"{self.get_actie_display()} ({self.wanneer:%Y-%m-%d})"


class Vragenlijstinzending(models.Model):
    proces = models.ForeignKey(
        ParticipatieprocesPage, on_delete=models.CASCADE, related_name="inzendingen"
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Counted in the results only once the e-mail address is confirmed.
    bevestigd = models.BooleanField(default=False, db_index=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proces", "gebruiker"], name="vragenlijst_een_keer_per_persoon"
            )
        ]

    def __str__(self) -> str:
        return f"Inzending {self.pk}"


class Vragenlijstantwoord(models.Model):
    inzending = models.ForeignKey(
        Vragenlijstinzending, on_delete=models.CASCADE, related_name="antwoorden"
    )
    vraag = models.ForeignKey(Vragenlijstvraag, on_delete=models.CASCADE, related_name="antwoorden")
    # Open text, the chosen option, one row per chosen option, or the scale value "1".."5".
    waarde = models.TextField()

    def __str__(self) -> str:
        return self.waarde[:60]


class Bevestiging(models.Model):
    """A write waiting for its e-mail address to be confirmed: the mailed link carries a random
    token of which only the hash is stored. Exactly one of the targets is set."""

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    inbreng = models.OneToOneField(Inbreng, null=True, on_delete=models.CASCADE, related_name="+")
    reactie = models.OneToOneField(Reactie, null=True, on_delete=models.CASCADE, related_name="+")
    inzending = models.OneToOneField(
        Vragenlijstinzending, null=True, on_delete=models.CASCADE, related_name="+"
    )
    steun_voor = models.ForeignKey(Inbreng, null=True, on_delete=models.CASCADE, related_name="+")
    aangemaakt_op = models.DateTimeField(default=timezone.now, db_index=True)

    GELDIG = datetime.timedelta(days=7)

    def __str__(self) -> str:
        return f"Bevestiging {self.pk}"

    @property
    def is_verlopen(self) -> bool:
        return timezone.now() > self.aangemaakt_op + self.GELDIG


class Meldingsoort(models.TextChoices):
    STATUS = "status", _("Nieuws over mijn inbreng")
    REACTIES = "reacties", _("Reacties op mijn inbreng")
    GESTEUND = "gesteund", _("Nieuws over inbreng die ik steun")
    PROCESSEN = "processen", _("Nieuwe plannen in gebieden die ik volg")


# Until someone chooses: what is about their own words comes at once, the rest bundled.
STANDAARD_FREQUENTIE = {
    Meldingsoort.STATUS: Frequentie.DIRECT,
    Meldingsoort.REACTIES: Frequentie.DIRECT,
    Meldingsoort.GESTEUND: Frequentie.DAGELIJKS,
    Meldingsoort.PROCESSEN: Frequentie.WEKELIJKS,
}


class Meldingvoorkeur(models.Model):
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meldingvoorkeuren"
    )
    soort = models.CharField(max_length=12, choices=Meldingsoort.choices)
    frequentie = models.CharField(max_length=12, choices=Frequentie.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "soort"], name="een_voorkeur_per_soort")
        ]

    def __str__(self) -> str:
        return f"{self.soort}: {self.frequentie}"


class Gebiedvolger(models.Model):
    """Someone who wants to hear of new processes in an area."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gevolgde_gebieden"
    )
    focusgebied = models.ForeignKey(
        "gebieden.FocusgebiedPage", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "focusgebied"], name="gebied_een_keer")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker_id} volgt {self.focusgebied_id}"


class Bericht(models.Model):
    """A notification waiting for its daily or weekly digest (or sent in one)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="berichten"
    )
    soort = models.CharField(max_length=12, choices=Meldingsoort.choices)
    proces = models.ForeignKey(
        ParticipatieprocesPage, on_delete=models.CASCADE, related_name="berichten"
    )
    tekst = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    verstuurd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        indexes = [models.Index(fields=["verstuurd_op", "gebruiker"])]

    def __str__(self) -> str:
        return self.tekst[:60]


class Aankondiging(models.Model):
    """That the followers of the area have heard of a process (once, at its first
    publication). A row of its own: page fields are rewritten from each revision on publish."""

    proces = models.OneToOneField(
        ParticipatieprocesPage, on_delete=models.CASCADE, related_name="aankondiging"
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Aankondiging {self.proces_id}"


class ResultaatPage(Speld, Page):  # noqa: DJ008 (Page.__str__, the title)
    """A project or measure that came out of the participation (uitvoering): its status and
    progress, dated updates with photos, and the contributions, survey outcome and alliance
    meetings that led to it."""

    samenvatting = models.TextField(_("samenvatting"))
    status = models.CharField(
        _("status"), max_length=20, choices=Resultaatstatus.choices, default=Resultaatstatus.GEPLAND
    )
    reden_vervallen = models.CharField(_("reden dat het vervalt"), max_length=500, blank=True)
    voortgang = models.PositiveSmallIntegerField(
        _("voortgang (procent)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    budget = models.DecimalField(
        _("budget (euro)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    uit_vragenlijst = models.BooleanField(
        _("gebaseerd op de uitkomst van de vragenlijst"), default=False
    )
    bijdragen = ParentalManyToManyField(
        Inbreng, blank=True, related_name="resultaten", verbose_name=_("inbreng die ertoe leidde")
    )
    overleggen = ParentalManyToManyField(
        "gebieden.AlliantieoverlegPage",
        blank=True,
        related_name="resultaten",
        verbose_name=_("alliantieoverleggen waar het besproken is"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("samenvatting"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("voortgang")]),
                FieldPanel("reden_vervallen"),
                FieldPanel("budget"),
            ],
            heading=_("Stand van zaken"),
        ),
        FieldRowPanel(
            [FieldPanel("lengte"), FieldPanel("breedte")],
            heading=_("Plek op de kaart (mag leeg blijven)"),
            help_text=_(
                "Waar het gebeurt, bijvoorbeeld 52.1150 en 5.1150 (lengte- en breedtegraad in "
                "WGS84, te vinden op een kaart). De plek moet in het gebied liggen."
            ),
        ),
        InlinePanel("updates", heading=_("Updates"), label=_("update")),
        MultiFieldPanel(
            [
                FieldPanel("bijdragen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("uit_vragenlijst"),
                FieldPanel("overleggen", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Waar het vandaan komt"),
        ),
    ]
    base_form_class = ResultaatForm
    parent_page_types = ["participatie.ParticipatieprocesPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")

    def get_context(self, request, *args, **kwargs):
        # Selectors import these models, so they are imported when a page is shown.
        from participatie.selectors import resultaat_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(resultaat_detail(self))
        return context

    @property
    def telt_voortgang(self) -> int:
        return 100 if self.status == Resultaatstatus.GEREED else self.voortgang


class ResultaatUpdate(Orderable):
    resultaat = ParentalKey(ResultaatPage, on_delete=models.CASCADE, related_name="updates")
    datum = models.DateField(_("datum"), default=timezone.localdate)
    tekst = models.TextField(_("tekst"))
    foto = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("foto"),
    )
    foto_tekst = models.CharField(_("wat staat er op de foto"), max_length=200, blank=True)

    panels = [
        FieldPanel("datum"),
        FieldPanel("tekst"),
        FieldRowPanel([FieldPanel("foto"), FieldPanel("foto_tekst")]),
    ]

    class Meta(Orderable.Meta):
        ordering = ["-datum", "sort_order"]
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def clean(self) -> None:
        if self.foto_id and not self.foto_tekst.strip():
            raise ValidationError({"foto_tekst": _("Vertel wat er op de foto staat.")})


class ResultaatAankondiging(models.Model):
    """That the writers of the contributions behind a result heard of it in a given status,
    so a republished result tells them only what is new."""

    resultaat = models.ForeignKey(ResultaatPage, on_delete=models.CASCADE, related_name="+")
    inbreng = models.ForeignKey(Inbreng, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Resultaatstatus.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["resultaat", "inbreng", "status"], name="resultaat_een_keer_gemeld"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resultaat_id}/{self.inbreng_id}: {self.status}"


class Besluit(models.Model):
    """A decision recorded in an alliance meeting's minutes, with the contributions and
    residents' agenda items it answers."""

    overleg = models.ForeignKey(
        "gebieden.AlliantieoverlegPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("alliantieoverleg"),
    )
    tekst = models.TextField(_("besluit"))
    bijdragen = models.ManyToManyField(
        Inbreng, related_name="overlegbesluiten", verbose_name=_("inbreng")
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return self.tekst[:60]
