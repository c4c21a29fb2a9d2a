"""Production settings for the load test on loopback. The one difference: no TLS (the load
generator talks plain HTTP to gunicorn, as a proxy does after TLS), so cookies are not limited
to HTTPS and there is no redirect. The rate limits are production's: every simulated person
comes from an address of their own in X-Forwarded-For, as behind the one proxy of
docs/operations.md (TRUSTED_PROXY_COUNT=1). Everything else is production's, the anonymous
page cache included."""

from wijkwijzer.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
TRUSTED_PROXY_COUNT = 1
# The site's URLs plus a bare view to compare the cached pages with (load_urls.py).
ROOT_URLCONF = "load_urls"
