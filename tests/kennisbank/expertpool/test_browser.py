"""A municipality asks the Expertpool for support, and an expert accepts from the e-mail,
in a real Chromium."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from kennisbank.expertpool.models import Ondersteuningsaanvraag
from kennisbank.expertpool.services import expert_uitnodigen
from tests.factories import (
    ExpertPageFactory,
    ExpertpoolPageFactory,
    FocusgebiedPageFactory,
    OndersteuningsaanvraagFactory,
    ThemaFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_municipality_submits_a_request_after_fixing_mistakes(page, home, browser_login):
    pool = ExpertpoolPageFactory()
    ThemaFactory(label="Jeugd")
    FocusgebiedPageFactory(title="Heerlen-Noord")
    browser_login(UserFactory())

    page.goto(pool.url)
    page.get_by_role("link", name="Ondersteuning aanvragen").first.click()
    urgentie = page.get_by_role("group", name="Hoe dringend is het?")
    # Nothing chosen for the person, and no "---------" option to choose.
    expect(urgentie.get_by_role("radio", checked=True)).to_have_count(0)
    expect(urgentie.get_by_label("---------")).to_have_count(0)
    page.get_by_label("Namens welke organisatie").fill("Gemeente Heerlen")
    page.get_by_label("Je vraag").fill("Hoe zetten we een vakschool op in de wijk?")
    page.get_by_role("button", name="Aanvraag versturen").click()

    expect(page.get_by_text("Kies de fase.")).to_be_visible()
    expect(page.get_by_text("Kies minstens één thema.")).to_be_visible()
    expect(page.get_by_label("Namens welke organisatie")).to_have_value("Gemeente Heerlen")
    expect(page.get_by_label("Je vraag")).to_have_value(
        "Hoe zetten we een vakschool op in de wijk?"
    )
    page.get_by_label("Voor welk focusgebied?").select_option(label="Heerlen-Noord")
    page.get_by_role("group", name="In welke fase").get_by_label("Ontwerp").check()
    page.get_by_role("group", name="Welke expertise").get_by_label("Jeugd").check()
    page.get_by_label("Binnen een maand").check()
    page.get_by_label("In welke periode?").fill("voorjaar 2027")
    page.get_by_role("button", name="Aanvraag versturen").click()

    expect(page.get_by_text("Je aanvraag is verstuurd.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvraag voor Heerlen-Noord")
    expect(page.get_by_text("Status: ingediend")).to_be_visible()
    assert Ondersteuningsaanvraag.objects.get().organisatie == "Gemeente Heerlen"


def test_expert_accepts_from_the_link_in_the_email(page, home):
    ExpertpoolPageFactory()
    expert = ExpertPageFactory(title="Laura Smit")
    aanvraag = OndersteuningsaanvraagFactory(vraag="Wie helpt ons het plein opnieuw in te richten?")
    expert_uitnodigen(aanvraag=aanvraag, expert=expert, door=None)
    link = re.search(r"http://[^/]+(/expertpool/uitnodiging/\S+/)", mail.outbox[-1].body).group(1)

    page.goto(link)
    expect(page.get_by_text("Wie helpt ons het plein opnieuw in te richten?")).to_be_visible()
    page.get_by_role("button", name="Ja, ik help mee").click()

    expect(page.get_by_text("We brengen je per e-mail in contact")).to_be_visible()
    expect(page.get_by_text("Deze uitnodiging is al beantwoord: geaccepteerd.")).to_be_visible()
    expect(page.get_by_role("button", name="Ja, ik help mee")).to_have_count(0)
    aanvraag.refresh_from_db()
    assert aanvraag.status == "gematcht" and aanvraag.expert == expert
