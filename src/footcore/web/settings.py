"""Django settings, all read from the environment through `footcore.config`."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import dj_database_url

from footcore import config

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()
MODE = config.env_mode()
PERSONAL_MODE = MODE is config.Mode.PERSONAL

SECRET_KEY = config.secret_key(DATA_DIR)
DEBUG = config.env_bool("FOOTCORE_DEBUG", False)
FOOTCORE_BASE_URL = config.base_url()
"""Where the site is reached; calendar events link back to it when set."""

_hosts = os.environ.get("FOOTCORE_ALLOWED_HOSTS", "")
ALLOWED_HOSTS = [h.strip() for h in _hosts.split(",") if h.strip()] or [
    "127.0.0.1",
    "localhost",
    "[::1]",
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("FOOTCORE_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "footcore.web.accounts",
    "footcore.web.library",
    "footcore.web.training",
    "footcore.web.sessions",
    "footcore.web.assessments",
    "footcore.web.progress",
    "footcore.web.clinic",
    "footcore.web.custom_exercises",
    "footcore.web.runner",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "footcore.web.csp_header.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "footcore.web.accounts.middleware.PersonalModeMiddleware",
    "footcore.web.accounts.middleware.LoginRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "footcore.web.error_pages.FriendlyMethodNotAllowed",
    "axes.middleware.AxesMiddleware",
]
CSRF_FAILURE_VIEW = "footcore.web.error_pages.csrf_failure"

# Sign-in protection (django-axes): failures are counted per client address and
# username together, so one client guessing one name is stopped without locking
# the runner out everywhere else. A success resets the count.
AUTHENTICATION_BACKENDS = [
    "footcore.web.accounts.backends.SignInThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "footcore/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False  # footcore.signin logs failures and lock-outs, one line each

ROOT_URLCONF = "footcore.web.urls"
WSGI_APPLICATION = "footcore.web.wsgi.application"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "footcore.web.accounts.context.footcore_mode",
                "footcore.web.context.domain_numbers",
            ],
        },
    }
]

_db = config.database(DATA_DIR)
DATABASES = {"default": dj_database_url.parse(_db.url, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while a log is being written; IMMEDIATE avoids
    # "database is locked" upgrades inside write transactions.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Keep each worker thread's connection between requests: opening one (the file,
    # the pragmas above, Django's SQL functions, the schema) cost about 6 ms of CPU per
    # request, twice the work of logging a session (bench/log_throughput.py). A local
    # file cannot go away under a connection, so no health check either.
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("FOOTCORE_TEST_DB_NAME") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing root; files come from finders
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Cookies: HttpOnly and SameSite everywhere; Secure by default. Browsers treat
# http://127.0.0.1 and http://localhost as secure contexts, so personal mode works.
_secure = config.env_bool("FOOTCORE_SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = _secure
CSRF_COOKIE_SECURE = _secure
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = config.env_bool("FOOTCORE_SSL_REDIRECT", False)
if SECURE_SSL_REDIRECT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 30

# Nothing is loaded from anywhere but this server: no CDN, no web fonts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

_mail = config.mail()
EMAIL_BACKEND = _mail.backend
EMAIL_HOST = _mail.host
EMAIL_PORT = _mail.port
EMAIL_HOST_USER = _mail.user
EMAIL_HOST_PASSWORD = _mail.password
EMAIL_USE_TLS = _mail.use_tls
EMAIL_USE_SSL = _mail.use_ssl
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = _mail.sender
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Shown to self-guided runners at a stop or referral; a clinic's own contact wins.
FIND_A_THERAPIST = os.environ.get("FOOTCORE_FIND_A_THERAPIST", "").strip() or (
    "Look for a physical therapist who treats runners: your national physiotherapy "
    "association keeps a register, and your doctor can refer you."
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Failed and locked-out sign-ins, kept in the data dir; bounded in size.
        "signin_file": {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": str(DATA_DIR / "signin.log"),
            "maxBytes": 1024 * 1024,
            "backupCount": 3,
            "encoding": "utf-8",
            "delay": True,
        },
    },
    "loggers": {
        "footcore.signin": {
            "handlers": ["console", "signin_file"],
            "level": "WARNING",
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}
