"""Shared fixtures: domain data, the query-count helper, a real Chromium driven by Playwright,
axe-core and the Nu HTML Checker."""

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests.factories import GebiedenIndexPageFactory
from wijkwijzer.roles import ensure_roles
from wijkwijzer.services import ensure_home_page

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Playwright's sync API keeps an event loop running in the test thread; Django refuses ORM
# calls from such a thread unless told that this is intended (it is: tests are synchronous).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config) -> None:
    # Every test process would write the one Elasticsearch alias and synonyms set, and
    # rebuilding drops the other process's index.
    if os.environ.get("ELASTICSEARCH_URL") and config.getoption("numprocesses", None):
        raise pytest.UsageError(
            "ELASTICSEARCH_URL is gezet: draai de tests in één proces (-p no:xdist, of "
            "make test PYTEST_WORKERS=), want alle processen delen de Elasticsearch-index."
        )


def pytest_report_header(config) -> str:
    from django.db import connection

    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and cached pages live in the cache; no test may see another's."""
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _force_login_is_a_full_login(monkeypatch):
    """`client.force_login(user)` stands for a login that went through every step, the
    second factor included, as allauth records them in the session: staff pages accept only
    sessions that used the second factor (wijkwijzer.middleware). The tests of that rule
    build their sessions through the real login doors instead."""
    original = Client.force_login

    def force_login(self, user, backend=None) -> None:
        original(self, user, backend)
        session = self.session
        now = time.time()
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": now},
            {"method": "mfa", "at": now, "type": "totp"},
        ]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _own_files(settings, tmp_path):
    """Each test gets its own embedded search index file and media folder, so no test sees
    another's files, also when pytest-xdist runs two at once."""
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "zoekindex.sqlite3"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home(db):
    # Transactional (browser) tests flush the database, which also removes the default locale
    # that Wagtail's migrations create; every page needs one.
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return ensure_home_page()


@pytest.fixture
def gebieden_index(home):
    return GebiedenIndexPageFactory(parent=home)


@pytest.fixture
def roles(db):
    return ensure_roles()


# -- Query counts ---------------------------------------------------------------------------


class QueryCount:
    def __init__(self, client) -> None:
        self.client = client

    def get(self, url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        assert response.status_code == 200, f"{url} gaf {response.status_code}"
        return len(captured)

    def assert_constant(self, url: str, add_content: Callable[[], object], maximum: int) -> int:
        """Assert that `url` takes at most `maximum` queries and the same number again after
        `add_content()` put more on the page."""
        self.get(url)  # warm per-process caches (content types, site root paths)
        before = self.get(url)
        add_content()
        after = self.get(url)
        assert before <= maximum, f"{url}: {before} queries, at most {maximum} expected"
        assert after == before, f"{url}: {before} queries grew to {after} with more content"
        return before


@pytest.fixture
def query_count(client) -> QueryCount:
    return QueryCount(client)


# -- Real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium niet gevonden op {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


# The phone the site is tried on (issue 19): an everyday 6.1-inch screen.
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def telefoon(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport=PHONE, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


def past_op_scherm(page) -> bool:
    """Nothing sticks out sideways: the page needs no horizontal scrolling."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def browser_login(page, client, live_server):
    """Log `user` in for the browser `page`, by handing it a session made by Django."""

    def login(user) -> None:
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )

    return login


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def violations(page) -> list[str]:
        results = checker.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})"
            for v in results.response["violations"]
        ]

    return violations


# -- Nu HTML Checker ------------------------------------------------------------------------


VNU_JAR = Path(__file__).resolve().parent.parent / ".venv" / "vnu.jar"


def free_port() -> int:
    """A loopback port nobody listens on (yet)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def nu_checker() -> Iterator[Callable[[str], list[str]]]:
    """The Nu HTML Checker (vnu.jar, the npm package `vnu-jar` pinned in package-lock.json and
    fetched by `make test` into .venv/) as a local HTTP service, started once per test session;
    returns a function giving the errors for a document."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java niet gevonden (apt-get install default-jre-headless): geen Nu-check")
    jar = VNU_JAR
    if not jar.exists():
        pytest.skip(f"{jar} ontbreekt: `make test` haalt hem op (tests/vnu_jar.py)")
    port = free_port()
    process = subprocess.Popen(
        [
            java,
            "-Xss8m",
            "-cp",
            str(jar),
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/?out=json"

    def check(html: str) -> list[str]:
        request = urllib.request.Request(
            url, data=html.encode(), headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            messages = json.load(response)["messages"]
        return [
            f"line {m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
            for m in messages
            if m["type"] == "error" or m.get("subType") == "fatal"
        ]

    deadline = time.monotonic() + 60
    while True:
        try:
            check("<!DOCTYPE html><html lang=nl><title>t</title></html>")
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise
            time.sleep(0.3)
    try:
        yield check
    finally:
        process.terminate()
        process.wait(timeout=10)


def verzendsleutel(response) -> str:
    """The once-only key of the (first) write form in a page (wijkwijzer.verzending)."""
    html = response.content.decode()
    return re.search(r'name="verzendsleutel" value="([^"]+)"', html).group(1)


# -- Map tiles ------------------------------------------------------------------------------


def lege_tegel() -> bytes:
    """A blank 256x256 PNG tile (light grey), the size Leaflet asks for."""
    import struct
    import zlib

    def chunk(soort: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + soort
            + data
            + struct.pack(">I", zlib.crc32(soort + data))
        )

    rijen = b"".join(b"\x00" + b"\xee" * 256 for _ in range(256))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rijen))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="session")
def tegelserver() -> Iterator[str]:
    """A tile server on loopback answering every request with a blank tile; yields its
    {z}/{x}/{y} URL. Tests never reach PDOK or any other host on the internet."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    tegel = lege_tegel()

    class Tegels(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tegel)))
            self.end_headers()
            self.wfile.write(tegel)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tegels)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tegels/{{z}}/{{x}}/{{y}}.png"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _kaart_tegels_lokaal(settings, tegelserver):
    """Every map in every test gets its tiles from the local tile server, and the CSP allows
    that host instead of the configured one (wijkwijzer/settings/base.py)."""
    from wijkwijzer.settings.base import herkomst

    oud, nieuw = herkomst(settings.KAART_TEGELS_URL), herkomst(tegelserver)
    settings.KAART_TEGELS_URL = tegelserver
    beleid = {**settings.CONTENT_SECURITY_POLICY}
    beleid["DIRECTIVES"] = {
        **beleid["DIRECTIVES"],
        "img-src": [nieuw if bron == oud else bron for bron in beleid["DIRECTIVES"]["img-src"]],
    }
    settings.CONTENT_SECURITY_POLICY = beleid
