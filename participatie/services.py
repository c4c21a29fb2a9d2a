"""Writes of the participation module. Residents' writes wait for a confirmed e-mail address
(write first, confirm after), then go online or into pre-moderation; a contribution's status
changes only in `status_wijzigen`, which refuses to close it without a public answer and
tells the submitter and supporters."""

import datetime
import io
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from gebieden.models import AlliantieoverlegPage, FocusgebiedPage, Thema
from gebieden.selectors import komende_overleggen
from participatie import meldingen
from participatie.models import (
    Besluit,
    Bevestiging,
    Inbreng,
    Inbrengsoort,
    Melding,
    Meldingsoort,
    Moderatie,
    Moderatiebesluit,
    ParticipatieprocesPage,
    Reactie,
    ResultaatAankondiging,
    ResultaatPage,
    Statuswijziging,
    Steun,
    Vragenlijstantwoord,
    Vragenlijstinzending,
)
from participatie.overgangen import (
    AFGESLOTEN,
    OVERGANGEN,
    PUBLICATIE_OVERGANGEN,
    Inbrengstatus,
    Publicatie,
    Resultaatstatus,
    Zichtbaarheid,
)
from wijkwijzer.mail import mail_template
from wijkwijzer.models import User
from wijkwijzer.services import account_for_email
from wijkwijzer.tokens import new_token, token_hash

logger = logging.getLogger(__name__)

MELDINGEN_SALT = "participatie.meldingen"
FOTO_MAX = 1600


class ParticipatieFout(ValueError):
    """A step that cannot be taken; the message says why, in Dutch."""


@dataclass(frozen=True)
class Schrijver:
    """Who writes: a logged-in account, or someone who gives an e-mail address to confirm."""

    gebruiker: User | None
    email: str
    pseudoniem: str
    bewoner: bool = False


def focusgebied_van(proces: ParticipatieprocesPage) -> FocusgebiedPage:
    return FocusgebiedPage.objects.parent_of(proces).get()


def volgend_overleg(gebied: FocusgebiedPage) -> AlliantieoverlegPage | None:
    return komende_overleggen(gebied).first()


def foto_verwerken(upload: UploadedFile) -> "ContentFile[bytes]":
    """A resident's photo, turned upright, at most FOTO_MAX pixels wide or high and saved anew
    as JPEG: the new file carries none of the original's metadata (location, camera, name)."""
    with Image.open(upload) as origineel:
        image = ImageOps.exif_transpose(origineel)
        image.thumbnail((FOTO_MAX, FOTO_MAX))
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="foto.jpg")


def _zichtbaarheid_na_bevestiging(proces: ParticipatieprocesPage) -> str:
    if proces.moderatie == Moderatie.VOORAF:
        return Zichtbaarheid.WACHT_OP_MODERATIE
    return Zichtbaarheid.ZICHTBAAR


def _bevestiging_vragen(schrijver: Schrijver, **doel: Any) -> str | None:
    """For a writer without an account: store what waits and mail the single-use link.
    Returns the token (for tests; it is only ever sent by e-mail)."""
    if schrijver.gebruiker is not None:
        return None
    token, hashed = new_token()
    Bevestiging.objects.create(email=schrijver.email, token_hash=hashed, **doel)
    link = settings.WAGTAILADMIN_BASE_URL + reverse("participatie:bevestigen", args=[token])
    transaction.on_commit(
        lambda: mail_template(
            "[WijkWijzer] Bevestig je e-mailadres",
            "participatie/email/bevestigen.txt",
            {"naam": schrijver.pseudoniem, "link": link, "geldig": Bevestiging.GELDIG.days},
            schrijver.email,
        )
    )
    return token


def _online(bijdrage: Inbreng | Reactie, proces: ParticipatieprocesPage) -> None:
    bijdrage.zichtbaarheid = _zichtbaarheid_na_bevestiging(proces)
    if bijdrage.zichtbaarheid == Zichtbaarheid.ZICHTBAAR:
        bijdrage.gepubliceerd_op = timezone.now()
    bijdrage.save(update_fields=["zichtbaarheid", "gepubliceerd_op", "auteur"])
    if isinstance(bijdrage, Inbreng):
        transaction.on_commit(lambda: _mail_team_nieuw(bijdrage))
    elif bijdrage.is_zichtbaar:
        _reactie_melden(bijdrage)


# A pin is public: four decimals (about 10 m by 7 m in the Netherlands) mark a spot in the
# street without pointing at one front door.
PIN_DECIMALEN = 4


def _afgerond(graden: float) -> Decimal:
    return round(Decimal(str(graden)), PIN_DECIMALEN)


def inbreng_geven(
    *,
    proces: ParticipatieprocesPage,
    schrijver: Schrijver,
    soort: str,
    titel: str,
    tekst: str,
    thema: Thema | None = None,
    plek: str = "",
    afbeelding: UploadedFile | None = None,
    afbeelding_tekst: str = "",
    speld: tuple[float, float] | None = None,
) -> tuple[Inbreng, str | None]:
    """Store a contribution. With an account it goes online (or to the moderators) at once;
    otherwise it waits, unpublished, for the e-mail address to be confirmed. Returns the
    contribution and the confirmation token, if one was sent."""
    gebied = focusgebied_van(proces)
    with transaction.atomic():
        inbreng = Inbreng(
            proces=proces,
            focusgebied=gebied,
            soort=soort,
            titel=titel,
            tekst=tekst,
            thema=thema,
            plek=plek,
            lengte=_afgerond(speld[0]) if speld else None,
            breedte=_afgerond(speld[1]) if speld else None,
            afbeelding_tekst=afbeelding_tekst,
            auteur=schrijver.gebruiker,
            pseudoniem=schrijver.pseudoniem,
            bewoner=schrijver.bewoner,
            zichtbaarheid=Zichtbaarheid.WACHT_OP_BEVESTIGING,
            overleg=volgend_overleg(gebied) if soort == Inbrengsoort.AGENDAPUNT else None,
        )
        if afbeelding:
            inbreng.afbeelding.save("foto.jpg", foto_verwerken(afbeelding), save=False)
        inbreng.save()
        Statuswijziging.objects.create(inbreng=inbreng, naar_status=Inbrengstatus.ONTVANGEN)
        if schrijver.gebruiker is not None:
            _online(inbreng, proces)
        token = _bevestiging_vragen(schrijver, inbreng=inbreng)
    return inbreng, token


def reageren(*, inbreng: Inbreng, schrijver: Schrijver, tekst: str) -> tuple[Reactie, str | None]:
    with transaction.atomic():
        reactie = Reactie.objects.create(
            inbreng=inbreng,
            tekst=tekst,
            auteur=schrijver.gebruiker,
            pseudoniem=schrijver.pseudoniem,
            bewoner=schrijver.bewoner,
            zichtbaarheid=Zichtbaarheid.WACHT_OP_BEVESTIGING,
        )
        if schrijver.gebruiker is not None:
            _online(reactie, inbreng.proces)
        token = _bevestiging_vragen(schrijver, reactie=reactie)
    return reactie, token


def steunen(*, inbreng: Inbreng, gebruiker: User) -> bool:
    """Support `inbreng` once; returns False when this person already supports it."""
    if inbreng.auteur_id == gebruiker.pk:
        raise ParticipatieFout(_("Je kunt je eigen inbreng niet steunen."))
    try:
        with transaction.atomic():
            Steun.objects.create(inbreng=inbreng, gebruiker=gebruiker)
    except IntegrityError:
        return False
    return True


def steun_intrekken(*, inbreng: Inbreng, gebruiker: User) -> None:
    Steun.objects.filter(inbreng=inbreng, gebruiker=gebruiker).delete()


def steunen_met_email(*, inbreng: Inbreng, email: str) -> str:
    """Support without an account: counted once the address is confirmed."""
    with transaction.atomic():
        token = _bevestiging_vragen(Schrijver(None, email, ""), steun_voor=inbreng)
    assert token is not None  # a writer without an account always gets a link
    return token


def vragenlijst_invullen(
    *, proces: ParticipatieprocesPage, schrijver: Schrijver, antwoorden: dict[int, list[str]]
) -> tuple[Vragenlijstinzending, str | None]:
    """Store one person's answers (question id -> values; several for multiple choice). An
    account answers once (a unique constraint, so also two tabs at the same moment)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                inzending = Vragenlijstinzending.objects.create(
                    proces=proces,
                    gebruiker=schrijver.gebruiker,
                    bevestigd=schrijver.gebruiker is not None,
                )
        except IntegrityError:
            raise ParticipatieFout(
                _("Je hebt deze vragenlijst al ingevuld. Dank je wel!")
            ) from None
        Vragenlijstantwoord.objects.bulk_create(
            Vragenlijstantwoord(inzending=inzending, vraag_id=vraag_id, waarde=waarde)
            for vraag_id, waarden in antwoorden.items()
            for waarde in waarden
            if waarde
        )
        token = _bevestiging_vragen(schrijver, inzending=inzending)
    return inzending, token


@dataclass(frozen=True)
class Bevestigd:
    """What a confirmation did: where to send the person, and whether they are now logged in
    (a light account without a password is logged in by its link; others log in themselves)."""

    url: str
    gebruiker: User
    inloggen: bool
    wacht_op_moderatie: bool = False
    # The account was made by this confirmation, so the person has not heard of it before.
    account_nieuw: bool = False


def bevestiging_bij_token(token: str) -> Bevestiging | None:
    bevestiging = Bevestiging.objects.filter(token_hash=token_hash(token)).first()
    if bevestiging is None or bevestiging.is_verlopen:
        return None
    return bevestiging


@transaction.atomic
def bevestigen(bevestiging: Bevestiging) -> Bevestigd:
    """Confirm the address of a waiting write: the account is found or created, the write is
    attached to it and goes online (or to the moderators), and the link stops working."""
    bevestiging = Bevestiging.objects.select_for_update().get(pk=bevestiging.pk)
    naam = ""
    for bijdrage in (bevestiging.inbreng, bevestiging.reactie):
        if bijdrage is not None:
            naam = bijdrage.pseudoniem
    gebruiker, nieuw = account_for_email(bevestiging.email, naam)
    wacht = False
    if bevestiging.inbreng is not None:
        inbreng = bevestiging.inbreng
        inbreng.auteur = gebruiker
        _online(inbreng, inbreng.proces)
        url, wacht = inbreng.url, inbreng.zichtbaarheid == Zichtbaarheid.WACHT_OP_MODERATIE
    elif bevestiging.reactie is not None:
        reactie = bevestiging.reactie
        reactie.auteur = gebruiker
        _online(reactie, reactie.inbreng.proces)
        url, wacht = reactie.inbreng.url, reactie.zichtbaarheid == Zichtbaarheid.WACHT_OP_MODERATIE
    elif bevestiging.inzending is not None:
        inzending = bevestiging.inzending
        proces = inzending.proces
        if Vragenlijstinzending.objects.filter(proces=proces, gebruiker=gebruiker).exists():
            # Filled in twice before confirming: the answers confirmed first count.
            inzending.delete()
        else:
            inzending.gebruiker, inzending.bevestigd = gebruiker, True
            inzending.save(update_fields=["gebruiker", "bevestigd"])
        url = proces.url + proces.reverse_subpage("vragenlijst")
    else:
        gesteund = bevestiging.steun_voor
        assert gesteund is not None  # a confirmation is for a contribution, survey or support
        if gesteund.auteur_id != gebruiker.pk:
            Steun.objects.get_or_create(inbreng=gesteund, gebruiker=gebruiker)
        url = gesteund.url
    bevestiging.delete()
    return Bevestigd(url, gebruiker, not gebruiker.has_usable_password(), wacht, nieuw)


def update_controleren(van: str, naar: str, antwoord: str) -> None:
    """An update keeps the status (then it needs text), or makes an allowed change; closing
    needs a written answer."""
    if van == naar and not antwoord:
        raise ParticipatieFout(_("Schrijf de update: zonder tekst verandert er niets."))
    if van != naar and (van, naar) not in OVERGANGEN:
        raise ParticipatieFout(
            _("Inbreng met status '%(van)s' kan niet naar '%(naar)s'.")
            % {"van": Inbrengstatus(van).label, "naar": Inbrengstatus(naar).label}
        )
    if naar in AFGESLOTEN and not antwoord:
        raise ParticipatieFout(
            _(
                "Schrijf een antwoord voor de indiener. Zonder openbaar antwoord kan inbreng "
                "niet worden afgesloten."
            )
        )


def standaard_ondertekening(inbreng: Inbreng) -> str:
    return inbreng.focusgebied.alliantie_titel


def status_wijzigen(
    *,
    inbreng: Inbreng,
    naar: str,
    antwoord: str,
    door: User | None,
    ondertekening: str = "",
    vasthouden: bool = False,
) -> Statuswijziging:
    """An official update on `inbreng`: a new status (or the same one, with news) and the
    team's answer, signed by a role. Published at once, the submitter and supporters hear of
    it; held back (`vasthouden`), it waits unseen until it is published (see
    `update_publiceren` and `vastgehouden_publiceren`)."""
    antwoord = antwoord.strip()
    with transaction.atomic():
        current = (
            Inbreng.objects.select_for_update().select_related("focusgebied").get(pk=inbreng.pk)
        )
        update_controleren(current.status, naar, antwoord)
        wijziging = Statuswijziging.objects.create(
            inbreng=current,
            van_status=current.status,
            naar_status=naar,
            antwoord=antwoord,
            ondertekening=ondertekening.strip() or standaard_ondertekening(current),
            door=door,
            publicatie=Publicatie.CONCEPT,
        )
        if not vasthouden:
            _toepassen(current, wijziging)
    return wijziging


def _toepassen(inbreng: Inbreng, wijziging: Statuswijziging) -> None:
    """Publish `wijziging` on the locked `inbreng`: checked against its status now (it may
    have changed since the update was prepared), made public, and told to its followers."""
    update_controleren(inbreng.status, wijziging.naar_status, wijziging.antwoord)
    now = timezone.now()
    wijziging.van_status = inbreng.status
    inbreng.status = wijziging.naar_status
    if wijziging.antwoord:
        inbreng.antwoord, inbreng.beantwoord_op = wijziging.antwoord, now
    inbreng.save(update_fields=["status", "antwoord", "beantwoord_op"])
    wijziging.publicatie, wijziging.wanneer = Publicatie.GEPUBLICEERD, now
    wijziging.save(update_fields=["van_status", "publicatie", "wanneer"])
    transaction.on_commit(lambda: _mail_volgers(inbreng, wijziging))


def _publicatie_controleren(wijziging: Statuswijziging, naar: str) -> None:
    if (wijziging.publicatie, naar) not in PUBLICATIE_OVERGANGEN:
        raise ParticipatieFout(
            _("Een update die '%(van)s' is, kan niet '%(naar)s' worden.")
            % {"van": Publicatie(wijziging.publicatie).label, "naar": Publicatie(naar).label}
        )


@transaction.atomic
def update_publiceren(wijziging: Statuswijziging) -> None:
    wijziging = Statuswijziging.objects.select_for_update().get(pk=wijziging.pk)
    _publicatie_controleren(wijziging, Publicatie.GEPUBLICEERD)
    _toepassen(Inbreng.objects.select_for_update().get(pk=wijziging.inbreng_id), wijziging)


@transaction.atomic
def update_intrekken(wijziging: Statuswijziging) -> None:
    wijziging = Statuswijziging.objects.select_for_update().get(pk=wijziging.pk)
    _publicatie_controleren(wijziging, Publicatie.INGETROKKEN)
    wijziging.publicatie = Publicatie.INGETROKKEN
    wijziging.save(update_fields=["publicatie"])


def vastgehouden(proces: ParticipatieprocesPage) -> QuerySet[Statuswijziging]:
    return Statuswijziging.objects.filter(
        inbreng__proces=proces, publicatie=Publicatie.CONCEPT
    ).order_by("pk")


@transaction.atomic
def vastgehouden_publiceren(
    proces: ParticipatieprocesPage, *, gepland_tot: datetime.datetime | None = None
) -> int:
    """Publish the held-back updates of `proces` together (with `gepland_tot`: those planned
    up to then), oldest first, so all followers hear at once. All or nothing: an update that
    no longer fits its contribution's status stops the lot, with a message saying which."""
    wachtend = vastgehouden(proces)
    if gepland_tot is not None:
        wachtend = wachtend.filter(publiceren_op__lte=gepland_tot)
    wijzigingen = list(wachtend.select_for_update())
    for wijziging in wijzigingen:
        inbreng = Inbreng.objects.select_for_update().get(pk=wijziging.inbreng_id)
        try:
            _toepassen(inbreng, wijziging)
        except ParticipatieFout as fout:
            raise ParticipatieFout(
                _("'%(titel)s': %(fout)s") % {"titel": inbreng.titel, "fout": fout}
            ) from fout
    return len(wijzigingen)


def publicatie_plannen(proces: ParticipatieprocesPage, moment: datetime.datetime) -> int:
    """Let `participatie_publiceren` publish the held-back updates of `proces` at `moment`."""
    return vastgehouden(proces).update(publiceren_op=moment)


def geplande_publiceren(nu: datetime.datetime | None = None) -> int:
    """Publish the held-back updates whose planned moment has come, per process together."""
    nu = nu or timezone.now()
    processen = ParticipatieprocesPage.objects.filter(
        pk__in=Statuswijziging.objects.filter(
            publicatie=Publicatie.CONCEPT, publiceren_op__lte=nu
        ).values("inbreng__proces")
    )
    return sum(vastgehouden_publiceren(proces, gepland_tot=nu) for proces in processen)


def meldingen_instellen(*, inbreng: Inbreng, gebruiker: User, aan: bool) -> None:
    """Switch the e-mails about `inbreng` on or off, as its submitter or as a supporter."""
    if inbreng.auteur_id == gebruiker.pk:
        Inbreng.objects.filter(pk=inbreng.pk).update(meldingen=aan)
    Steun.objects.filter(inbreng=inbreng, gebruiker=gebruiker).update(meldingen=aan)


def afmeld_token(inbreng: Inbreng, gebruiker: User) -> str:
    return signing.dumps({"i": inbreng.pk, "u": gebruiker.pk}, salt=MELDINGEN_SALT)


def afmelden_met_token(token: str) -> Inbreng | None:
    """Switch off the e-mails that a link in one of them was for; None for a bad link."""
    try:
        data = signing.loads(token, salt=MELDINGEN_SALT)
    except signing.BadSignature:
        return None
    inbreng = Inbreng.objects.filter(pk=data["i"]).first()
    gebruiker = User.objects.filter(pk=data["u"]).first()
    if inbreng is None or gebruiker is None:
        return None
    meldingen_instellen(inbreng=inbreng, gebruiker=gebruiker, aan=False)
    return inbreng


def _volgers(inbreng: Inbreng) -> list[tuple[User, str]]:
    """Who hears of news on `inbreng`, with the kind of notification: its writer and its
    supporters, unless they switched off e-mail about this one contribution."""
    volgers: list[tuple[User, str]] = (
        [(inbreng.auteur, Meldingsoort.STATUS)] if inbreng.meldingen and inbreng.auteur else []
    )
    steunen = inbreng.steun.filter(meldingen=True, gebruiker__isnull=False)
    volgers += [
        (steun.gebruiker, Meldingsoort.GESTEUND)
        for steun in steunen.select_related("gebruiker")
        if steun.gebruiker is not None
    ]
    return volgers


def _mail_volgers(inbreng: Inbreng, wijziging: Statuswijziging) -> None:
    """The submitter (news on my input) and supporters (news on what I support) hear of the
    change, as each chose: at once, in a digest or not; each can also stop this one item."""
    tekst = f"'{inbreng.titel}' heeft nu de status: {wijziging.get_naar_status_display()}."
    if wijziging.antwoord:
        tekst += f" Antwoord van het alliantieteam: {wijziging.antwoord}"
    tekst = tekst[:500]
    url = settings.WAGTAILADMIN_BASE_URL + inbreng.url
    for gebruiker, soort in _volgers(inbreng):
        item_afmelden = settings.WAGTAILADMIN_BASE_URL + reverse(
            "participatie:afmelden", args=[afmeld_token(inbreng, gebruiker)]
        )
        meldingen.melden(gebruiker, soort, inbreng.proces, tekst, url, item_afmelden=item_afmelden)


def _reactie_melden(reactie: Reactie) -> None:
    """The contribution's writer hears of a reply (not of their own)."""
    inbreng = reactie.inbreng
    if inbreng.auteur is None or inbreng.auteur_id == reactie.auteur_id or not inbreng.meldingen:
        return
    meldingen.melden(
        inbreng.auteur,
        Meldingsoort.REACTIES,
        inbreng.proces,
        f"{reactie.naam} reageerde op '{inbreng.titel}': {reactie.tekst}"[:500],
        settings.WAGTAILADMIN_BASE_URL + inbreng.url,
    )


def _mail_team_nieuw(inbreng: Inbreng) -> None:
    """Tell the alliance team of the area that there is something to read (or approve)."""
    groep = inbreng.focusgebied.alliantie_groep_id
    if groep is None:
        return
    for gebruiker in User.objects.filter(groups=groep, is_active=True).exclude(email=""):
        mail_template(
            f"[WijkWijzer] Nieuwe inbreng: {inbreng.titel}",
            "participatie/email/nieuw_voor_team.txt",
            {
                "naam": gebruiker.public_name,
                "inbreng": inbreng,
                "link": settings.WAGTAILADMIN_BASE_URL + inbreng.url,
                "moderatie": settings.WAGTAILADMIN_BASE_URL + reverse("participatie:moderatie"),
            },
            gebruiker.email,
        )


# Moderation. Hidden items stay in the database with their public reason; every decision is
# recorded in Moderatiebesluit.


def melder_sleutel(melder: User | None, ip: str) -> str:
    if melder is not None:
        return f"u{melder.pk}"
    return "ip" + salted_hmac("participatie.melder", ip).hexdigest()[:32]


def _doel(bijdrage: Inbreng | Reactie) -> dict[str, Inbreng | Reactie]:
    return {"inbreng": bijdrage} if isinstance(bijdrage, Inbreng) else {"reactie": bijdrage}


def melden(
    *, bijdrage: Inbreng | Reactie, reden: str, melder: User | None, sleutel: str
) -> Melding | None:
    """Record a report (a second one by the same person about the same item is ignored).
    When as many different people as the area's threshold have reported a visible item, it
    goes offline until a moderator looks at it, and its author is told."""
    gebied = bijdrage.hoofdinbreng.focusgebied
    doel = _doel(bijdrage)
    with transaction.atomic():
        open_ = Melding.objects.filter(afgehandeld_op__isnull=True, **doel)
        if open_.filter(melder_sleutel=sleutel).exists():
            return None
        melding = Melding.objects.create(
            focusgebied=gebied, reden=reden, melder=melder, melder_sleutel=sleutel, **doel
        )
        aantal = open_.values("melder_sleutel").distinct().count()
        if bijdrage.is_zichtbaar and aantal >= gebied.meldingsdrempel:
            bijdrage.zichtbaarheid = Zichtbaarheid.WACHT_OP_MODERATIE
            bijdrage.save(update_fields=["zichtbaarheid"])
            Moderatiebesluit.objects.create(
                actie=Moderatiebesluit.Actie.AUTOMATISCH, reden=f"{aantal} meldingen", **doel
            )
            transaction.on_commit(
                lambda: _mail_auteur_moderatie(bijdrage, Moderatiebesluit.Actie.AUTOMATISCH, "")
            )
    return melding


def _mail_auteur_moderatie(bijdrage: Inbreng | Reactie, actie: str, reden: str) -> None:
    """Tell the author, in plain words, what a moderator (or the reports) did and why."""
    auteur = bijdrage.auteur
    if auteur is None or not auteur.email:
        return
    inbreng = bijdrage.hoofdinbreng
    mail_template(
        "[WijkWijzer] Over je bericht",
        "participatie/email/moderatie.txt",
        {
            "naam": auteur.public_name,
            "bijdrage": bijdrage,
            "inbreng": inbreng,
            "actie": actie,
            "reden": reden,
            "link": settings.WAGTAILADMIN_BASE_URL + inbreng.url,
            "contact": inbreng.proces.contact_naam,
        },
        auteur.email,
    )


def _besluit(bijdrage: Inbreng | Reactie, actie: str, reden: str, door: User) -> None:
    doel = _doel(bijdrage)
    Moderatiebesluit.objects.create(actie=actie, reden=reden, door=door, **doel)
    if actie != Moderatiebesluit.Actie.MELDING_AFWIJZEN:
        transaction.on_commit(lambda: _mail_auteur_moderatie(bijdrage, actie, reden))
    # Deciding on an item settles every open report about it.
    Melding.objects.filter(afgehandeld_op__isnull=True, **doel).update(
        afgehandeld_op=timezone.now()
    )


@transaction.atomic
def verbergen(*, bijdrage: Inbreng | Reactie, reden: str, door: User) -> None:
    reden = reden.strip()
    if not reden:
        raise ParticipatieFout(_("Geef een reden. Die staat openbaar op de plek van de tekst."))
    bijdrage.zichtbaarheid, bijdrage.verborgen_reden = Zichtbaarheid.VERBORGEN, reden
    bijdrage.save(update_fields=["zichtbaarheid", "verborgen_reden"])
    _besluit(bijdrage, Moderatiebesluit.Actie.VERBERGEN, reden, door)


@transaction.atomic
def terugzetten(*, bijdrage: Inbreng | Reactie, door: User) -> None:
    if bijdrage.zichtbaarheid != Zichtbaarheid.VERBORGEN:
        raise ParticipatieFout(_("Dit staat niet verborgen."))
    bijdrage.zichtbaarheid, bijdrage.verborgen_reden = Zichtbaarheid.ZICHTBAAR, ""
    bijdrage.save(update_fields=["zichtbaarheid", "verborgen_reden"])
    _besluit(bijdrage, Moderatiebesluit.Actie.TERUGZETTEN, "", door)


@transaction.atomic
def goedkeuren(*, bijdrage: Inbreng | Reactie, door: User) -> None:
    if bijdrage.zichtbaarheid != Zichtbaarheid.WACHT_OP_MODERATIE:
        raise ParticipatieFout(_("Dit wacht niet op goedkeuring."))
    eerder_online = bijdrage.gepubliceerd_op is not None
    bijdrage.zichtbaarheid, bijdrage.gepubliceerd_op = Zichtbaarheid.ZICHTBAAR, timezone.now()
    bijdrage.save(update_fields=["zichtbaarheid", "gepubliceerd_op"])
    _besluit(bijdrage, Moderatiebesluit.Actie.GOEDKEUREN, "", door)
    if isinstance(bijdrage, Reactie) and not eerder_online:
        _reactie_melden(bijdrage)


@transaction.atomic
def melding_afwijzen(*, bijdrage: Inbreng | Reactie, door: User) -> None:
    """The reports about `bijdrage` are unfounded: it stays as it is."""
    _besluit(bijdrage, Moderatiebesluit.Actie.MELDING_AFWIJZEN, "", door)


# Retention (AVG): personal data of a process is kept for its retention period after the last
# phase; writes never confirmed are removed after Bevestiging.GELDIG.


def bewaartermijn_verstreken(proces: ParticipatieprocesPage, today: datetime.date) -> bool:
    laatste = proces.laatste_dag
    if laatste is None:
        return False
    jaar, maand = divmod(laatste.month - 1 + proces.bewaartermijn_maanden, 12)
    # Day 28 at most, which every month has: a few days early errs on the side of privacy.
    grens = laatste.replace(year=laatste.year + jaar, month=maand + 1, day=min(laatste.day, 28))
    return today > grens


@transaction.atomic
def anonimiseren(proces: ParticipatieprocesPage) -> None:
    """Remove who wrote, supported, answered a survey or reported anything in `proces`. The
    contributions, replies, counts and the team's answers stay public; photos go, as they
    may show people."""
    inbreng = Inbreng.objects.filter(proces=proces)
    for item in inbreng.exclude(afbeelding=""):
        item.afbeelding.delete(save=False)
    inbreng.update(auteur=None, pseudoniem="Deelnemer", afbeelding="", afbeelding_tekst="")
    Reactie.objects.filter(inbreng__proces=proces).update(auteur=None, pseudoniem="Deelnemer")
    Steun.objects.filter(inbreng__proces=proces).update(gebruiker=None)
    Vragenlijstinzending.objects.filter(proces=proces).update(gebruiker=None)
    Melding.objects.filter(inbreng__proces=proces).update(melder=None)
    Melding.objects.filter(reactie__inbreng__proces=proces).update(melder=None)
    Bevestiging.objects.filter(inbreng__proces=proces).delete()
    ParticipatieprocesPage.objects.filter(pk=proces.pk).update(geanonimiseerd_op=timezone.now())


def verlopen_bevestigingen_opruimen() -> int:
    """Delete writes whose confirmation link expired, with the address they waited for."""
    grens = timezone.now() - Bevestiging.GELDIG
    verlopen = Bevestiging.objects.filter(aangemaakt_op__lt=grens)
    aantal = verlopen.count()
    with transaction.atomic():
        ids = list(verlopen.values_list("inbreng", "reactie", "inzending"))
        verlopen.delete()
        Inbreng.objects.filter(pk__in=[i for i, _r, _z in ids if i]).delete()
        Reactie.objects.filter(pk__in=[r for _i, r, _z in ids if r]).delete()
        Vragenlijstinzending.objects.filter(pk__in=[z for _i, _r, z in ids if z]).delete()
    return aantal


def resultaat_gepubliceerd(resultaat: ResultaatPage) -> None:
    """Tell the writers of the contributions behind `resultaat` (news on my input) and their
    supporters what came of them, once per contribution and status."""
    url = settings.WAGTAILADMIN_BASE_URL + resultaat.url
    proces = resultaat.get_parent().specific
    for inbreng in resultaat.bijdragen.select_related("auteur"):
        _gemeld, nieuw = ResultaatAankondiging.objects.get_or_create(
            resultaat=resultaat, inbreng=inbreng, status=resultaat.status
        )
        if not nieuw:
            continue
        tekst = (
            f"Uit '{inbreng.titel}' komt: {resultaat.title} "
            f"({Resultaatstatus(resultaat.status).label.lower()})."
        )
        for gebruiker, soort in _volgers(inbreng):
            meldingen.melden(gebruiker, soort, proces, tekst, url)


@transaction.atomic
def besluit_vastleggen(
    *, overleg: AlliantieoverlegPage, tekst: str, bijdragen: list[Inbreng], door: User | None
) -> Besluit:
    """Record a decision of `overleg` about contributions of its own area; their writers
    (news on my input) hear that it was discussed, with the decision."""
    gebied_id = FocusgebiedPage.objects.parent_of(overleg).values_list("pk", flat=True).get()
    if any(inbreng.focusgebied_id != gebied_id for inbreng in bijdragen):
        raise ParticipatieFout(_("Een besluit gaat alleen over inbreng uit het eigen gebied."))
    besluit = Besluit.objects.create(overleg=overleg, tekst=tekst.strip(), door=door)
    besluit.bijdragen.set(bijdragen)
    datum = formats.date_format(overleg.datum, "j F Y")
    for inbreng in bijdragen:
        if inbreng.auteur is not None:
            meldingen.melden(
                inbreng.auteur,
                Meldingsoort.STATUS,
                inbreng.proces,
                f"'{inbreng.titel}' is besproken in het alliantieoverleg van {datum}. "
                f"Besluit: {besluit.tekst}"[:500],
                settings.WAGTAILADMIN_BASE_URL + inbreng.url,
            )
    return besluit
