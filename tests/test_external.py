"""Nothing from outside: no page fetches a script, style, font, image or data from another host, even in an
old browser. Links (<a href>) to other sites are navigation, not fetches, and are allowed."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import serve

# Hosts written in Material's bundled JavaScript, and what keeps each from being contacted.
KNOWN_IN_BUNDLE = {
    "unpkg.com": "ResizeObserver polyfill and mermaid: pia-resize-observer.js defines ResizeObserver first; "
                 "no page has a .mermaid element",
    "api.github.com": "repository facts: only with repo_url, which mkdocs.yml does not set",
    "clipboardjs.com": "a licence comment, never fetched",
}
FETCHING = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
            ("audio", "src"), ("video", "src"), ("embed", "src"), ("object", "data"), ("image", "href")}
ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?\s*((?:[a-z][a-z0-9+.-]*:)?//[^'")\s]+)|@import\s+['"]((?:https?:)?//[^'"]+)""",
                     re.I)


class _Fetches(HTMLParser):
    """Every URL a page would fetch by itself (not <a> links), plus facts the loaders depend on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self.mermaid = self.source = False
        self.csp = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        rel = values.get("rel", "")
        for name, attr in FETCHING:
            if tag == name and attr in values and not (tag == "link" and rel in ("alternate", "canonical")):
                self.urls.append(values[attr])
        self.urls.extend(u for pair in CSS_URL.findall(values.get("style", "")) for u in pair if u)
        if tag == "script" and "src" in values:
            self.scripts.append(values["src"])
        self.mermaid |= "mermaid" in values.get("class", "").split()
        self.source |= values.get("data-md-component") == "source"
        if values.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = values.get("content", "")

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.urls.extend(u for pair in CSS_URL.findall(data) for u in pair if u)


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_fetches_from_another_host(site: Path) -> None:
    pages = _pages(site)
    assert len(pages) > 50
    for path in pages:
        found = _Fetches()
        found.feed(path.read_text(encoding="utf-8"))
        rel = path.relative_to(site).as_posix()
        assert not [u for u in found.urls if ABSOLUTE.match(u)], rel
        assert not found.mermaid and not found.source, f"{rel}: would make Material load mermaid / GitHub facts"
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):  # an old URL's redirect (pages/redirects.py)
            assert not found.scripts, f"{rel}: a redirect page runs no script"
            continue
        bundle = next(i for i, s in enumerate(found.scripts) if "assets/javascripts/bundle." in s)
        assert any("pia-resize-observer.js" in s for s in found.scripts[:bundle]), f"{rel}: shim after the bundle"
        assert "default-src 'self'" in found.csp and "connect-src 'self'" in found.csp, rel


def test_stylesheets_fetch_nothing_from_another_host(site: Path) -> None:
    for path in sorted(site.rglob("*.css")):
        assert not CSS_URL.findall(path.read_text(encoding="utf-8")), path.relative_to(site).as_posix()


def _loaded_scripts(site: Path) -> set[Path]:
    """JavaScript a page can run: its <script src>, and our search worker with what it imports. (Material's
    lunr and search-worker files are shipped but never loaded: its search plugin is off.)"""
    files = set(site.glob("assets/pia-search/*.js"))
    for path in _pages(site):
        found = _Fetches()
        found.feed(path.read_text(encoding="utf-8"))
        files |= {((site if src.startswith("/") else path.parent) / src.split("?")[0].lstrip("/")).resolve()
                  for src in found.scripts}  # 404.html uses root-relative URLs
    return files


def test_every_host_in_the_loaded_javascript_is_known_and_kept_away(site: Path) -> None:
    scripts = _loaded_scripts(site)
    assert any("bundle." in p.name for p in scripts)
    assert [p for p in scripts if not p.exists()] == []
    hosts = set()
    for path in sorted(scripts):
        hosts |= set(re.findall(r"https?://([a-z0-9.-]+\.[a-z]{2,})", path.read_text(encoding="utf-8"), re.I))
    assert hosts <= set(KNOWN_IN_BUNDLE), sorted(hosts - set(KNOWN_IN_BUNDLE))


RECORD_SCRIPTS = """
window.__added = [];
new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => {
  const url = n.src || n.href;
  if (url && ["SCRIPT", "LINK", "IMG", "IFRAME"].includes(n.nodeName)) window.__added.push(url);
}))).observe(document, {childList: true, subtree: true});
"""


@pytest.mark.parametrize("old_browser", [False, True])
def test_no_request_leaves_the_site_in_chromium(site: Path, browser, old_browser: bool) -> None:
    """An old browser (no ResizeObserver) is where Material would fetch its polyfill from unpkg.com."""
    server, base = serve(site)
    context = browser.new_context()
    try:
        if old_browser:
            context.add_init_script("delete window.ResizeObserver;")
        context.add_init_script(RECORD_SCRIPTS)
        outside: list[str] = []
        context.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
        page = context.new_page()
        for url in ("", "assessments/", "contractors/", "open-data/", "search/?q=委託"):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            page.set_viewport_size({"width": 390, "height": 800})  # a resize: the local observer reports
            added = page.evaluate("window.__added")
            assert not [a for a in added if not a.startswith(base)], (url, added)
            if old_browser:
                assert page.evaluate("window.ResizeObserver.name") == "LocalResizeObserver"
            page.set_viewport_size({"width": 1280, "height": 800})
        assert outside == []
    finally:
        context.close()
        server.shutdown()
