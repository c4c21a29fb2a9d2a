"""Every page type passes axe-core (WCAG 2.1 A/AA) in a real Chromium and the Nu HTML
Checker with zero errors. A new page type gets a row in PAGE_TYPES."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    AlliantieLidFactory,
    AlliantieoverlegPageFactory,
    BewijskrachtFactory,
    BewijskrachtPageFactory,
    EvenementPageFactory,
    FocusgebiedPageFactory,
    LeerkringPageFactory,
    PraktijkvoorbeeldPageFactory,
    PublicatiePageFactory,
    ThemaFactory,
    UserFactory,
)

# name -> (needs a logged-in user, expected final status)
PAGE_TYPES = {
    "home": (False, 200),
    "gebieden": (False, 200),
    "gebieden_gefilterd": (False, 200),
    "focusgebied": (False, 200),
    "alliantieoverleg": (False, 200),
    "login": (False, 200),
    "signup": (False, 200),
    "admin_login": (False, 200),
    "password_reset": (False, 200),
    "niet_gevonden": (False, 404),
    "kennisbank": (False, 200),
    "praktijkvoorbeelden": (False, 200),
    "praktijkvoorbeelden_leeg": (False, 200),
    "praktijkvoorbeeld": (False, 200),
    "bewijskracht": (False, 200),
    "publicaties": (False, 200),
    "publicatie": (False, 200),
    "agenda": (False, 200),
    "evenement": (False, 200),
    "evenement_ingelogd": (True, 200),
    "evenement_voorbij": (False, 200),
    "leerkringen": (False, 200),
    "leerkring": (False, 200),
    "leerkring_ingelogd": (True, 200),
    "profiel": (True, 200),
    "mfa_instellen": (True, 200),
}


@pytest.fixture
def site_urls(gebieden_index) -> dict[str, str]:
    area = FocusgebiedPageFactory(parent=gebieden_index, title="Zaandam Oost", slug="zaandam-oost")
    AlliantieLidFactory(
        focusgebied=area, rol="voorzitter", naam="", organisatie="Burgemeester van Zaanstad"
    )
    AlliantieLidFactory(focusgebied=area, rol="politie", is_demo=True)
    meeting = AlliantieoverlegPageFactory(parent=area, is_demo=True)
    thema, leeg = ThemaFactory(label="Veiligheid"), ThemaFactory(label="Wonen")
    voorbeelden = [
        PraktijkvoorbeeldPageFactory(
            themas=[thema],
            focusgebied=area,
            is_demo=True,
            bewijskracht=BewijskrachtFactory(),
            partners="Gemeente\nPolitie",
            looptijd="2022 tot heden",
            contact_organisatie="Gemeente",
        )
        for _ in range(13)
    ]
    bewijskracht = BewijskrachtPageFactory()
    publicatie = PublicatiePageFactory(themas=[thema], is_demo=True)
    evenement = EvenementPageFactory(themas=[thema], is_demo=True)
    kring = LeerkringPageFactory()
    voorbij = EvenementPageFactory(
        begin=timezone.now() - datetime.timedelta(days=5), verslag="<p>Verslag</p>"
    )
    return {
        "home": "/",
        "gebieden": "/gebieden/",
        "gebieden_gefilterd": "/gebieden/?provincie=zuid-holland&gemeente=onbekend",
        "focusgebied": area.url,
        "alliantieoverleg": meeting.url,
        "login": "/account/login/",
        "signup": "/account/signup/",
        "admin_login": "/admin/login/",
        "password_reset": "/account/password/reset/",
        "niet_gevonden": "/bestaat-niet/",
        "kennisbank": "/kennisbank/",
        "praktijkvoorbeelden": "/kennisbank/praktijkvoorbeelden/?thema=veiligheid",
        "praktijkvoorbeelden_leeg": f"/kennisbank/praktijkvoorbeelden/?thema={leeg.slug}",
        "praktijkvoorbeeld": voorbeelden[0].url,
        "bewijskracht": bewijskracht.url,
        "publicaties": "/kennisbank/publicaties/",
        "publicatie": publicatie.url,
        "agenda": "/kennisbank/agenda/",
        "evenement": evenement.url,
        "evenement_ingelogd": evenement.url,
        "evenement_voorbij": voorbij.url,
        "leerkringen": "/kennisbank/leerkringen/",
        "leerkring": kring.url,
        "leerkring_ingelogd": kring.url,
        "profiel": "/account/profiel/",
        "mfa_instellen": "/account/2fa/totp/activate/",
    }


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_nu_html_errors(name, site_urls, client, nu_checker):
    needs_login, status = PAGE_TYPES[name]
    if needs_login:
        client.force_login(UserFactory())
    response = client.get(site_urls[name], follow=True)
    assert response.status_code == status
    assert nu_checker(response.content.decode()) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_axe_violations(name, site_urls, page, axe, browser_login):
    needs_login, status = PAGE_TYPES[name]
    if needs_login:
        browser_login(UserFactory())
    response = page.goto(site_urls[name])
    assert response.status == status
    assert axe(page) == []
