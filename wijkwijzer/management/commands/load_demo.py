from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Page

from wijkwijzer import haken
from wijkwijzer.roles import ensure_roles
from wijkwijzer.voortgang import Voortgang, duur

DUMMY_MAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = (
        "Laadt de 20 focusgebieden, thema's, kernindicatoren en voorbeeldinhoud. "
        "Kan vaker gedraaid worden: bestaande gegevens worden niet dubbel aangemaakt."
    )

    def handle(self, *args: object, verbosity: int = 1, **options: object) -> None:
        # Each app's `demo.load()` runs in INSTALLED_APPS order, so the shared domain
        # (gebieden) exists before the content apps that point at it.
        # Demo content is written through the same services as real content, which send
        # e-mail; the demo accounts have .invalid addresses, so nothing is sent while loading.
        modules = haken.DEMO.alle()
        voortgang = Voortgang(self.stdout, verbosity=verbosity, wat="onderdelen")
        paginas = Page.objects.count()
        try:
            with override_settings(EMAIL_BACKEND=DUMMY_MAIL), transaction.atomic():
                ensure_roles()
                for gedaan, module in enumerate(modules):
                    voortgang(gedaan, len(modules), module.__name__)
                    module.load()
                voortgang(len(modules), len(modules))
        finally:
            voortgang.klaar()
        if verbosity > 0:
            nieuw = Page.objects.count() - paginas
            self.stdout.write(
                self.style.SUCCESS(
                    f"Voorbeeldinhoud geladen: {len(modules)} onderdelen, {nieuw} nieuwe "
                    f"pagina's, in {duur(voortgang.verstreken())}."
                )
            )
