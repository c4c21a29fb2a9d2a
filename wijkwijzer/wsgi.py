import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkwijzer.settings.production")
application = get_wsgi_application()

# Each gunicorn worker loads the search index's facet bitmaps as it starts, in the background,
# instead of in its first search (seconds at a million documents).
from search.services import opwarmen  # noqa: E402  (needs the app registry set up above)

threading.Thread(target=opwarmen, name="zoekindex-opwarmen", daemon=True).start()
