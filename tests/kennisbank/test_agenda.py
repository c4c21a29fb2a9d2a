"""Agenda: register for an event, a waiting list when it is full, a confirmation e-mail with
an iCalendar file, and past events with their reports."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from kennisbank.models import Aanmelding
from kennisbank.services.agenda import aanmelden, afmelden
from tests.factories import EvenementPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evenement(home):
    return EvenementPageFactory(title="Kenniskamer jeugd", capaciteit=2)


def register(client, user, evenement, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/agenda/{evenement.pk}/aanmelden/", follow=True)


def test_register_sends_confirmation_with_calendar_file(
    client, evenement, django_capture_on_commit_callbacks
):
    user = UserFactory(email="wijkwerker@example.nl")

    response = register(client, user, evenement, django_capture_on_commit_callbacks)

    assert "Je bent aangemeld" in response.content.decode()
    assert Aanmelding.objects.get().status == "aangemeld"
    message = mail.outbox[-1]
    assert message.to == ["wijkwerker@example.nl"]
    assert "Aanmelding bevestigd: Kenniskamer jeugd" in message.subject
    name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar" and name.endswith(".ics")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Kenniskamer jeugd"
    assert event.decoded("DTSTART") == evenement.begin.replace(microsecond=0)


def test_full_event_puts_people_on_the_waiting_list_and_a_cancellation_moves_them_up(
    client, evenement, django_capture_on_commit_callbacks
):
    first, second, third = UserFactory(), UserFactory(), UserFactory(email="derde@example.nl")
    for user in (first, second):
        register(client, user, evenement, django_capture_on_commit_callbacks)

    response = register(client, third, evenement, django_capture_on_commit_callbacks)
    assert "Je staat op de wachtlijst" in response.content.decode()
    assert Aanmelding.objects.get(deelnemer=third).status == "wachtlijst"
    assert "Op de wachtlijst" in mail.outbox[-1].subject and not mail.outbox[-1].attachments

    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/agenda/{evenement.pk}/afmelden/")

    assert Aanmelding.objects.get(deelnemer=first).status == "afgemeld"
    assert Aanmelding.objects.get(deelnemer=third).status == "aangemeld"
    assert mail.outbox[-1].to == ["derde@example.nl"] and mail.outbox[-1].attachments


def test_registering_twice_keeps_one_registration(evenement):
    user = UserFactory()
    aanmelden(deelnemer=user, evenement=evenement)
    aanmelden(deelnemer=user, evenement=evenement)
    assert Aanmelding.objects.filter(deelnemer=user).count() == 1


def test_cancel_then_register_again(evenement):
    user = UserFactory()
    aanmelden(deelnemer=user, evenement=evenement)
    afmelden(deelnemer=user, evenement=evenement)
    assert aanmelden(deelnemer=user, evenement=evenement).status == "aangemeld"


def test_registration_needs_login_and_post(client, evenement):
    assert client.post(f"/agenda/{evenement.pk}/aanmelden/")["Location"].startswith(
        "/account/login/"
    )
    client.force_login(UserFactory())
    assert client.get(f"/agenda/{evenement.pk}/aanmelden/").status_code == 405
    assert not Aanmelding.objects.exists()


def test_past_event_cannot_be_joined_and_shows_its_report(client, home):
    past = EvenementPageFactory(
        begin=timezone.now() - datetime.timedelta(days=3), verslag="<p>Wat we leerden.</p>"
    )
    client.force_login(UserFactory())

    response = client.post(f"/agenda/{past.pk}/aanmelden/", follow=True)

    assert "Aanmelden voor dit evenement kan niet (meer)." in response.content.decode()
    assert not Aanmelding.objects.exists()
    assert "Wat we leerden." in client.get(past.url).content.decode()


def test_agenda_lists_upcoming_and_past_with_constant_queries(client, query_count, home):
    EvenementPageFactory(title="Straks")
    EvenementPageFactory(title="Vorige maand", begin=timezone.now() - datetime.timedelta(days=30))

    html = client.get("/kennisbank/agenda/").content.decode()
    assert (
        html.index("Komende bijeenkomsten")
        < html.index("Straks")
        < html.index("Eerdere")
        < html.index("Vorige maand")
    )

    query_count.assert_constant(
        "/kennisbank/agenda/",
        lambda: [
            EvenementPageFactory(),
            EvenementPageFactory(begin=timezone.now() - datetime.timedelta(days=9)),
        ],
        maximum=14,
    )


def test_event_page_shows_free_places(client, evenement):
    aanmelden(deelnemer=UserFactory(), evenement=evenement)
    assert "nog 1 plek vrij" in client.get(evenement.url).content.decode()
