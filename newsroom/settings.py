"""Newsroom settings, read from environment variables.

Development (the demo) runs with DJANGO_DEBUG=1 and needs nothing else. With DEBUG off, as in
production, DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS must be set or start-up stops.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from media.configuration import image_origin, image_storage_settings
from stories.embeds import PLAYER_ORIGINS

BASE_DIR = Path(__file__).resolve().parent.parent

DEVELOPMENT_SECRET_KEY = "django-insecure-newsroom-development-only"
SECRET_KEY_MIN_LENGTH = 50
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}."
    )


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG and SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is a development key; production needs its own secret."
    )
elif not DEBUG and len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH:
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY is too short: production needs at least {SECRET_KEY_MIN_LENGTH} "
        "random characters (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", LOCAL_HOSTS if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set. List the host names this site answers to, "
        "separated by commas (e.g. news.example.org,www.news.example.org)."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "newsroom.library_apps.TagsConfig",
    "newsroom.library_apps.HistoryConfig",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_prose_editor",
    "newsroom",
    "stories",
    "importing",
    "reader",
    "api",
    "packages",
    "fronts",
    "authors",
    "media",
]

MIDDLEWARE = [
    "newsroom.request_log.assign_request_id",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "newsroom.middleware.refuse_trace_and_connect",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.compression.CompressTextMiddleware",
    "newsroom.middleware.publish_what_is_due",
    "newsroom.replica.public_reads_from_replica",
    "newsroom.page_cache.page_cache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsroom.middleware.renew_signed_in_sessions",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "newsroom.permissions_backend.PermissionsInOneQueryBackend",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reader.context_processors.site",
                "reader.context_processors.navigation",
            ],
            "builtins": ["stories.templatetags.bidi"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if os.environ.get("DATABASE_REPLICA_URL"):  # public pages read from it (newsroom.replica)
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
        test_options={"MIRROR": "default"},
    )
    DATABASE_ROUTERS = ["newsroom.replica.PublicReadsRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker and app server when REDIS_URL names a Redis; otherwise each
# process keeps its own (correct all the same: pages are keyed by the database's generation).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "newsroom",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

IMAGE_STORAGE, NEWSROOM_IMAGE_URLS_FROM_STORAGE = image_storage_settings(
    os.environ, default_root=BASE_DIR / "uploads"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "images": IMAGE_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploads to the image library: checked by content (media.uploads) against these limits.
NEWSROOM_IMAGE_MAX_MEGABYTES = int(os.environ.get("NEWSROOM_IMAGE_MAX_MEGABYTES", "20"))
NEWSROOM_IMAGE_MAX_PIXELS = int(float(os.environ.get("NEWSROOM_IMAGE_MAX_MEGAPIXELS", "50")) * 1e6)

TAGGIT_CASE_INSENSITIVE = True

# HTTPS hardening is on by default in production; DJANGO_SECURE=0 turns it off for a local
# production-like run over plain HTTP.
SECURE = env_bool("DJANGO_SECURE", default=not DEBUG)
if SECURE:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
# Only a proxy in front that sets X-Forwarded-Proto itself (and strips the client's) may be
# believed about the scheme: otherwise any client could claim its plain request was HTTPS.
if env_bool("NEWSROOM_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True

# A staff session ends after this many hours without a request; requests renew it
# (newsroom.middleware.renew_signed_in_sessions).
SESSION_COOKIE_AGE = int(float(os.environ.get("NEWSROOM_SESSION_IDLE_HOURS", "8")) * 3600)
SECURE_REFERRER_POLICY = "same-origin"

# Sign-in lockout (django-axes): after this many wrong passwords for one account from one
# address, that account is refused from that address for the cool-off period. Other
# accounts, and the same account elsewhere, still sign in. `manage.py axes_reset_username
# NAME` lifts a lockout early.
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("NEWSROOM_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "newsroom.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "newsroom.client_ip.client_ip"
# The request header a proxy in front sets to the client's address (bin/serve's nginx sets
# X-Real-IP); unset, the connection's own address is the client's.
NEWSROOM_CLIENT_IP_HEADER = os.environ.get("NEWSROOM_CLIENT_IP_HEADER", "")
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp) on every response, public and admin: scripts, styles,
# images and connections only from the site itself, no inline script or style, and no page
# of the site in anyone's frame. Markup that must run inline takes {{ request.csp_nonce }}.
# The JSON-LD block is data, not script, and needs none.
# Pages may show pictures from the image library's public address (a bucket or CDN), and
# frame YouTube's and Vimeo's players, those only.
IMAGE_ORIGINS = [image_origin(os.environ)] if NEWSROOM_IMAGE_URLS_FROM_STORAGE else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *IMAGE_ORIGINS],
        "frame-src": PLAYER_ORIGINS,  # a story's video, framed once the reader presses play
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Where the admin answers: "admin/" unless the deployment names another path.
NEWSROOM_ADMIN_PATH = os.environ.get("NEWSROOM_ADMIN_PATH", "admin").strip("/") + "/"
if NEWSROOM_ADMIN_PATH == "/":
    raise ImproperlyConfigured("NEWSROOM_ADMIN_PATH must name a path, such as desk.")

NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")
NEWSROOM_STORIES_PER_PAGE = 20
# Anonymous public pages kept in the cache under the content generation (newsroom.page_cache).
NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", default=True)
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", "600"))
NEWSROOM_PAGE_MAX_AGE = int(os.environ.get("NEWSROOM_PAGE_MAX_AGE", "60"))  # for CDNs
# A front cache or CDN told to drop the pages by Surrogate-Key when content changes (a task).
NEWSROOM_PURGE_URL = os.environ.get("NEWSROOM_PURGE_URL", "")

# Long work (stories.tasks) waits in the database for `manage.py db_worker`, on any machine.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# make bench mounts a bare view at /bench/bare as its reference; never on a public site.
NEWSROOM_BENCH_REFERENCE = env_bool("NEWSROOM_BENCH_REFERENCE", default=False)
# The PostgreSQL text search configuration: the language whose stemming and stop words apply.
NEWSROOM_SEARCH_CONFIG = os.environ.get("NEWSROOM_SEARCH_CONFIG", "english")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.request_log.RequestIdFilter"}},
    "formatters": {"json_lines": {"()": "newsroom.request_log.JsonLineFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json_lines",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
