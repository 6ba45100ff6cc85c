"""Addresses people already have keep working: every URL the portal published before the entity folders were
renamed (tests/fixtures/published-urls.txt, listed from a build of the old code) still leads to a page."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .conftest import ROOT

PUBLISHED = [line for line in (ROOT / "tests/fixtures/published-urls.txt").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def landing(site: Path, url: str) -> tuple[str, str]:
    """(final URL, its HTML) after following at most one redirect page."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    moved = REFRESH.search(html)
    if not moved:
        return url, html
    target = posixpath.normpath(posixpath.join(url, moved.group(1))) + "/"
    assert f'<link rel="canonical" href="{moved.group(1)}">' in html and 'content="noindex"' in html
    return target, (site / target / "index.html").read_text(encoding="utf-8")


def test_every_published_url_still_leads_to_a_page(site: Path) -> None:
    assert len(PUBLISHED) > 100 and any(u.startswith("itakusaki/") for u in PUBLISHED)
    for url in PUBLISHED:
        final, html = landing(site, url)
        assert REFRESH.search(html) is None, f"{url}: redirects twice"
        assert "<h1" in html, f"{url} → {final}: not a page"


def test_old_entity_pages_land_on_the_same_entity(site: Path) -> None:
    old = [u for u in PUBLISHED if u.split("/")[0] in ("itakusaki", "teikyosaki", "itensaki") and u.count("/") == 2]
    assert old
    moved = {"itakusaki": "contractors", "teikyosaki": "recipients", "itensaki": "transferees"}
    same_slug = 0
    for url in old:
        final, _ = landing(site, url)
        assert final.split("/")[0] == moved[url.split("/")[0]], (url, final)
        same_slug += final.split("/")[1] == url.split("/")[1]
    assert same_slug >= len(old) - 5  # only the few entries with an unreadable name had a kind-named key


def test_redirect_pages_stay_out_of_the_sitemap_and_search(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "itakusaki" not in sitemap
    assert not any("itakusaki" in p.read_text(encoding="utf-8", errors="replace")
                   for p in (site / "search").rglob("*.json"))
