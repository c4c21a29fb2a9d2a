"""Every CSV download of the Wagtail admin neutralises cells a spreadsheet would run as a
formula, Wagtail's own reports included (the project's downloads: tests in their apps)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.factories import (
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_the_site_history_report_writes_a_formula_title_as_text(client, home):
    PraktijkvoorbeeldIndexPageFactory()
    pagina = PraktijkvoorbeeldPageFactory(title='=HYPERLINK("http://x.example";"klik")')
    pagina.save_revision(log_action=True).publish()
    beheerder = UserFactory(is_superuser=True)
    TOTP.activate(beheerder, generate_totp_secret())
    client.force_login(beheerder)

    response = client.get("/admin/reports/site-history/?export=csv")

    body = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert "'=HYPERLINK" in body
    assert ",=HYPERLINK" not in body and '"=HYPERLINK' not in body
