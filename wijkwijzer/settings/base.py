"""Settings shared by every environment. All deployment configuration comes from environment
variables, documented in the README; the per-environment modules only change defaults."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Own apps first so their templates override those of the libraries.
    "wijkwijzer",
    "gebieden",
    "gebieden.monitor",
    "kennisbank",
    "kennisbank.expertpool",
    "kennisbank.inzendingen",
    "participatie",
    "wagtail.contrib.routable_page",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wijkwijzer.apps.WijkwijzerUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "django_ratelimit",
    "mailer",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sitemaps",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wijkwijzer.middleware.VerzoekGrootteMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "wijkwijzer.paginacache.PaginacacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wijkwijzer.middleware.StaffMFAMiddleware",
    "wijkwijzer.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "wijkwijzer.urls"
WSGI_APPLICATION = "wijkwijzer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "wijkwijzer.context_processors.site_navigation",
            ],
        },
    },
]
FORM_RENDERER = "wijkwijzer.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves a web server and writing commands (imports) at once: WAL
    # lets readers and one writer work side by side, IMMEDIATE takes the write lock when a
    # transaction starts (a deferred one that reads first cannot wait for it and fails at
    # once with "database is locked"), and a writer waits up to 20 s for another's commit.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "wijkwijzer.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Cache: Redis when REDIS_URL is set, otherwise an in-process cache.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (wijkwijzer.paginacache); 0 turns it off.
PAGINA_CACHE_SECONDEN = int(os.environ.get("PAGINA_CACHE_SECONDEN", "300"))

# Search: the embedded backend's index file (SQLite FTS5, apart from the project database).
SEARCH_EMBEDDED_PATH = Path(os.environ.get("SEARCH_INDEX_PATH", BASE_DIR / "search_index.sqlite3"))

# The largest request body accepted (wijkwijzer.middleware.VerzoekGrootteMiddleware): public
# forms carry at most one 8 MB photo; editors upload documents in the admin.
MAX_VERZOEK_BYTES = 10 * 1024 * 1024
MAX_VERZOEK_BYTES_BEHEER = 100 * 1024 * 1024

# Staff pages outside the Wagtail admin; like the admin, they require MFA.
STAFF_PATH_PREFIXES = ["/participatie/beheer/"]

# Rate limits on public writes (wijkwijzer.ratelimit), counted in the default cache: per
# account and per IP address, as (per account, per IP) in django-ratelimit's "count/period".
# Django's own RedisCache increments atomically, which is all django-ratelimit needs, but
# the library only knows the django-redis package, hence W001. Without REDIS_URL the counts
# live in one process: right for the embedded default (one runserver process); a
# multi-process deployment sets REDIS_URL (see the README).
RATE_LIMITS = {
    # One-click writes: register, cancel, leave, change a consent.
    "klik": ("30/h", "120/h"),
    # Forms with typed text: questions, join requests, profile changes.
    "formulier": ("10/h", "40/h"),
}
# How many proxies in front of the app append to X-Forwarded-For (nginx: 1; a load balancer
# and nginx: 2). All limits count the client that many entries from the right
# (wijkwijzer.clientip). 0, the default, ignores the header: right when nothing is in front,
# and safe, since a client could otherwise choose its own address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "wijkwijzer.clientip.client_ip"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not os.environ.get("REDIS_URL"):
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

# E-mail goes through an outbox (django-mailer): sending a mail writes a row in the same
# transaction as the write that caused it, and a sender process (`runmailer_pg`, see
# docs/operations.md) delivers it with MAILER_EMAIL_BACKEND, deferring and retrying while the
# SMTP server is down. So an SMTP failure never loses or rolls back a contribution.
EMAIL_BACKEND = "wijkwijzer.mail.Uitgaand"
MAILER_EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
# Senders on several servers share the queue through PostgreSQL row locks
# (SELECT ... FOR UPDATE NOWAIT); a lock file would only guard one machine.
MAILER_USE_FILE_LOCK = False
# Any error on one message defers it (with the error in the send log) and the sender goes on.
MAILER_ERROR_HANDLER = "wijkwijzer.mail.uitstellen"
# How often the sender looks at an empty queue (runmailer_pg is also woken by each new mail).
MAILER_EMPTY_QUEUE_SLEEP = 5
# `retry_deferred` runs every 5 minutes (cron): a day of retries, then the mail stays in the
# outbox for an operator (and /health/ says "vertraagd").
MAILER_EMAIL_MAX_RETRIES = 288
# The send log keeps when and whether, not the message: no addresses or login links in it.
MAILER_EMAIL_LOG_MESSAGE_DATA = False
EMAIL_TIMEOUT = 10
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "WijkWijzer <noreply@wijkwijzer.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Search: the Elasticsearch backend is used when ELASTICSEARCH_URL is set (search issue);
# otherwise the embedded backend.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# Wagtail
WAGTAIL_SITE_NAME = "WijkWijzer"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
# The admin login goes through allauth, so staff get e-mail verification, rate limits and MFA.
WAGTAILADMIN_LOGIN_URL = "account_login"
# Restricted pages and documents send visitors to allauth's login, not to Wagtail's own.
WAGTAIL_FRONTEND_LOGIN_URL = "/account/login/"
# Accounts, passwords and MFA are handled by allauth, also for the admin.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No avatars from Gravatar: that would send a hash of each e-mail address to a third party
# (and show a broken image offline). The admin shows its own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Images larger than this are refused before they are decoded (Pillow would need about
# 3 bytes a pixel); a 50-megapixel photo is more than any phone takes by default.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]

# Accounts (django-allauth)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "wijkwijzer.clientip.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "wijkwijzer.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[WijkWijzer] "
ACCOUNT_USER_DISPLAY = "wijkwijzer.models.public_name"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "WijkWijzer"

# Map tiles (docs/kaarten.md): PDOK's BRT-Achtergrondkaart in web mercator, or any {z}/{x}/{y}
# tile URL; the CSP below allows images from exactly this URL's scheme and host.
KAART_TEGELS_URL = os.environ.get(
    "KAART_TEGELS_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
)
KAART_ATTRIBUTIE = os.environ.get("KAART_ATTRIBUTIE", "Kaartgegevens © Kadaster")


def herkomst(url: str) -> str:
    """The scheme and host (and port) of a URL: what a CSP source list names."""
    delen = urlsplit(url)
    return f"{delen.scheme}://{delen.netloc}"


# Content-Security-Policy (django-csp): no inline script or style on public pages; scripts
# that must be inline carry the per-request nonce. The Wagtail admin gets its own policy,
# see wijkwijzer.middleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", herkomst(KAART_TEGELS_URL)],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # Wagtail's admin uses inline scripts and styles of its own.
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# No page uses the camera, microphone, location or payment features; nothing embedded may.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "wijkwijzer.views.csrf_mislukt"

# LOG_FORMAT=json writes one JSON object per line (time, level, logger, message, and the
# request's status and path where Django adds them) for a log collector; production's default.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "tekst")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "tijd", "levelname": "niveau", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Per-page and per-task lines of Wagtail and its task runner drown out what matters.
    "loggers": {name: {"level": "WARNING"} for name in ("wagtail", "django_tasks", "django.tasks")},
}
