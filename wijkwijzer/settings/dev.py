"""Local development: `make run`. SQLite, embedded search, e-mail printed to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-0f4c1b7e9a2d"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# Printed at once, without the outbox, so no sender process is needed while developing.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:" + os.environ.get("PORT", "8000")
# Off while developing, so a changed template shows at once (production: 300 s).
PAGINA_CACHE_SECONDEN = int(os.environ.get("PAGINA_CACHE_SECONDEN", "0"))
