"""Search on the real built site, in Chromium: exact result sets for queries drawn from content/.

Expected sets come from an oracle that reads the built HTML (not the search index): a page is
expected when its visible text contains every space-separated part of the query, or one of that part's
synonyms from content/synonyms.yaml (none for a part in "quotes"), after NFKC and lower-casing.
A few famous queries also pin the assessments by id.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from generator.outputs.search.synonyms import load_synonyms

CONTENT = Path(__file__).resolve().parent.parent / "content"

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
    if kind == "ファイル":  # file pages are indexed up to their overview (see generator/outputs/search/site_docs.py)
        text = text[: text.index("Ⅱ 特定個人情報ファイルの概要")]
    return _norm(text)


def indexed_pages(site: Path) -> list[dict]:
    """Every page in the search metadata shards: {url, kind, org, form, …}."""
    keys = ("id", "url", "title", "kind", "org", "form", "published", "wareki", "chunks")
    rows = [r for path in sorted((site / "assets/pia-search/m").glob("*.json"))
            for r in json.loads(path.read_text(encoding="utf-8"))]
    return [dict(zip(keys, r, strict=True)) for r in rows]


@pytest.fixture(scope="module")
def oracle(site: Path) -> dict[str, str]:
    return {d["url"]: page_text(site, d["url"], d["kind"]) + "\n" + _norm(d["org"]) + "\n" + _norm(d["form"])
            for d in indexed_pages(site)}


SYNONYMS = {_norm(w): [_norm(x) for x in group] for group in load_synonyms(CONTENT) for w in group}


def expected(oracle: dict[str, str], query: str) -> set[str]:
    parts = [[_norm(q)] if q else SYNONYMS.get(_norm(w), [_norm(w)])
             for q, w in re.findall(r'"([^"]+)"|(\S+)', _norm(query))]
    return {url for url, text in oracle.items() if parts and all(any(a in text for a in p) for p in parts)}


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


def test_published_site_has_no_single_index(site: Path) -> None:
    assets = site / "assets/pia-search"
    assert not (assets / "index.json").exists() and not (assets / "lunr.js").exists()
    assert (assets / "manifest.json").is_file() and any((assets / "p").iterdir())


SYNONYM_QUERIES = ["マイナンバー", "住基ネット", "NEC", "漏洩", "国保", '"住基ネット"', '"国保"', '"漏洩" 消去']


@pytest.mark.parametrize("query", SYNONYM_QUERIES)
def test_synonyms_and_quotes_give_exact_sets(page, site_url: str, oracle, query: str) -> None:
    assert results(page, site_url, query) == expected(oracle, query)


def test_synonym_finds_pages_without_the_typed_word(page, site_url: str, oracle) -> None:
    found = results(page, site_url, "マイナンバー")
    literal = expected(oracle, '"マイナンバー"')
    assert literal < found and _assessments(found - literal)
    assert "「マイナンバー」は「個人番号」も含めて探しました" in page.inner_text("#pia-search")
    marks = set(page.locator(".pia-result__snippet mark").all_text_contents())
    assert "個人番号" in marks


def test_quotes_disable_synonyms(page, site_url: str, oracle) -> None:
    quoted = results(page, site_url, '"住基ネット"')
    assert quoted == expected(oracle, '"住基ネット"')
    assert quoted < results(page, site_url, "住基ネット")
    page.goto(f"{site_url}search/?q={quote(chr(34) + '住基ネット' + chr(34))}")
    page.wait_for_function(DONE)
    assert page.locator(".pia-search__synonyms").count() == 0
    assert page.inner_text("#pia-search-status").startswith("「住基ネット」を含むページ")


def test_did_you_mean(page, site_url: str) -> None:
    page.goto(f"{site_url}search/?q={quote('住民基本代帳')}")
    page.wait_for_function(DONE)
    assert "見つかりません" in page.inner_text("#pia-search-status")
    link = page.locator(".pia-search__suggestion")
    assert link.text_content() == "住民基本台帳"
    link.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === '住民基本台帳'")
    page.wait_for_function(DONE)
    assert page.locator(".pia-result__title").count() > 0


def test_unreadable_names_rank_below_readable_ones(page, site_url: str) -> None:
    results(page, site_url, "特別区民税の賦課及び徴収に関する事務")
    titles = page.locator(".pia-result__title").all_text_contents()
    unreadable = [i for i, t in enumerate(titles) if "判読不能" in t]
    assert unreadable and len(unreadable) < len(titles)
    assert min(unreadable) > max(i for i, t in enumerate(titles) if "判読不能" not in t)


def test_dates_in_wareki_and_circled_numbers_as_printed(page, site_url: str) -> None:
    results(page, site_url, "個人を単位とする住民票を世帯ごとに編成")
    dates = page.locator(".pia-result__date").all_text_contents()
    assert dates and all(re.fullmatch(r"公表日 (令和|平成)\d+年\d+月(\d+日)?", d) for d in dates), dates
    assert page.locator(".pia-result__date").first.get_attribute("data-iso")
    snippet = page.locator(".pia-result__snippet").filter(has_text="世帯ごとに編成").first.text_content()
    assert "①個人を単位とする住民票" in snippet


def test_results_come_before_their_snippets(browser, site_url: str) -> None:
    """Titles and the count show while page texts are still on their way; snippets fill in after."""
    context = browser.new_context()
    held: list = []
    try:
        page = context.new_page()
        page.route("**/pia-search/t/**", lambda route: held.append(route))
        page.goto(f"{site_url}search/?q={quote('宛名')}")  # two characters: the postings alone decide
        page.wait_for_function("() => document.getElementById('pia-search').dataset.piaState === 'partial'")
        assert page.locator(".pia-result__title").count() > 0
        assert "件" in page.inner_text("#pia-search-status")
        assert page.locator(".pia-result__snippet--loading").count() > 0
        for _ in range(200):
            while held:
                held.pop().continue_()
            if page.evaluate(DONE):
                break
            page.wait_for_timeout(50)
        assert page.get_attribute("#pia-search", "data-pia-state") == "done"
        assert page.locator(".pia-result__snippet--loading").count() == 0
    finally:
        context.close()
