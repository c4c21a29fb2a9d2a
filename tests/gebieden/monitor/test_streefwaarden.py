"""Alliance staff set targets for their own area only, in the admin."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from gebieden.monitor.models import Streefwaarde
from gebieden.services import add_alliantie_medewerker
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ADD = "/admin/streefwaarden/new/"


@pytest.fixture
def medewerker(gebied):
    user = UserFactory()
    TOTP.activate(user, generate_totp_secret())
    add_alliantie_medewerker(user=user, gebied=gebied)
    return user


def data(gebied, indicator, waarde="8") -> dict:
    return {
        "focusgebied": gebied.pk,
        "kernindicator": indicator.pk,
        "waarde": waarde,
        "jaar": "2030",
        "toelichting": "",
    }


def test_staff_set_a_target_for_their_own_area(client, medewerker, gebied, indicatoren):
    client.force_login(medewerker)

    response = client.post(ADD, data(gebied, indicatoren[15]))

    assert response.status_code == 302
    assert Streefwaarde.objects.get().focusgebied == gebied


def test_staff_cannot_set_or_see_targets_of_another_area(
    client, medewerker, gebied, ander_gebied, indicatoren
):
    ander = Streefwaarde.objects.create(
        focusgebied=ander_gebied, kernindicator=indicatoren[5], waarde=6, jaar=2030
    )
    client.force_login(medewerker)

    response = client.post(ADD, data(ander_gebied, indicatoren[15]))

    assert response.status_code == 200  # the form again, with an error on the area
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Streefwaarde.objects.count() == 1
    assert "Poelenburg" not in client.get("/admin/streefwaarden/").content.decode()
    assert client.get(f"/admin/streefwaarden/edit/{ander.pk}/").status_code == 404
    assert client.post(f"/admin/streefwaarden/delete/{ander.pk}/").status_code == 404
