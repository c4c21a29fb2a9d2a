"""Notifications people keep reading. Each person chooses per kind (news on my input, replies
to me, news on what I support, new processes in areas I follow) between at once, a daily or
weekly digest, or never. At once means one e-mail now; a digest collects `Bericht` rows until
`manage.py participatie_samenvatting` sends one e-mail per person, grouped by process. Every
e-mail carries a one-click link that stops its kind (a signed token; no login)."""

from collections import defaultdict
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from participatie.models import (
    STANDAARD_FREQUENTIE,
    Aankondiging,
    Bericht,
    Gebiedvolger,
    Meldingsoort,
    Meldingvoorkeur,
    ParticipatieprocesPage,
)
from wijkwijzer.mail import mail_template
from wijkwijzer.meldingen import MEE_IN, Frequentie, afmeld_headers
from wijkwijzer.models import User

SOORT_SALT = "participatie.meldingsoort"


def voorkeuren(gebruiker: User) -> dict[str, str]:
    gekozen = dict(gebruiker.meldingvoorkeuren.values_list("soort", "frequentie"))
    return {soort: gekozen.get(soort, STANDAARD_FREQUENTIE[soort]) for soort in Meldingsoort}


@transaction.atomic
def voorkeuren_opslaan(gebruiker: User, keuzes: dict[str, str], gebieden) -> None:
    for soort, frequentie in keuzes.items():
        Meldingvoorkeur.objects.update_or_create(
            gebruiker=gebruiker, soort=soort, defaults={"frequentie": frequentie}
        )
    Gebiedvolger.objects.filter(gebruiker=gebruiker).exclude(focusgebied__in=gebieden).delete()
    for gebied in gebieden:
        Gebiedvolger.objects.get_or_create(gebruiker=gebruiker, focusgebied=gebied)


def afmeld_url(gebruiker: User, soort: str) -> str:
    token = signing.dumps({"u": gebruiker.pk, "s": soort}, salt=SOORT_SALT)
    return settings.WAGTAILADMIN_BASE_URL + reverse("participatie:afmelden_soort", args=[token])


def afmelden(token: str) -> tuple[User, str] | None:
    """Stop the kind of e-mail a link was for; None for a bad link."""
    try:
        data = signing.loads(token, salt=SOORT_SALT)
    except signing.BadSignature:
        return None
    gebruiker = User.objects.filter(pk=data.get("u")).first()
    if gebruiker is None or data.get("s") not in Meldingsoort.values:
        return None
    voorkeuren_opslaan(gebruiker, {data["s"]: Frequentie.NOOIT}, gebruiker_gebieden(gebruiker))
    return gebruiker, data["s"]


def gebruiker_gebieden(gebruiker: User) -> list:
    return [v.focusgebied for v in gebruiker.gevolgde_gebieden.select_related("focusgebied")]


def melden(
    gebruiker: User,
    soort: str,
    proces: ParticipatieprocesPage,
    tekst: str,
    url: str,
    *,
    item_afmelden: str = "",
) -> None:
    """Tell `gebruiker` about something of kind `soort`, now or in the next digest.
    `item_afmelden` is a link that stops e-mail about this one item."""
    if not gebruiker.email:
        return
    frequentie = voorkeuren(gebruiker)[soort]
    if frequentie == Frequentie.NOOIT:
        return
    if frequentie != Frequentie.DIRECT:
        Bericht.objects.create(
            gebruiker=gebruiker, soort=soort, proces=proces, tekst=tekst, url=url
        )
        return
    afmelden_url = afmeld_url(gebruiker, soort)
    transaction.on_commit(
        lambda: mail_template(
            f"[WijkWijzer] {proces.title}",
            "participatie/email/melding.txt",
            {
                "naam": gebruiker.public_name,
                "tekst": tekst,
                "link": url,
                "soort": Meldingsoort(soort).label,
                "afmelden": afmelden_url,
                "item_afmelden": item_afmelden,
            },
            gebruiker.email,
            headers=afmeld_headers(afmelden_url),
        )
    )


def samenvattingen_versturen(frequentie: str) -> int:
    """Send the daily or weekly digests that are due; returns how many e-mails were sent.
    Pending rows of kinds switched off are dropped."""
    nu = timezone.now()
    wachtend = (
        Bericht.objects.filter(verstuurd_op__isnull=True)
        .select_related("gebruiker", "proces")
        .order_by("gebruiker_id", "proces_id", "aangemaakt_op", "pk")
    )
    verstuurd = 0
    for gebruiker, rijen in groupby(wachtend, key=lambda b: b.gebruiker):
        keuzes = voorkeuren(gebruiker)
        rijen = list(rijen)
        weg = [b.pk for b in rijen if keuzes[b.soort] == Frequentie.NOOIT]
        mee = [b for b in rijen if keuzes[b.soort] in MEE_IN[frequentie]]
        Bericht.objects.filter(pk__in=weg).delete()
        if not mee:
            continue
        per_proces = defaultdict(list)
        for bericht in mee:
            per_proces[bericht.proces].append(bericht)
        soorten = sorted({b.soort for b in mee})
        mail_template(
            "[WijkWijzer] Wat er nieuw is bij de plannen die je volgt",
            "participatie/email/samenvatting.txt",
            {
                "naam": gebruiker.public_name,
                "datum": nu,
                "per_proces": [(proces, items) for proces, items in per_proces.items()],
                "afmelden": [(Meldingsoort(s).label, afmeld_url(gebruiker, s)) for s in soorten],
                "voorkeuren": settings.WAGTAILADMIN_BASE_URL
                + reverse("participatie:meldingen_instellen"),
            },
            gebruiker.email,
            headers=afmeld_headers(afmeld_url(gebruiker, soorten[0])),
        )
        Bericht.objects.filter(pk__in=[b.pk for b in mee]).update(verstuurd_op=nu)
        verstuurd += 1
    return verstuurd


def nieuw_proces_melden(proces: ParticipatieprocesPage) -> None:
    """On a process's first publication, tell the people who follow its area."""
    _aankondiging, nieuw = Aankondiging.objects.get_or_create(proces_id=proces.pk)
    if not nieuw:
        return
    gebied = proces.get_parent()
    url = settings.WAGTAILADMIN_BASE_URL + proces.url
    for volger in Gebiedvolger.objects.filter(focusgebied_id=gebied.pk).select_related("gebruiker"):
        melden(
            volger.gebruiker,
            Meldingsoort.PROCESSEN,
            proces,
            f"Nieuw in {gebied.title}: {proces.title}. {proces.samenvatting}"[:500],
            url,
        )
