"""Fixtures for the search tests: the synthetic site served under a base path, and Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from .synthetic import DOCS, build_site

BASE_PATH = "/portal/sub/"  # the site is served below a base path to prove nothing assumes '/'


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the synthetic site, served by http.server on 127.0.0.1 with an OS-chosen port."""
    www = tmp_path_factory.mktemp("www")
    build_site(www / BASE_PATH.strip("/"), DOCS)
    handler = functools.partial(_QuietHandler, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"
    server.shutdown()
    server.server_close()


def _watched_page(browser):
    """A page in a fresh context; console errors and page errors fail the test that used it."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture()
def page(browser):
    yield from _watched_page(browser)


@pytest.fixture(scope="module")
def results_page(browser, site_url):
    """One results page reused by many queries typed into its form (fast, and exercises the in-page path)."""
    for page in _watched_page(browser):
        page.goto(f"{site_url}search/")
        yield page
