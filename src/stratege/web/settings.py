"""Django settings, from the environment, with embedded defaults.

- ``STRATEGE_DATA_DIR``: the folder of the SQLite database, the secret key and uploads
  (default ``./stratege-data``).
- ``DATABASE_URL``: a PostgreSQL server for teams (``postgres://user@host:5432/name``);
  without it, SQLite in the data folder, in WAL mode with a busy timeout so that a save
  while others read never fails.
- ``STRATEGE_DEBUG=1``: development mode. Otherwise production settings: secure cookies
  and headers (``manage.py check --deploy`` clean), behind HTTPS unless
  ``STRATEGE_INSECURE_HTTP=1`` says it is served on a local address without TLS.
- ``STRATEGE_ALLOWED_HOSTS``: comma-separated host names (default: the local addresses).
- ``STRATEGE_MAX_ARCHIVE_MB``: the largest workspace archive an import accepts (100).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

DATA_DIR = Path(os.environ.get("STRATEGE_DATA_DIR", "stratege-data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
BASE_DIR = Path(__file__).resolve().parent


def _secret_key() -> str:
    """The key of this installation: from the environment, else made once and kept (0600)
    in the data folder, so that sessions survive a restart."""
    if os.environ.get("STRATEGE_SECRET_KEY"):
        return os.environ["STRATEGE_SECRET_KEY"]
    path = DATA_DIR / "secret-key.txt"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(key)
        return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("STRATEGE_DEBUG") == "1"
INSECURE_HTTP = DEBUG or os.environ.get("STRATEGE_INSECURE_HTTP") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("STRATEGE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "stratege.web.apps.WebConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "stratege.web.language.UserLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stratege.web.site"
WSGI_APPLICATION = "stratege.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stratege.web.language.language_context",
            ],
            # autoescape stays on (the default): every value rendered is escaped
        },
    }
]


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "stratege.sqlite3"),
        "OPTIONS": {
            "timeout": 20,  # seconds a writer waits for another one (busy timeout)
            "transaction_mode": "IMMEDIATE",  # a writing request takes the lock at once
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": _database()}
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
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling: 5 failures, then 15 minutes
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise looks there first (the files come from the package)
WHITENOISE_USE_FINDERS = True  # served from the package itself: no collectstatic step
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Uploads: a strategy is a few kilobytes; nothing bigger is read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
MAX_STRATEGY_BYTES = 1024 * 1024
# A workspace's export (stratege.web.archive): each computed plan brings its pack (~2 MB).
MAX_WORKSPACE_ARCHIVE_BYTES = int(os.environ.get("STRATEGE_MAX_ARCHIVE_MB", "100")) * 1024 * 1024

# Security headers and cookies (check --deploy clean when served over HTTPS).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Invitations by mail when an SMTP server is configured (else the link is only shown)
EMAIL_HOST = os.environ.get("STRATEGE_SMTP_HOST", "")
EMAIL_PORT = int(os.environ.get("STRATEGE_SMTP_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("STRATEGE_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("STRATEGE_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("STRATEGE_SMTP_TLS", "1") == "1"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("STRATEGE_MAIL_FROM", "stratege@localhost")

SESSION_COOKIE_SECURE = not INSECURE_HTTP
CSRF_COOKIE_SECURE = not INSECURE_HTTP
SECURE_SSL_REDIRECT = not INSECURE_HTTP
SECURE_HSTS_SECONDS = 0 if INSECURE_HTTP else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not INSECURE_HTTP
SECURE_HSTS_PRELOAD = not INSECURE_HTTP
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008"] if INSECURE_HTTP else []

# Content-Security-Policy: no inline script or style, nothing from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
