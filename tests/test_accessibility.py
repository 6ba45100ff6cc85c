"""Accessibility (JIS X 8341-3:2016 AA): axe-core in Chromium, headings, table headers, language."""

from __future__ import annotations

from itertools import pairwise
from urllib.parse import quote

import pytest

from generator.model import urls

from . import real_content

GRAPH = real_content.graph()


def _first(kind: str) -> str:
    return GRAPH.sorted_entities(kind)[0].url


def _pages() -> dict[str, str]:
    priority = next(a for a in GRAPH.assessments if a.form.name == "重点項目評価書")
    full = next((a for a in GRAPH.assessments if a.form.name == "全項目評価書"), priority)
    pages = {
        "home": urls.HOME,
        "organization": urls.organization("012033"),
        "priority": urls.assessment(priority.id),
        "full": urls.assessment(full.id),
        "system": _first("system"),
        "file": GRAPH.files[priority.id][0].url,
        "contractor": _first("contractor"),
        "transferee": _first("transferee"),
    }
    for section in ("assessments", "organizations", "files", "system", "contractor", "recipient", "transferee"):
        pages[f"index-{section}"] = urls.index(section)
    pages["search-results"] = urls.SEARCH + "?q=" + quote("中間サーバー")
    pages["guide"] = urls.GUIDE
    pages["risks"] = urls.RISKS
    pages["open-data"] = urls.OPEN_DATA
    return pages


def _open(browser, site_url: str, url: str, scheme: str = "light"):
    page = browser.new_page(color_scheme=scheme)
    page.goto(site_url + url)
    if url.startswith(urls.SEARCH):
        page.wait_for_function("() => document.getElementById('pia-search').dataset.piaState === 'done'")
    return page


PAGES = _pages()
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_axe_violations(browser, site_url: str, axe, name: str, scheme: str) -> None:
    page = _open(browser, site_url, PAGES[name], scheme)
    violations = [f"{v['id']} ({v['impact']}): {v['help']} @ {v['nodes'][0]['target']}"
                  for v in axe.run(page).response["violations"] if v["impact"] in SERIOUS]
    page.close()
    assert violations == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_structure_one_h1_ordered_headings_scoped_headers_lang(browser, site_url: str, name: str) -> None:
    page = _open(browser, site_url, PAGES[name])
    assert page.evaluate("document.documentElement.lang") == "ja"
    levels = page.evaluate("[...document.querySelectorAll('article h1,article h2,article h3,article h4,article h5,"
                           "article h6')].map(h => +h.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1
    skips = [(a, b) for a, b in pairwise(levels) if b > a + 1]
    assert skips == []
    unscoped = page.evaluate("[...document.querySelectorAll('article th')].filter(th => !th.scope).length")
    page.close()
    assert unscoped == 0
