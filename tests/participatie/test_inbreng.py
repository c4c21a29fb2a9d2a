"""A resident gives input: write first, then confirm the e-mail address; with an account it
goes online at once. Bad input gets a Dutch error and keeps what was typed; bots, link spam
and duplicates are refused."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from participatie import services
from participatie.models import (
    Bevestiging,
    Inbreng,
    Inbrengsoort,
    Moderatie,
    Reactie,
    Steun,
    Zichtbaarheid,
)
from tests.factories import (
    AlliantieoverlegPageFactory,
    InbrengFactory,
    ParticipatieprocesPageFactory,
)
from tests.participatie.conftest import link_in_mail, mails_to
from wijkwijzer.models import User

pytestmark = pytest.mark.django_db


def formulier(thema, **extra) -> dict:
    return {
        "soort": Inbrengsoort.IDEE,
        "titel": "Schaduw op het plein",
        "tekst": "In de zomer is er geen schaduw. Graag **bomen**.",
        "thema": thema.pk,
        "plek": "Guisplein",
        "pseudoniem": "Fatima",
        "email": "fatima@example.nl",
        **extra,
    }


def geven_url(proces) -> str:
    return proces.url + "inbreng-geven/"


def test_without_account_the_contribution_waits_until_the_address_is_confirmed(
    client, proces, thema, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(geven_url(proces), formulier(thema), follow=True)

    assert "Bijna klaar: bevestig je e-mailadres" in response.content.decode()
    assert "fatima@example.nl" not in response.content.decode()  # shown half hidden
    inbreng = Inbreng.objects.get()
    assert inbreng.zichtbaarheid == Zichtbaarheid.WACHT_OP_BEVESTIGING
    assert inbreng.auteur is None
    assert "Schaduw op het plein" not in client.get(proces.url).content.decode()
    assert client.get(inbreng.url).status_code == 404
    assert not User.objects.exists()  # the account comes with the confirmation

    (bericht,) = mails_to("fatima@example.nl")
    link = link_in_mail(bericht)
    # Opening the link changes nothing (mail scanners open links); the button confirms.
    assert "Ja, dit is mijn e-mailadres" in client.get(link).content.decode()
    assert Inbreng.objects.get().auteur is None

    response = client.post(link, follow=True)

    inbreng.refresh_from_db()
    assert inbreng.zichtbaarheid == Zichtbaarheid.ZICHTBAAR
    assert inbreng.auteur.email == "fatima@example.nl"
    assert inbreng.auteur.public_name == "Fatima"
    assert not inbreng.auteur.has_usable_password()
    assert response.wsgi_request.user == inbreng.auteur  # a light account, logged in
    page = response.content.decode()
    assert "Schaduw op het plein" in page and "<strong>bomen</strong>" in page
    assert "Je e-mailadres is bevestigd" in page
    assert "Schaduw op het plein" in client.get(proces.url).content.decode()
    # Single use: the link no longer works.
    assert client.post(link).status_code == 404
    assert not Bevestiging.objects.exists()


def test_confirming_for_an_existing_account_does_not_log_in(client, proces, thema, bewoner):
    client.post(geven_url(proces), formulier(thema, email=bewoner.email))
    link = link_in_mail(mail.outbox[-1])

    response = client.post(link, follow=True)

    assert Inbreng.objects.get().auteur == bewoner
    assert not response.wsgi_request.user.is_authenticated
    assert User.objects.count() == 1
    assert "ingelogd" not in response.content.decode()


def test_an_expired_link_says_so(client, proces, thema):
    client.post(geven_url(proces), formulier(thema))
    link = link_in_mail(mail.outbox[-1])
    Bevestiging.objects.update(aangemaakt_op=timezone.now() - datetime.timedelta(days=8))

    response = client.get(link)

    assert response.status_code == 404
    assert "ouder dan 7 dagen" in response.content.decode()


def test_with_an_account_it_is_online_at_once(client, proces, thema, bewoner):
    client.force_login(bewoner)
    data = formulier(thema)
    del data["email"]

    response = client.post(geven_url(proces), data, follow=True)

    inbreng = Inbreng.objects.get()
    assert inbreng.auteur == bewoner and inbreng.is_zichtbaar
    assert "Je bericht staat online" in response.content.decode()
    assert response.redirect_chain[-1][0] == inbreng.url


def test_pre_moderation_holds_it_until_approved(client, gebied, thema, bewoner):
    proces = ParticipatieprocesPageFactory(parent=gebied, moderatie=Moderatie.VOORAF)
    client.force_login(bewoner)

    response = client.post(geven_url(proces), formulier(thema), follow=True)

    inbreng = Inbreng.objects.get()
    assert inbreng.zichtbaarheid == Zichtbaarheid.WACHT_OP_MODERATIE
    assert "Een moderator bekijkt je bericht" in response.content.decode()
    # Its writer sees it with a notice; nobody else does.
    assert "Alleen jij ziet dit bericht nu" in client.get(inbreng.url).content.decode()
    client.logout()
    assert client.get(inbreng.url).status_code == 404


def test_bad_input_gets_dutch_errors_and_keeps_the_text(client, proces, thema):
    data = formulier(thema, titel="", email="geen-adres", soort="")

    response = client.post(geven_url(proces), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Geef je bericht een korte titel." in page
    assert "Dit is geen geldig e-mailadres" in page
    assert "Kies of je een idee, een reactie of een zorg geeft." in page
    assert "In de zomer is er geen schaduw. Graag **bomen**." in page
    assert 'value="Guisplein"' in page
    assert not Inbreng.objects.exists()


def test_postcode_in_the_area_gives_the_bewoner_mark_and_is_not_kept(client, proces, thema):
    client.post(geven_url(proces), formulier(thema, postcode="1503 AB"))
    client.post(link_in_mail(mail.outbox[-1]))

    inbreng = Inbreng.objects.get()
    assert inbreng.bewoner
    page = client.get(inbreng.url).content.decode()
    assert "bewoner" in page
    assert "1503" not in page
    # As a postcode (1503, 1503AB, 1503 ab) in any text column: a timestamp's microseconds or
    # a hex token may hold the digits 1503 by chance.
    postcode = re.compile(r"\b1503\s*[a-z]{0,2}\b", re.IGNORECASE)
    opgeslagen = Inbreng.objects.values().get().values()
    assert not any(postcode.search(v) for v in opgeslagen if isinstance(v, str))


def test_a_postcode_outside_the_area_is_refused_kindly(client, proces, thema):
    response = client.post(geven_url(proces), formulier(thema, postcode="9999"))

    assert response.status_code == 400
    assert "Deze postcode hoort niet bij Poelenburg" in response.content.decode()


def test_the_honeypot_drops_a_bot_post_without_telling_it(client, proces, thema):
    response = client.post(geven_url(proces), formulier(thema, website="http://spam.example"))

    assert response.status_code == 302
    assert not Inbreng.objects.exists()
    assert not mail.outbox


def test_too_many_links_are_refused(client, proces, thema):
    tekst = "Kijk op https://a.example en https://b.example en www.c.example"

    response = client.post(geven_url(proces), formulier(thema, tekst=tekst))

    assert response.status_code == 400
    assert "meer dan 2 links" in response.content.decode()


def test_the_same_text_twice_is_refused_as_a_duplicate(client, proces, thema):
    InbrengFactory(proces=proces, tekst="In de zomer is er GEEN schaduw! Graag **bomen**.")

    response = client.post(geven_url(proces), formulier(thema))

    assert response.status_code == 400
    assert "Precies deze tekst is al gegeven" in response.content.decode()
    assert Inbreng.objects.count() == 1


def test_the_rate_limit_answers_in_dutch_and_keeps_the_text(client, proces, thema, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "formulier": ("2/h", "2/h")}
    for n in range(2):
        client.post(geven_url(proces), formulier(thema, tekst=f"Bericht {n}", titel=f"T{n}"))

    response = client.post(geven_url(proces), formulier(thema, tekst="Derde bericht"))

    assert response.status_code == 429
    page = response.content.decode()
    assert "te vaak iets verstuurd" in page and "Derde bericht" in page
    assert Inbreng.objects.count() == 2


def test_markdown_is_sanitised(client, proces, thema, bewoner):
    client.force_login(bewoner)
    payload = "<script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror=alert(3)>"
    client.post(geven_url(proces), formulier(thema, tekst=payload))

    page = client.get(Inbreng.objects.get().url).content.decode()

    assert "<script>alert(1)" not in page
    assert ">klik</a>" in page  # the link text stays, without its script
    assert 'href="javascript' not in page
    assert "<img src=x" not in page and '<img src="x"' not in page


def test_a_photo_is_shrunk_and_loses_its_metadata(client, proces, thema, bewoner):
    image = Image.new("RGB", (4000, 3000), "green")
    exif = Image.Exif()
    exif[0x010F] = "Camera van Fatima"  # Make
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    upload = SimpleUploadedFile("plein.jpg", buffer.getvalue(), content_type="image/jpeg")
    client.force_login(bewoner)

    client.post(
        geven_url(proces),
        formulier(thema, afbeelding=upload, afbeelding_tekst="Het lege plein"),
    )

    inbreng = Inbreng.objects.get()
    with Image.open(inbreng.afbeelding.path) as saved:
        assert max(saved.size) == 1600
        assert not saved.getexif()
    assert 'alt="Het lege plein"' in client.get(inbreng.url).content.decode()


def test_a_photo_is_served_to_those_who_may_see_its_contribution(
    client, proces, thema, bewoner, team
):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "JPEG")
    upload = SimpleUploadedFile("plein.jpg", buffer.getvalue(), content_type="image/jpeg")
    client.force_login(bewoner)
    client.post(
        geven_url(proces), formulier(thema, afbeelding=upload, afbeelding_tekst="Het plein")
    )
    inbreng = Inbreng.objects.get()
    client.logout()

    src = re.search(r'<img class="site-foto" src="([^"]+)"', client.get(inbreng.url).text)[1]
    foto = client.get(src)
    assert foto.status_code == 200 and foto["Content-Type"] == "image/jpeg"
    assert b"".join(foto.streaming_content).startswith(b"\xff\xd8")
    assert client.get(inbreng.afbeelding.url).status_code == 404  # not straight from media/

    Inbreng.objects.filter(pk=inbreng.pk).update(zichtbaarheid=Zichtbaarheid.VERBORGEN)
    assert client.get(src).status_code == 404
    client.force_login(team)
    verborgen = client.get(src)
    assert verborgen.status_code == 200 and "no-store" in verborgen["Cache-Control"]


def test_a_photo_with_too_many_pixels_is_refused_before_it_is_decoded(
    client, proces, thema, bewoner, monkeypatch
):
    # A 12000 x 12000 PNG of one colour is about 137 KB on disk and ~430 MB decoded.
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, "PNG")
    upload = SimpleUploadedFile("bom.png", buffer.getvalue(), content_type="image/png")
    decoded = []
    monkeypatch.setattr(services, "foto_verwerken", lambda foto: decoded.append(foto))
    client.force_login(bewoner)

    response = client.post(
        geven_url(proces), formulier(thema, afbeelding=upload, afbeelding_tekst="Plein")
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze foto heeft te veel pixels (12000 bij 12000)" in html
    assert 'value="Schaduw op het plein"' in html  # what was typed stays
    assert decoded == [] and not Inbreng.objects.exists()


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(client, proces, settings):
    settings.MAX_VERZOEK_BYTES = 1024
    upload = SimpleUploadedFile("groot.jpg", b"x" * 2048, content_type="image/jpeg")

    response = client.post(geven_url(proces), {"afbeelding": upload})

    assert response.status_code == 413
    assert "Te groot om te versturen" in response.content.decode()
    assert client.post(geven_url(proces), {"titel": "klein"}).status_code == 400


def test_writing_is_closed_outside_the_input_phases(client, gebied, thema):
    proces = ParticipatieprocesPageFactory(parent=gebied, fasen=[("inbreng", 10, 20)])

    page = client.get(geven_url(proces)).content.decode()
    response = client.post(geven_url(proces), formulier(thema))

    assert "Inbreng mogelijk vanaf" in page
    assert response.status_code == 403
    assert not Inbreng.objects.exists()


def test_a_reply_without_account_waits_for_confirmation(
    client, proces, django_capture_on_commit_callbacks
):
    inbreng = InbrengFactory(proces=proces)
    data = {"tekst": "Eens, en ook een waterpunt.", "pseudoniem": "Henk", "email": "h@example.nl"}

    client.post(f"/participatie/inbreng/{inbreng.pk}/reageren/", data)
    assert "Eens, en ook een waterpunt." not in client.get(inbreng.url).content.decode()
    client.post(link_in_mail(mails_to("h@example.nl")[0]))

    page = client.get(inbreng.url).content.decode()
    assert "Eens, en ook een waterpunt." in page and "Henk" in page
    assert Reactie.objects.get().is_zichtbaar


def test_a_bad_reply_is_shown_again_with_its_error(client, proces, bewoner):
    inbreng = InbrengFactory(proces=proces)
    client.force_login(bewoner)

    response = client.post(
        f"/participatie/inbreng/{inbreng.pk}/reageren/", {"tekst": "", "pseudoniem": "Fatima"}
    )

    assert response.status_code == 400
    assert "Schrijf je reactie op." in response.content.decode()


def test_support_once_per_person_and_withdraw(client, proces, bewoner):
    inbreng = InbrengFactory(proces=proces)
    client.force_login(bewoner)
    url = f"/participatie/inbreng/{inbreng.pk}/steunen/"

    client.post(url)
    client.post(url)
    assert Steun.objects.filter(inbreng=inbreng).count() == 1
    assert "1 persoon steunt dit." in client.get(inbreng.url).content.decode()

    client.post(url, {"actie": "intrekken"})
    assert not Steun.objects.exists()


def test_one_cannot_support_ones_own_contribution(client, proces, bewoner):
    inbreng = InbrengFactory(proces=proces, auteur=bewoner)
    client.force_login(bewoner)

    response = client.post(f"/participatie/inbreng/{inbreng.pk}/steunen/", follow=True)

    assert "Je kunt je eigen inbreng niet steunen." in response.content.decode()
    assert not Steun.objects.exists()


def test_support_without_account_counts_after_confirmation(client, proces):
    inbreng = InbrengFactory(proces=proces)

    client.post(f"/participatie/inbreng/{inbreng.pk}/steunen/", {"steun-email": "s@example.nl"})
    assert not Steun.objects.exists()
    client.post(link_in_mail(mails_to("s@example.nl")[0]))

    assert Steun.objects.get().gebruiker.email == "s@example.nl"


def test_support_mail_greets_without_a_stray_comma_when_no_name_is_known(client, proces):
    inbreng = InbrengFactory(proces=proces)

    client.post(f"/participatie/inbreng/{inbreng.pk}/steunen/", {"steun-email": "s@example.nl"})

    (bericht,) = mails_to("s@example.nl")
    assert bericht.body.startswith("Hallo,\n")


def test_confirming_says_an_account_was_made_what_for_and_how_to_remove_it(client, proces):
    inbreng = InbrengFactory(proces=proces)
    client.post(f"/participatie/inbreng/{inbreng.pk}/steunen/", {"steun-email": "s@example.nl"})

    response = client.post(link_in_mail(mails_to("s@example.nl")[0]), follow=True)

    page = response.content.decode()
    assert "We hebben met dit e-mailadres een account voor je gemaakt" in page
    assert "Je bent nu ingelogd" in page
    assert '<a class="nl-link" href="/account/verwijderen/">verwijderen</a>' in page

    # A second confirmation for the same address logs in to that account and says so.
    client.logout()
    ander = InbrengFactory(proces=proces)
    client.post(f"/participatie/inbreng/{ander.pk}/steunen/", {"steun-email": "s@example.nl"})
    page = client.post(link_in_mail(mails_to("s@example.nl")[-1]), follow=True).content.decode()
    assert "Je bent nu ingelogd met het account van dit e-mailadres" in page
    assert "een account voor je gemaakt" not in page


def test_an_agenda_item_goes_to_the_next_alliance_meeting(client, gebied, bewoner):
    overleg = AlliantieoverlegPageFactory(parent=gebied)
    proces = ParticipatieprocesPageFactory(parent=gebied, agendapunt_aan=True)
    client.force_login(bewoner)

    client.post(
        proces.url + "agendapunt/",
        {
            "titel": "Verlichting in het park",
            "tekst": "Het is er 's avonds donker.",
            "pseudoniem": "Fatima",
        },
    )

    inbreng = Inbreng.objects.get()
    assert inbreng.soort == Inbrengsoort.AGENDAPUNT and inbreng.overleg == overleg
    assert "Voorgesteld voor het alliantieoverleg van" in client.get(inbreng.url).content.decode()


def test_the_agenda_form_does_not_exist_when_the_module_is_off(client, proces):
    assert client.get(proces.url + "agendapunt/").status_code == 404


def test_my_contributions_page_lists_them_with_status(client, proces, bewoner):
    InbrengFactory(proces=proces, auteur=bewoner, titel="Mijn eigen idee")
    InbrengFactory(proces=proces, titel="Iemand anders")
    client.force_login(bewoner)

    page = client.get("/participatie/mijn-inbreng/").content.decode()

    assert "Mijn eigen idee" in page and "Ontvangen" in page
    assert "Iemand anders" not in page
