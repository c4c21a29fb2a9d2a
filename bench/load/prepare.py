"""Run inside `manage.py shell` by run.py: residents with a logged-in session each, and the
URLs the simulated people visit. Writes the JSON file named in BENCH_DOEL."""

import json
import os

from allauth.account.models import EmailAddress
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from gebieden.models import FocusgebiedPage
from kennisbank.models import PraktijkvoorbeeldPage
from participatie.models import Inbreng, ParticipatieprocesPage
from wijkwijzer.models import User

aantal = int(os.environ["BENCH_BEWONERS"])
sessies = []
for nummer in range(aantal):
    email = f"bewoner{nummer}@load.invalid"
    gebruiker, _ = User.objects.get_or_create(
        username=email, defaults={"email": email, "display_name": f"Bewoner {nummer}"}
    )
    EmailAddress.objects.get_or_create(
        user=gebruiker, email=email, defaults={"verified": True, "primary": True}
    )
    sessie = SessionStore()
    sessie[SESSION_KEY] = str(gebruiker.pk)
    sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sessie[HASH_SESSION_KEY] = gebruiker.get_session_auth_hash()
    sessie.create()
    sessies.append(sessie.session_key)

open_proces = next(
    p for p in ParticipatieprocesPage.objects.live() if p.inbreng_aan and p.stand().schrijven_open
)
doel = {
    "sessies": sessies,
    "paginas": [
        "/",
        "/gebieden/",
        *(g.url for g in FocusgebiedPage.objects.live()[:5]),
        "/kennisbank/",
        "/kennisbank/praktijkvoorbeelden/",
        "/kennisbank/praktijkvoorbeelden/?sorteer=bewijskracht",
        *(p.url for p in PraktijkvoorbeeldPage.objects.live()[:10]),
        *(p.url for p in ParticipatieprocesPage.objects.live()),
    ],
    "zoekwoorden": [
        "buurtbemiddeling",
        "jongeren",
        "veiligheid",
        "schulden",
        "speelplek",
        "eenzaamheid",
        "woningen",
        "ondermijning",
        "groen",
        "buurthuis",
    ],
    "inbreng_geven": open_proces.url + "inbreng-geven/",
    "steunbaar": [i.pk for i in Inbreng.objects.filter(proces=open_proces)[:20]],
}
with open(os.environ["BENCH_DOEL"], "w") as bestand:
    json.dump(doel, bestand)
