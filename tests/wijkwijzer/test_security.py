"""Security defaults: the production settings pass `check --deploy`, every public page sends
a strict Content-Security-Policy, and the admin has its own."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_check_deploy():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "wijkwijzer.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-" + "x7Kp2q9Zr4Lm8Nw3" * 3,
        "ALLOWED_HOSTS": "wijkwijzer.example.nl",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wijkwijzer.settings.production",
        "SECRET_KEY": "",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_public_pages_send_a_strict_csp(client, home):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    # No inline script at all: the page needs no nonce, so none is sent.
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_security_headers(client, home):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


@pytest.mark.django_db
def test_admin_gets_its_own_policy(client, home):
    policy = client.get("/admin/")["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
