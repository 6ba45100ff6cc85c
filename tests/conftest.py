"""Shared fixtures: the real site built once from content/, a local HTTP server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build.pipeline import build_site

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# A fixed build date: the home page lists assessments due for re-assessment relative to it.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1811808000")  # 2027-06-01 UTC


# Tests that use these fixtures build the real site or drive Chromium: `make test-fast` leaves them out.
SLOW_FIXTURES = frozenset({"site", "site_url", "browser", "page", "results_page", "built_site", "hostile_site",
                           "hostile_page"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real portal built from content/ by the real pipeline (mkdocs included)."""
    out = tmp_path_factory.mktemp("built") / "site"
    build_site(CONTENT, out)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 at a port chosen by the OS."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; fails (never skips) when Chromium is missing."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium がありません: apt-get install -y chromium (or run `make test`, which installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()
