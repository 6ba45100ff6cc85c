"""Search on the real built site, in Chromium: exact result sets for queries drawn from content/.

Expected sets come from an oracle that reads the built HTML (not the search index): a page is
expected when its visible text contains every space-separated part of the query after NFKC and
lower-casing. A few famous queries also pin the assessments by id.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

DONE = "() => ['done', 'empty', 'error'].includes(document.getElementById('pia-search').dataset.piaState)"


class _ArticleText(HTMLParser):
    """Text of <article> with a line break at every element boundary (cells never run together)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag in ("a",) and ("class", "headerlink") in attrs:
            self.depth += 100  # permalink '#' is not content
        self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag == "a" and self.depth >= 100:
            self.depth -= 100
        self.parts.append("\n")

    def handle_data(self, data):
        if 0 < self.depth < 100:
            self.parts.append(data)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def page_text(site: Path, url: str, kind: str) -> str:
    p = _ArticleText()
    p.feed((site / url / "index.html").read_text(encoding="utf-8"))
    text = "".join(p.parts)
    if kind == "ファイル":  # file pages are indexed up to their overview (see generator/search/site_docs.py)
        text = text[: text.index("Ⅱ 特定個人情報ファイルの概要")]
    return _norm(text)


@pytest.fixture(scope="module")
def oracle(site: Path) -> dict[str, str]:
    docs = json.loads((site / "assets/pia-search/index.json").read_text(encoding="utf-8"))["docs"]
    return {d["u"]: page_text(site, d["u"], d["k"]) + "\n" + _norm(d["o"]) + "\n" + _norm(d["f"]) for d in docs}


def expected(oracle: dict[str, str], query: str) -> set[str]:
    parts = [_norm(p) for p in re.split(r"[\s\u3000]+", query.strip()) if p]
    return {url for url, text in oracle.items() if parts and all(p in text for p in parts)}


def results(page, site_url: str, query: str) -> set[str]:
    page.goto(f"{site_url}search/?q={quote(query)}")
    page.wait_for_function(DONE)
    assert page.get_attribute("#pia-search", "data-pia-state") != "error"
    while page.locator(".pia-search__more").count():  # results come 50 at a time
        shown = page.locator(".pia-result__title").count()
        page.click(".pia-search__more")
        page.wait_for_function(f"() => document.querySelectorAll('.pia-result__title').length > {shown}")
    hrefs = page.eval_on_selector_all(".pia-result__title a", "links => links.map(a => a.href)")
    return {h[len(site_url):] for h in hrefs}


QUERIES = [
    "中間サーバー", "宛名システム", "住基ネット", "国民健康保険", "統合宛名", "日本電気株式会社北海道支社",
    "HBA", "ＨＢＡ", "hba", "eLTAX", "ISMAP", "富士通", "カタカナ", "ガバメントクラウド", "財政部 市民税課",
    "委託 再委託", "軽自動車税 越谷市", "税", "滞納", "令和7年", "２１５，０００", "+-*:~^", "番号法第19条第8号",
    "存在しない語句", "東京都",
]


@pytest.mark.parametrize("query", QUERIES)
def test_search_returns_exactly_the_pages_containing_the_query(page, site_url: str, oracle, query: str) -> None:
    want = expected(oracle, query)
    assert results(page, site_url, query) == want


def _assessments(urls: set[str]) -> set[str]:
    return {u.split("/")[1] for u in urls if re.fullmatch(r"assessments/[\d-]+/", u)}


@pytest.mark.parametrize(("query", "ids"), [
    ("中間サーバー", {"012033-1", "012033-3", "131032-2", "112224-7"}),
    ("国民健康保険", {"012033-1", "312011-14"}),
    ("日本電気株式会社北海道支社", {"012033-1", "012033-3"}),
    ("株式会社アイネス", {"112224-7"}),
])
def test_famous_queries_find_the_right_assessments(page, site_url: str, query: str, ids: set[str]) -> None:
    assert _assessments(results(page, site_url, query)) == ids


def test_no_hit_and_empty_queries_say_so(page, site_url: str) -> None:
    page.goto(f"{site_url}search/?q={quote('存在しない語句')}")
    page.wait_for_function(DONE)
    assert "見つかりません" in page.inner_text("#pia-search")
    page.goto(f"{site_url}search/")
    page.wait_for_function(DONE)
    assert page.locator(".pia-result__title").count() == 0


def test_header_box_leads_to_results(page, site_url: str) -> None:
    page.goto(site_url + "assessments/012033-3/")
    page.fill("#pia-search-box-q", "株式会社HBA")
    page.press("#pia-search-box-q", "Enter")
    page.wait_for_function(DONE)
    assert "q=" in page.url and page.locator(".pia-result__title a", has_text="株式会社HBA").count() == 1
