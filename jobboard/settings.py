"""Hataraku settings: every value comes from the environment (see .env.example)."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from jobboard import config
from jobboard.countries import COUNTRY_NAMES

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = config.secret_key(
    env.str("SECRET_KEY", default=""), debug=DEBUG, dev_key_file=VAR_DIR / "dev-secret-key"
)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_countries",
    "django_filters",
    "auditlog",
    "allauth",
    "allauth.account",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "jobboard",
    "accounts",
    "listings",
    "applicants",
    "notifications",
    "api",
    "guides",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jobboard.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for slow mobile networks (a /jobs/ page: 37 KB → 7 KB); Django's
    # gzip pads responses against BREACH. Static files come compressed from whitenoise.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: unprefixed URLs use the signed-in user's saved language.
    "jobboard.i18n.LocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Records who made each change in the audit trail.
    "auditlog.middleware.AuditlogMiddleware",
]

# The covering index's INCLUDE columns only exist on PostgreSQL; SQLite builds the plain index.
SILENCED_SYSTEM_CHECKS = ["models.W040"]


ROOT_URLCONF = "jobboard.urls"
WSGI_APPLICATION = "jobboard.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jobboard.context_processors.site",
            ],
        },
    },
]

# Databases: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": config.database(
        env.str("DATABASE_URL", default=""), default_sqlite_path=VAR_DIR / "db.sqlite3"
    )
}
# A streaming replica of the same database (docs/scaling.md): anonymous browse pages read
# from it; writes and signed-in pages stay on "default".
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = config.database(
        DATABASE_REPLICA_URL, default_sqlite_path=VAR_DIR / "db.sqlite3"
    ) | {"TEST": {"MIRROR": "default"}}
READ_REPLICA_ALIAS = "replica" if DATABASE_REPLICA_URL else None
DATABASE_ROUTERS = ["jobboard.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: cache and Celery broker when REDIS_URL is set; otherwise local memory and eager tasks.
REDIS_URL = config.redis_url(env.str("REDIS_URL", default=""))
CACHES = config.caches(REDIS_URL)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# How long a public page rendered for anonymous visitors is reused (listings.pagecache); the
# board version in its key drops it at once when listings change. 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = REDIS_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a web request when Redis is down: fail fast, the outbox catches up.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 2}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TIMEZONE = "Asia/Tokyo"
# Periodic tasks of every app, in one place.
CELERY_BEAT_SCHEDULE = {
    "expire-listings": {"task": "listings.tasks.expire_listings", "schedule": crontab(minute=5)},
    "warn-expiring-listings": {
        "task": "listings.tasks.warn_expiring_listings",
        "schedule": crontab(hour=9, minute=0),
    },
    "applicant-summaries": {
        "task": "applicants.tasks.send_applicant_summaries",
        "schedule": crontab(hour=8, minute=0),
    },
    "job-alerts-daily": {
        "task": "applicants.tasks.send_job_alerts",
        "schedule": crontab(hour=7, minute=0),
        "args": ("daily",),
    },
    "job-alerts-weekly": {
        "task": "applicants.tasks.send_job_alerts",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
        "args": ("weekly",),
    },
    "requeue-stale-notifications": {
        "task": "notifications.tasks.requeue_stale_notifications",
        "schedule": crontab(minute="*/5"),
    },
    "purge-expired-data": {
        "task": "applicants.tasks.purge_expired_data",
        "schedule": crontab(hour=3, minute=30),
    },
}
# Applications (with their history) are deleted this many days after their listing closed
# or expired; CVs their owner deleted go once no application uses them.
APPLICATION_RETENTION_DAYS = config.days(
    "APPLICATION_RETENTION_DAYS", env.str("APPLICATION_RETENTION_DAYS", default="730")
)

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Hataraku] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# This site's own abuse limits (jobboard.ratelimits), per person or IP address, fixed windows.
RATE_LIMITS = {
    "apply": env.str("RATE_LIMIT_APPLY", default="20/h"),
    "report": env.str("RATE_LIMIT_REPORT", default="10/h"),
    "save-search": env.str("RATE_LIMIT_SAVE_SEARCH", default="30/h"),
    "cv-download": env.str("RATE_LIMIT_CV_DOWNLOAD", default="120/h"),
    # A data export zips every CV; deleting an account checks the password.
    "privacy-export": env.str("RATE_LIMIT_PRIVACY_EXPORT", default="5/h"),
    "account-delete": env.str("RATE_LIMIT_ACCOUNT_DELETE", default="10/h"),
}
# The API's request rates (DRF throttles, counted in the cache): public reads per IP address,
# the employer API per token. "count/period", period s, min, hour or day.
API_READ_RATE = env.str("API_READ_RATE", default="60/min")
API_EMPLOYER_RATE = env.str("API_EMPLOYER_RATE", default="600/min")
# allauth's own rate limits (log-in, sign-up, password reset), kept on explicitly. A failed
# log-in counts against the IP address and against the account: the lockout.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}

# Internationalisation: English, Japanese and Urdu (right to left).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ja", _("Japanese")), ("ur", _("Urdu"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["jobboard.formats"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

# Static files are served by the site itself (whitenoise), never from a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# CVs live apart from MEDIA_ROOT, with no URL: they are only served through a permission check.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # S3-compatible when CV_S3_BUCKET is set (install the "s3" extra; credentials come from
    # the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables).
    "cvs": config.cv_storage(
        bucket=env.str("CV_S3_BUCKET", default=""),
        private_root=PRIVATE_MEDIA_ROOT,
        endpoint_url=env.str("CV_S3_ENDPOINT_URL", default=""),
        region=env.str("CV_S3_REGION", default=""),
    ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500

# Email
vars().update(config.email(env.str("EMAIL_URL", default=""), debug=DEBUG))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Hataraku <no-reply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_TIMEOUT = 10

# Security: secure by default, relaxed only by DEBUG for local http.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(timedelta(days=14).total_seconds())
# Urdu country names come from CLDR (django-countries has no Urdu catalogue).
COUNTRIES_OVERRIDE = COUNTRY_NAMES

LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# The API (/api/v1/): JSON only, company tokens, one error shape (api.errors).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    # Throttles count REMOTE_ADDR, like the site's other limits: a client-sent
    # X-Forwarded-For must not choose its own counter.
    "NUM_PROXIES": 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Hataraku API",
    "DESCRIPTION": (
        "Skilled-worker jobs in Japan as data. The public endpoints need no token "
        "(rate limited per IP address); the employer endpoints need a company token "
        "(`Authorization: Bearer <token>`), created by a company owner in the employer area. "
        'Errors have one shape: `{"detail": "...", "errors": {"field": ["message"]}}`, '
        "`errors` only when the request has invalid fields. Names and labels come in the "
        "language asked for with `?lang=` (en, ja, ur) or Accept-Language."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ListingStatus": "listings.models.Listing.Status",
        "ApplicationStatus": "applicants.models.Application.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # No password, token, CV content or full email address reaches a log line.
    "filters": {"redact": {"()": "jobboard.logging.RedactingFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_redis": {"level": "WARNING"},
    },
}
