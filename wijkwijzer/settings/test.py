"""Test settings: `make test`. SQLite by default; CI also sets DATABASE_URL to PostgreSQL."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# Rate limits are tested explicitly where they matter; elsewhere they would make
# unrelated tests depend on each other through the shared cache.
ACCOUNT_RATE_LIMITS = False
# Off, so tests that change rows directly see the change; tests/wijkwijzer/test_paginacache.py
# turns it on.
PAGINA_CACHE_SECONDEN = 0
# Always an in-process cache, also when REDIS_URL is set: every test empties the cache, and
# with a shared Redis it would empty the other test process's (pytest-xdist) and a developer's.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
