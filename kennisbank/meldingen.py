"""New in the kennisbank for what you follow. When a practice example, synthesis or
publication first goes live, everyone following one of its themes, its area, its
organisation or its author hears of it: at once, in a daily or weekly digest
(`manage.py kennisbank_samenvatting`), or never, as they chose (weekly until they do).
Every e-mail has a one-click link that stops them (a signed token; no login)."""

from itertools import groupby

from django.conf import settings
from django.core import signing
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from kennisbank.models import (
    PraktijkvoorbeeldPage,
    PublicatiePage,
    SynthesePage,
    Volg,
    Volgaankondiging,
    Volgbericht,
    Volgsoort,
    Volgvoorkeur,
)
from wijkwijzer.mail import mail_template
from wijkwijzer.meldingen import MEE_IN, Frequentie, afmeld_headers
from wijkwijzer.models import User
from wijkwijzer.uitstel import Uitstel

SALT = "kennisbank.volgmeldingen"
STANDAARD = Frequentie.WEKELIJKS
VOLGBAAR = (PraktijkvoorbeeldPage, SynthesePage, PublicatiePage)


def frequentie(gebruiker: User) -> str:
    voorkeur = Volgvoorkeur.objects.filter(gebruiker=gebruiker).first()
    return voorkeur.frequentie if voorkeur else STANDAARD


def _gekozen(gebruiker: User) -> str:
    """`frequentie` for a user loaded with select_related("volgvoorkeur"): no query."""
    voorkeur = getattr(gebruiker, "volgvoorkeur", None)
    return voorkeur.frequentie if voorkeur else STANDAARD


def frequentie_opslaan(gebruiker: User, keuze: str) -> None:
    Volgvoorkeur.objects.update_or_create(gebruiker=gebruiker, defaults={"frequentie": keuze})


def afmeld_url(gebruiker: User) -> str:
    token = signing.dumps({"u": gebruiker.pk}, salt=SALT)
    return settings.WAGTAILADMIN_BASE_URL + reverse("kennisbank:volgmeldingen_uit", args=[token])


def afmelden(token: str) -> User | None:
    """Stop these e-mails for the person the link was made for; None for a bad link."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    gebruiker = User.objects.filter(pk=data.get("u")).first()
    if gebruiker is not None:
        frequentie_opslaan(gebruiker, Frequentie.NOOIT)
    return gebruiker


def volgers(pagina: Page) -> QuerySet:
    """The people following something `pagina` is about, its own author left out."""
    themas = [t.slug for t in pagina.themas.all()]
    past = Q(soort=Volgsoort.THEMA, waarde__in=themas)
    focusgebied = getattr(pagina, "focusgebied", None)
    if focusgebied is not None:
        past |= Q(soort=Volgsoort.GEBIED, waarde=focusgebied.slug)
    organisatie = getattr(pagina, "contact_organisatie", "")
    if organisatie:
        past |= Q(soort=Volgsoort.ORGANISATIE, waarde=organisatie)
    auteur_id = getattr(pagina, "auteur_id", None)
    if auteur_id:
        past |= Q(soort=Volgsoort.AUTEUR, waarde=str(auteur_id))
    return (
        User.objects.filter(is_active=True, pk__in=Volg.objects.filter(past).values("gebruiker"))
        .exclude(pk=auteur_id)
        .exclude(email="")
        .select_related("volgvoorkeur")
    )


# Pages per query when a bulk job's pages are announced.
BLOK = 500


def nieuw_gepubliceerd(pagina: Page) -> int:
    """On a page's first publication, tell its followers; returns how many. Later
    publications of the same page (edits, or going live again) tell nobody. Runs once the
    publication is committed (see KennisbankConfig.ready), so it mails straight away."""
    if uitstel.bewaard(pagina):
        return 0
    _aankondiging, nieuw = Volgaankondiging.objects.get_or_create(pagina_id=pagina.pk)
    return _aankondigen(pagina) if nieuw else 0


def _in_blokken_aankondigen(paginas: list[Page]) -> None:
    for begin in range(0, len(paginas), BLOK):
        _blok_aankondigen(paginas[begin : begin + BLOK])


# The pages a bulk job (an import) publishes are announced when it ends, also when it ends in
# an error, with a few queries per block of pages instead of four per page (entered through
# the `haken.BULKVERWERKING` hook, wijkwijzer.bulk).
uitstel: Uitstel[Page] = Uitstel(_in_blokken_aankondigen)


def _blok_aankondigen(paginas: list[Page]) -> None:
    per_id = {pagina.pk: pagina for pagina in paginas}
    # Rows written by this call carry its own moment, so a page another process announced
    # meanwhile (its row won the insert) is not announced twice.
    moment = timezone.now()
    Volgaankondiging.objects.bulk_create(
        [Volgaankondiging(pagina_id=pk, aangemaakt_op=moment) for pk in per_id],
        ignore_conflicts=True,
    )
    nieuw = Volgaankondiging.objects.filter(pagina_id__in=per_id, aangemaakt_op=moment)
    if Volg.objects.exists():
        for pk in nieuw.values_list("pagina_id", flat=True):
            _aankondigen(per_id[pk])


def _aankondigen(pagina: Page) -> int:
    volgend = list(volgers(pagina))
    if not volgend:
        return 0
    url = settings.WAGTAILADMIN_BASE_URL + pagina.url
    for gebruiker in volgend:
        keuze = _gekozen(gebruiker)
        if keuze == Frequentie.NOOIT:
            continue
        if keuze != Frequentie.DIRECT:
            Volgbericht.objects.get_or_create(gebruiker=gebruiker, pagina_id=pagina.pk)
            continue
        _mail(
            gebruiker,
            f"[WijkWijzer] Nieuw in de kennisbank: {pagina.title}",
            {"items": [(pagina, url)]},
        )
    return len(volgend)


def samenvattingen_versturen(frequentie_van_run: str) -> int:
    """Send the daily or weekly digests that are due; returns how many e-mails went out.
    Items for people who switched these e-mails off are dropped."""
    nu = timezone.now()
    wachtend = (
        Volgbericht.objects.filter(verstuurd_op__isnull=True)
        .select_related("gebruiker__volgvoorkeur", "pagina")
        .order_by("gebruiker_id", "aangemaakt_op", "pk")
    )
    verstuurd = 0
    for gebruiker, rijen in groupby(wachtend, key=lambda b: b.gebruiker):
        rijen = list(rijen)
        keuze = _gekozen(gebruiker)
        if keuze == Frequentie.NOOIT:
            Volgbericht.objects.filter(pk__in=[b.pk for b in rijen]).delete()
            continue
        if keuze not in MEE_IN[frequentie_van_run]:
            continue
        items = [
            (b.pagina, settings.WAGTAILADMIN_BASE_URL + b.pagina.url)
            for b in rijen
            if b.pagina.live
        ]
        if items:
            _mail(gebruiker, "[WijkWijzer] Nieuw in de kennisbank voor jou", {"items": items})
            verstuurd += 1
        Volgbericht.objects.filter(pk__in=[b.pk for b in rijen]).update(verstuurd_op=nu)
    return verstuurd


def _mail(gebruiker: User, onderwerp: str, context: dict) -> None:
    afmelden_url = afmeld_url(gebruiker)
    context = {
        **context,
        "naam": gebruiker.public_name,
        "afmelden": afmelden_url,
        "instellingen": settings.WAGTAILADMIN_BASE_URL + reverse("kennisbank:mijn_kennisbank"),
    }
    mail_template(
        onderwerp,
        "kennisbank/email/volgen.txt",
        context,
        gebruiker.email,
        headers=afmeld_headers(afmelden_url),
    )
