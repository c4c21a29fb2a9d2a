"""The contribution workflow's state machine, over every step, status and role: the author,
a colleague the draft is shared with, a colleague it is not shared with, a member of another
organisation, a redacteur, an eindredacteur, and an eindredacteur reviewing their own."""

import itertools

import pytest
import rules
from django.core import mail

from kennisbank.inzendingen import services
from kennisbank.inzendingen.forms import stap_form
from kennisbank.inzendingen.models import Inzending, Opmerking, Organisatielid
from kennisbank.inzendingen.stappen import STAP
from kennisbank.models import PraktijkvoorbeeldPage
from tests.factories import InzendingFactory, OrganisatieFactory, UserFactory
from wijkwijzer.roles import EINDREDACTEUR

pytestmark = pytest.mark.django_db
Status = Inzending.Status

ROLLEN = [
    "auteur",
    "collega_gedeeld",
    "collega_niet_gedeeld",
    "andere_organisatie",
    "redacteur",
    "eindredacteur",
    "eindredacteur_eigen",
]
# Who may take which step, by the table in the issue: the author writes, shares, submits
# and takes back; any editor returns; only the eindredactie publishes or declines.
MAG = {
    services.OPSLAAN: {"auteur", "eindredacteur_eigen"},
    services.DELEN: {"auteur", "eindredacteur_eigen"},
    services.INDIENEN: {"auteur", "eindredacteur_eigen"},
    services.TERUGTREKKEN: {"auteur", "eindredacteur_eigen"},
    services.TERUGSTUREN: {"redacteur", "eindredacteur"},
    services.GOEDKEUREN: {"eindredacteur"},
    services.AFWIJZEN: {"eindredacteur"},
}
VAN = {
    services.OPSLAAN: {Status.CONCEPT, Status.TERUGGESTUURD},
    services.DELEN: {Status.CONCEPT, Status.TERUGGESTUURD},
    services.INDIENEN: {Status.CONCEPT, Status.TERUGGESTUURD},
    services.TERUGTREKKEN: {Status.INGEDIEND},
    services.TERUGSTUREN: {Status.INGEDIEND},
    services.GOEDKEUREN: {Status.INGEDIEND},
    services.AFWIJZEN: {Status.INGEDIEND},
}
NAAR = {
    services.OPSLAAN: None,
    services.DELEN: None,
    services.INDIENEN: Status.INGEDIEND,
    services.TERUGTREKKEN: Status.CONCEPT,
    services.TERUGSTUREN: Status.TERUGGESTUURD,
    services.GOEDKEUREN: Status.GEPUBLICEERD,
    services.AFWIJZEN: Status.AFGEWEZEN,
}


def _opzet(rol: str, status: str, redacteur, eindredacteur) -> tuple[Inzending, object]:
    auteur = eindredacteur if rol == "eindredacteur_eigen" else UserFactory()
    inzending = InzendingFactory(
        auteur=auteur, status=status, gedeeld=rol != "collega_niet_gedeeld"
    )
    collega = UserFactory()
    Organisatielid.objects.create(organisatie=inzending.organisatie, gebruiker=collega)
    wie = {
        "auteur": auteur,
        "eindredacteur_eigen": auteur,
        "collega_gedeeld": collega,
        "collega_niet_gedeeld": collega,
        "andere_organisatie": Organisatielid.objects.get(
            organisatie=OrganisatieFactory(leden=[UserFactory()])
        ).gebruiker,
        "redacteur": redacteur,
        "eindredacteur": eindredacteur,
    }[rol]
    return inzending, wie


def _uitvoeren(stap: str, inzending: Inzending, door) -> None:
    if stap == services.OPSLAAN:
        form = stap_form(STAP["probleem"])(
            {"titel": "Nieuwe titel"}, instance=inzending, gebruiker=door
        )
        assert form.is_valid(), form.errors
        services.stap_opslaan(inzending=inzending, door=door, form=form)
    elif stap == services.DELEN:
        services.delen(inzending=inzending, door=door, gedeeld=not inzending.gedeeld)
    elif stap == services.TERUGSTUREN:
        services.terugsturen(inzending=inzending, door=door, opmerkingen={"aanpak": "Concreter."})
    elif stap == services.AFWIJZEN:
        services.afwijzen(inzending=inzending, door=door, reden="Geen praktijkvoorbeeld.")
    else:
        getattr(services, stap)(inzending=inzending, door=door)


@pytest.mark.parametrize("stap", MAG)
def test_every_step_from_every_status_by_every_role(stap, lijst, redacteur, eindredacteur):
    for status, rol in itertools.product(Status.values, ROLLEN):
        inzending, door = _opzet(rol, status, redacteur, eindredacteur)
        voor = Inzending.objects.get(pk=inzending.pk)
        toegestaan = rol in MAG[stap] and status in VAN[stap]
        geval = f"{stap} from {status} by {rol}"

        assert (stap in services.acties(door, inzending)) == toegestaan, geval
        if toegestaan:
            _uitvoeren(stap, inzending, door)
            na = Inzending.objects.get(pk=inzending.pk)
            assert na.status == (NAAR[stap] or status), geval
        else:
            with pytest.raises(services.InzendingFout):
                _uitvoeren(stap, inzending, door)
            na = Inzending.objects.get(pk=inzending.pk)
            assert (na.status, na.titel, na.gedeeld) == (voor.status, voor.titel, voor.gedeeld)
            assert not Opmerking.objects.filter(inzending=inzending).exists(), geval
            assert na.pagina_id is None, geval


@pytest.mark.parametrize("status", Status.values)
def test_who_may_read(status, lijst, redacteur, eindredacteur):
    for rol in ROLLEN:
        inzending, wie = _opzet(rol, status, redacteur, eindredacteur)
        verwacht = {
            "auteur": True,
            "eindredacteur_eigen": True,
            "collega_gedeeld": True,
            "collega_niet_gedeeld": False,
            "andere_organisatie": False,
            "redacteur": status != Status.CONCEPT,
            "eindredacteur": status != Status.CONCEPT,
        }[rol]
        assert rules.has_perm("inzendingen.bekijken_inzending", wie, inzending) == verwacht, rol


def test_a_round_trip_returns_comments_per_section_and_publishes_with_credit(
    lijst, redacteur, eindredacteur
):
    inzending = InzendingFactory(bronnen="Evaluatie 2025 https://example.nl/evaluatie\nJaarverslag")
    auteur = inzending.auteur

    services.indienen(inzending=inzending, door=auteur)
    assert inzending.ronde == 1
    assert {m.to[0] for m in mail.outbox} >= {"redacteur@example.nl", "eindredacteur@example.nl"}
    assert any(m.to == [auteur.email] and "ingediend" in m.subject for m in mail.outbox)

    mail.outbox.clear()
    services.terugsturen(
        inzending=inzending,
        door=redacteur,
        opmerkingen={
            "aanpak": "Beschrijf de stappen.",
            "resultaten": "Noem cijfers.",
            "kosten": " ",
        },
    )
    assert dict(Opmerking.objects.filter(inzending=inzending).values_list("sectie", "ronde")) == {
        "aanpak": 1,
        "resultaten": 1,
    }
    (bericht,) = mail.outbox
    assert bericht.to == [auteur.email]
    assert "Beschrijf de stappen." in bericht.body and "Noem cijfers." in bericht.body

    services.indienen(inzending=inzending, door=auteur)
    assert inzending.ronde == 2
    pagina = services.goedkeuren(inzending=inzending, door=eindredacteur)

    pagina = PraktijkvoorbeeldPage.objects.get(pk=pagina.pk)
    assert pagina.live and pagina.get_parent().pk == lijst.pk
    assert pagina.contact_organisatie == inzending.organisatie.naam
    assert pagina.auteur == auteur
    assert "<li>vaste gastvrouw</li>" in pagina.werkzame_elementen
    assert [(b.value["titel"], b.value["url"]) for b in pagina.bronnen] == [
        ("Evaluatie 2025", "https://example.nl/evaluatie"),
        ("Jaarverslag", ""),
    ]
    assert list(pagina.themas.all()) == list(inzending.themas.all())
    assert any(pagina.url in m.body for m in mail.outbox if m.to == [auteur.email])


def test_submitting_needs_every_required_answer(lijst):
    inzending = InzendingFactory(compleet=False)
    with pytest.raises(services.InzendingFout) as fout:
        services.indienen(inzending=inzending, door=inzending.auteur)
    assert "Het probleem en het gebied: titel" in str(fout.value)
    assert "Contactorganisatie en bronnen: organisatie" in str(fout.value)
    assert Inzending.objects.get(pk=inzending.pk).status == Status.CONCEPT


def test_returning_needs_a_comment_and_declining_a_reason(lijst, eindredacteur):
    inzending = InzendingFactory(status=Status.INGEDIEND)
    with pytest.raises(services.InzendingFout):
        services.terugsturen(inzending=inzending, door=eindredacteur, opmerkingen={"doel": "  "})
    with pytest.raises(services.InzendingFout):
        services.afwijzen(inzending=inzending, door=eindredacteur, reden="")
    assert Inzending.objects.get(pk=inzending.pk).status == Status.INGEDIEND


def test_sharing_needs_an_organisation(lijst):
    inzending = InzendingFactory(compleet=False)
    with pytest.raises(services.InzendingFout):
        services.delen(inzending=inzending, door=inzending.auteur, gedeeld=True)


def test_a_former_member_cannot_submit_for_the_organisation(lijst):
    inzending = InzendingFactory()
    Organisatielid.objects.filter(organisatie=inzending.organisatie).delete()
    with pytest.raises(services.InzendingFout, match="geen lid"):
        services.indienen(inzending=inzending, door=inzending.auteur)


def test_a_new_draft_takes_the_only_organisation(lijst):
    lid = UserFactory()
    organisatie = OrganisatieFactory(leden=[lid])
    assert services.nieuwe_inzending(auteur=lid).organisatie == organisatie
    OrganisatieFactory(leden=[lid])
    assert services.nieuwe_inzending(auteur=lid).organisatie is None


def test_the_eindredactie_role_is_checked_by_group(lijst, roles):
    lid = UserFactory()
    inzending = InzendingFactory(status=Status.INGEDIEND)
    assert services.GOEDKEUREN not in services.acties(lid, inzending)
    lid.groups.add(roles[EINDREDACTEUR])
    lid = type(lid).objects.get(pk=lid.pk)
    assert services.GOEDKEUREN in services.acties(lid, inzending)
