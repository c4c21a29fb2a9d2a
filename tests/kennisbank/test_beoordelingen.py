"""Evidence, assessed and dated: a rating is an assessment record (level, who, when, valid
until, why); the latest counts; expired ones are flagged to editors and shown to readers as
"beoordeling verlopen"; a rating is not an endorsement."""

import datetime
import json

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.exceptions import ValidationError

from kennisbank.models import Beoordeling, PraktijkvoorbeeldPage
from tests.factories import (
    BewijskrachtFactory,
    BewijskrachtPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    UserFactory,
)
from tests.kennisbank.test_import import item, run, setup  # noqa: F401  (a fixture)
from wijkwijzer.roles import REDACTEUR

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date.today()


@pytest.fixture
def niveaus(gebieden_index):
    PraktijkvoorbeeldIndexPageFactory()
    return {
        "veelbelovend": BewijskrachtFactory(naam="Veelbelovend", slug="veelbelovend", volgorde=3),
        "effectief": BewijskrachtFactory(naam="Effectief", slug="effectief", volgorde=5),
    }


def test_the_example_shows_who_assessed_it_when_and_until_when(client, niveaus):
    BewijskrachtPageFactory()
    voorbeeld = PraktijkvoorbeeldPageFactory(title="Buurtbemiddeling")
    voorbeeld.beoordelingen = [
        Beoordeling(
            niveau=niveaus["effectief"],
            beoordelaar="erkenning",
            beoordelaar_naam="Erkenningscommissie Interventies",
            datum=datetime.date(2020, 3, 1),
            geldig_tot=datetime.date(2023, 3, 1),
            onderbouwing="Effectonderzoek met controlegroep.",
        ),
        Beoordeling(
            niveau=niveaus["veelbelovend"],
            beoordelaar="redactiepanel",
            datum=datetime.date(2025, 6, 1),
            geldig_tot=VANDAAG + datetime.timedelta(days=400),
            onderbouwing="Evaluatie in twee wijken.",
        ),
    ]
    voorbeeld.save()

    page = client.get(voorbeeld.url).content.decode()

    assert (
        PraktijkvoorbeeldPage.objects.get(pk=voorbeeld.pk).bewijskracht == niveaus["veelbelovend"]
    )
    assert "Beoordeeld door Redactiepanel van WijkWijzer op 1 juni 2025" in page
    assert "Evaluatie in twee wijken." in page
    assert "beoordeling verlopen" not in page
    assert "Wat betekenen de niveaus? (geen keurmerk)" in page


def test_an_expired_rating_is_flagged_to_readers_and_editors(client, niveaus, roles):
    verlopen = PraktijkvoorbeeldPageFactory(
        title="Oude beoordeling",
        bewijskracht=niveaus["effectief"],
        bewijskracht__geldig_tot=VANDAAG - datetime.timedelta(days=1),
    )
    PraktijkvoorbeeldPageFactory(title="Geldige beoordeling", bewijskracht=niveaus["effectief"])

    lijst = client.get("/kennisbank/praktijkvoorbeelden/").content.decode()
    assert lijst.count("(beoordeling verlopen)") == 1
    assert "beoordeling verlopen" in client.get(verlopen.url).content.decode()

    redacteur = UserFactory()
    redacteur.groups.add(roles[REDACTEUR])
    TOTP.activate(redacteur, generate_totp_secret())
    client.force_login(redacteur)
    dashboard = client.get("/admin/").content.decode()
    assert "Beoordelingen van bewijskracht verlopen (1)" in dashboard
    assert "Oude beoordeling" in dashboard and "Geldige beoordeling" not in dashboard


def test_an_assessment_needs_valid_dates_and_names_an_external_body(niveaus):
    beoordeling = Beoordeling(
        niveau=niveaus["effectief"],
        beoordelaar="erkenning",
        datum=VANDAAG,
        geldig_tot=VANDAAG,
        onderbouwing="x",
    )

    with pytest.raises(ValidationError) as fout:
        beoordeling.clean()

    assert "'Geldig tot' moet na de datum liggen." in str(fout.value)


def test_the_levels_page_says_a_rating_is_not_an_endorsement(client, gebieden_index):
    niveaus = BewijskrachtPageFactory()

    assert "geen keurmerk en geen aanbeveling" in client.get(niveaus.url).content.decode()


@pytest.mark.usefixtures("setup")
def test_an_imported_level_becomes_a_dated_assessment(tmp_path):
    BewijskrachtFactory(naam="Veelbelovend", slug="veelbelovend", volgorde=3)

    run(tmp_path, json.dumps([item(bewijskracht="veelbelovend", published="2024-05-01")]))

    (beoordeling,) = PraktijkvoorbeeldPage.objects.get().beoordelingen.all()
    assert (beoordeling.beoordelaar, beoordeling.datum, beoordeling.geldig_tot) == (
        "redactiepanel",
        datetime.date(2024, 5, 1),
        datetime.date(2027, 5, 1),
    )
