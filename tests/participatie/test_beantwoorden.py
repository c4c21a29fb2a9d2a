"""The accountability loop: every contribution gets a public status and cannot be closed
without a public written answer; the submitter and supporters hear of every change (unless
they switch it off), and each process shows what was done with the input."""

import csv
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from participatie.models import Inbrengstatus, Statuswijziging
from participatie.services import ParticipatieFout, status_wijzigen
from tests.factories import InbrengFactory, SteunFactory, ThemaFactory, UserFactory
from tests.participatie.conftest import link_in_mail, mails_to

pytestmark = pytest.mark.django_db


def behandel_url(inbreng) -> str:
    return f"/participatie/beheer/inbreng/{inbreng.pk}/behandelen/"


def test_closing_without_an_answer_is_refused(client, proces, team):
    inbreng = InbrengFactory(proces=proces)
    client.force_login(team)

    response = client.post(behandel_url(inbreng), {"status": Inbrengstatus.VERWERKT})

    assert response.status_code == 400
    assert (
        "Zonder openbaar antwoord kan inbreng niet worden afgesloten" in response.content.decode()
    )
    inbreng.refresh_from_db()
    assert inbreng.status == Inbrengstatus.ONTVANGEN
    with pytest.raises(ParticipatieFout):
        status_wijzigen(
            inbreng=inbreng, naar=Inbrengstatus.NIET_OVERGENOMEN, antwoord=" ", door=team
        )


def test_the_answer_is_public_and_mailed_to_submitter_and_supporters(client, proces, team):
    indiener = UserFactory(email="indiener@example.nl")
    inbreng = InbrengFactory(proces=proces, auteur=indiener, titel="Bankjes met leuning")
    SteunFactory(inbreng=inbreng, gebruiker=UserFactory(email="steun@example.nl"))
    client.force_login(team)

    response = client.post(
        behandel_url(inbreng),
        {"status": Inbrengstatus.VERWERKT, "antwoord": "Alle nieuwe bankjes krijgen een leuning."},
        follow=True,
    )

    assert "De update staat online" in response.content.decode()
    client.logout()
    page = client.get(inbreng.url).content.decode()
    assert "Verwerkt in plan" in page
    assert "Alle nieuwe bankjes krijgen een leuning." in page
    assert "Antwoord van Alliantie Poelenburg" in page
    assert "Team Poelenburg" not in page  # the team answers, not a named employee
    # The submitter hears at once (the default for news on one's own input)...
    (eigen,) = mails_to("indiener@example.nl")
    assert "'Bankjes met leuning' heeft nu de status: Verwerkt in plan." in eigen.body
    assert "Alle nieuwe bankjes krijgen een leuning." in eigen.body
    assert "Geen e-mail meer over 'Nieuws over mijn inbreng':" in eigen.body
    assert eigen.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # ...the supporter in the daily digest (the default for what one supports).
    assert mails_to("steun@example.nl") == []
    call_command("participatie_samenvatting", "--frequentie", "dagelijks", stdout=io.StringIO())
    (steun,) = mails_to("steun@example.nl")
    assert "'Bankjes met leuning' heeft nu de status: Verwerkt in plan." in steun.body


def test_every_change_is_in_the_public_history(proces, team):
    inbreng = InbrengFactory(proces=proces)
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.IN_BEHANDELING, antwoord="", door=team)
    status_wijzigen(
        inbreng=inbreng, naar=Inbrengstatus.DOORGESTUURD, antwoord="Naar de GGD.", door=team
    )
    status_wijzigen(
        inbreng=inbreng, naar=Inbrengstatus.IN_BEHANDELING, antwoord="Toch zelf.", door=team
    )

    assert list(Statuswijziging.objects.values_list("naar_status", flat=True)) == [
        Inbrengstatus.IN_BEHANDELING,
        Inbrengstatus.DOORGESTUURD,
        Inbrengstatus.IN_BEHANDELING,
    ]
    with pytest.raises(ParticipatieFout):
        # Not back to "ontvangen".
        status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.ONTVANGEN, antwoord="x", door=team)


def test_mail_can_be_switched_off_on_the_page_and_by_the_link_without_login(client, proces, team):
    indiener = UserFactory(email="indiener@example.nl")
    inbreng = InbrengFactory(proces=proces, auteur=indiener)
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.IN_BEHANDELING, antwoord="", door=team)
    (bericht,) = mails_to("indiener@example.nl")
    path = re.search(r"https?://[^/\s]+(/participatie/afmelden/\S+)", bericht.body).group(1)

    assert "Ja, stuur me hierover geen e-mail meer" in client.get(path).content.decode()
    client.post(path)
    status_wijzigen(
        inbreng=inbreng, naar=Inbrengstatus.VERWERKT, antwoord="Opgenomen in het plan.", door=team
    )

    assert len(mails_to("indiener@example.nl")) == 1
    # On the page, the writer switches it on again.
    client.force_login(indiener)
    client.post(f"/participatie/inbreng/{inbreng.pk}/meldingen/", {"aan": "1"})
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.IN_BEHANDELING, antwoord="", door=team)
    assert len(mails_to("indiener@example.nl")) == 2


def test_a_forged_unsubscribe_link_is_refused(client):
    response = client.post("/participatie/afmelden/nep-token/")

    assert response.status_code == 400


def test_wat_is_er_met_uw_inbreng_gedaan(client, proces, team):
    groen = ThemaFactory(label="Groen", slug="groen")
    verwerkt = InbrengFactory(proces=proces, thema=groen, titel="Meer bomen")
    InbrengFactory(proces=proces, thema=groen)
    InbrengFactory(proces=proces)
    status_wijzigen(
        inbreng=verwerkt, naar=Inbrengstatus.VERWERKT, antwoord="Er komen 12 bomen.", door=team
    )
    proces.wat_is_veranderd = "<p>Het plein krijgt twaalf bomen.</p>"
    proces.save_revision().publish()

    page = client.get(proces.url + "wat-is-er-gedaan/").content.decode()

    assert "Wat is er met je inbreng gedaan?" in page
    assert "zijn 3 berichten gegeven" in page
    assert "Er komen 12 bomen." in page and "Meer bomen" in page
    assert "Het plein krijgt twaalf bomen." in page
    rows = [
        line.strip() for line in page.split("<tr") if "Groen" in line or "Verwerkt in plan" in line
    ]
    assert any(">2<" in row for row in rows if "Groen" in row)
    assert any(">1<" in row for row in rows if "Verwerkt in plan" in row)


def test_the_team_exports_the_report_as_csv_and_printable_page(client, proces, team):
    inbreng = InbrengFactory(proces=proces, titel="Schaduw", tekst='Graag bomen; en "schaduw".')
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.VERWERKT, antwoord="Komt er.", door=team)
    client.force_login(team)

    assert "Verslag voor het alliantieoverleg" in client.get(proces.url).content.decode()
    response = client.get(f"/participatie/beheer/proces/{proces.pk}/verslag.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    printable = client.get(f"/participatie/beheer/proces/{proces.pk}/verslag/").content.decode()

    assert response["Content-Type"].startswith("text/csv")
    assert rows[0][:4] == ["nummer", "datum", "soort", "titel"]
    assert rows[1][3] == "Schaduw" and rows[1][9] == "Verwerkt in plan"
    assert rows[1][11] == 'Graag bomen; en "schaduw".'
    assert "Schaduw" in printable and "Komt er." in printable
    assert "@" not in response.content.decode("utf-8-sig")  # no addresses in the report
    client.logout()
    assert "Verslag voor het alliantieoverleg" not in client.get(proces.url).content.decode()


def test_the_team_is_told_of_new_input(client, proces, team, bewoner, thema):
    client.force_login(bewoner)
    client.post(
        proces.url + "inbreng-geven/",
        {
            "soort": "idee",
            "titel": "Een moestuin",
            "tekst": "Samen tuinieren.",
            "thema": thema.pk,
            "pseudoniem": "Fatima",
        },
    )

    (bericht,) = mails_to(team.email)
    assert "Nieuwe inbreng: Een moestuin" in bericht.subject
    assert link_in_mail(bericht).endswith(f"/inbreng/{proces.inbreng.get().pk}/")
    assert len(mail.outbox) == 1
