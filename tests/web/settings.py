"""The web application's settings for the tests: a fresh data folder per test process,
and plain password hashing (Argon2 is tested on its own, in test_accounts)."""

import os
import tempfile

os.environ["STRATEGE_DATA_DIR"] = tempfile.mkdtemp(prefix="stratege-web-tests-")
os.environ.setdefault("STRATEGE_INSECURE_HTTP", "1")

from stratege.web.settings import *  # noqa: F403

PASSWORD_HASHERS = [  # fast for the many users the tests create
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
