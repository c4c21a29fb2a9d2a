from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from wijkwijzer import haken
from wijkwijzer.roles import ensure_roles

DUMMY_MAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = (
        "Laadt de 20 focusgebieden, thema's, kernindicatoren en voorbeeldinhoud. "
        "Kan vaker gedraaid worden: bestaande gegevens worden niet dubbel aangemaakt."
    )

    def handle(self, *args: object, **options: object) -> None:
        # Each app's `demo.load()` runs in INSTALLED_APPS order, so the shared domain
        # (gebieden) exists before the content apps that point at it.
        # Demo content is written through the same services as real content, which send
        # e-mail; the demo accounts have .invalid addresses, so nothing is sent while loading.
        with override_settings(EMAIL_BACKEND=DUMMY_MAIL), transaction.atomic():
            ensure_roles()
            for module in haken.DEMO.alle():
                self.stdout.write(f"Laden: {module.__name__}")
                module.load()
        self.stdout.write(self.style.SUCCESS("Voorbeeldinhoud geladen."))
