"""Production settings for the load test on loopback. Two differences, both because the test
has no TLS and one client address: cookies are not limited to HTTPS (the load generator talks
plain HTTP to gunicorn, as a proxy would after TLS), and the per-IP rate limits are raised
(200 simulated people share 127.0.0.1). Everything else is production's, the anonymous page
cache included."""

from wijkwijzer.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
RATE_LIMITS = {"klik": ("1000/m", "100000/m"), "formulier": ("1000/m", "100000/m")}
ACCOUNT_RATE_LIMITS = False
# The site's URLs plus a bare view to compare the cached pages with (load_urls.py).
ROOT_URLCONF = "load_urls"
