"""The search in Chromium against a synthetic site built by search_files(): exact result sets per query."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from generator.outputs.search import tokens
from generator.outputs.search.postings import symbols

from .synthetic import DOCS

DONE = "() => ['done', 'empty', 'error'].includes(document.getElementById('pia-search').dataset.piaState)"


def search(page, site_url: str, query: str, extra: str = "") -> set[str]:
    """Open search/?q=… and return the site-relative URLs of the results shown."""
    page.goto(f"{site_url}search/?q={quote(query)}{extra}")
    return shown(page, site_url)


def ask(page, site_url: str, query: str) -> set[str]:
    """Type a query into the results page's own box, press Enter, and return the URLs shown."""
    page.fill("#pia-search-q", query)
    page.press("#pia-search-q", "Enter")
    page.wait_for_function("q => { const r = document.getElementById('pia-search');"
                           " return r.dataset.piaQuery === q && r.dataset.piaState === 'done' }", arg=query.strip())
    return shown(page, site_url)


def shown(page, site_url: str) -> set[str]:
    page.wait_for_function(DONE)
    assert page.get_attribute("#pia-search", "data-pia-state") != "error", page.text_content("#pia-search-status")
    hrefs = page.eval_on_selector_all(".pia-result__title a", "links => links.map(a => a.href)")
    assert all(h.startswith(site_url) for h in hrefs), hrefs
    return {h[len(site_url):] for h in hrefs}


CASES = [
    ("中間サーバー", {"assessments/012033-3/", "systems/chukan/"}),  # not files/1 (中間 のサーバー)
    ("宛名システム", {"assessments/012033-3/", "systems/atena/"}),
    ("サーバー", {"assessments/012033-3/", "assessments/012033-3/files/1/", "systems/chukan/"}),
    ("トウキョウ", {"contractors/tokyo-data/"}),
    ("カタカナ", {"guide/"}),  # the page has half-width ｶﾀｶﾅ
    ("ｶﾀｶﾅ半角", {"guide/"}),
    ("HBA", {"systems/atena/", "assessments/131032-2/"}),
    ("hba", {"systems/atena/", "assessments/131032-2/"}),
    ("ＨＢＡ", {"systems/atena/", "assessments/131032-2/"}),
    ("eLTAX", {"systems/chukan/", "assessments/131032-2/"}),
    ("LTA", {"systems/chukan/", "assessments/131032-2/"}),  # inside a Latin word
    ("2024", {"assessments/012033-3/", "organizations/312011/"}),  # published date and ２０２４
    ("２０２４年", {"organizations/312011/"}),
    ("2024-03-01", {"assessments/012033-3/"}),
    ("都", {"contractors/tokyo-data/", "recipients/tokyo/"}),
    ("宛", {"assessments/012033-3/", "systems/atena/"}),
    ("東京都", {"recipients/tokyo/"}),  # not tokyo-data, which has 東京 and 京都 apart
    ("東京", {"contractors/tokyo-data/", "recipients/tokyo/"}),
    ("宛名 中間サーバー", {"assessments/012033-3/"}),
    ("宛名　中間サーバー", {"assessments/012033-3/"}),  # full-width space
    ("  中間サーバー   宛名  ", {"assessments/012033-3/"}),
    ("港区 東京", {"contractors/tokyo-data/", "recipients/tokyo/"}),  # 団体 is searchable too
    ("+-*:~^", {"recipients/tokyo/"}),
    ("~^", {"recipients/tokyo/"}),
    ("*", {"recipients/tokyo/"}),
    ("a+b", {"transferees/shimin/"}),
    ("title:宛名", set()),
    ("宛名~2", set()),
    ("+宛名", set()),
    ("-宛名", set()),
    ("宛名^10", set()),
    ("中間サーバー*", set()),
    ("<b>太字</b>", {"guide/"}),
    ("存在しない語", set()),
]


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[c[0] for c in CASES])
def test_result_sets(results_page, site_url, query, expected):
    assert ask(results_page, site_url, query) == expected
    assert parse_qs(urlsplit(results_page.url).query)["q"] == [query.strip()]  # shareable URL


@pytest.mark.parametrize("query", ["中間サーバー", "ＨＢＡ", "+-*:~^", "宛名　中間サーバー"])
def test_result_sets_on_fresh_load(page, site_url, query):
    """The same sets when the page is opened from a shared URL."""
    assert search(page, site_url, query) == dict(CASES)[query]


def test_no_hit_says_so(page, site_url):
    assert search(page, site_url, "存在しない語") == set()
    assert "見つかりませんでした" in page.text_content("#pia-search-status")
    assert page.locator(".pia-search__tips li").count() >= 2


def test_empty_query_asks_for_words(page, site_url):
    page.goto(f"{site_url}search/")
    page.wait_for_function(DONE)
    assert page.get_attribute("#pia-search", "data-pia-state") == "empty"
    assert "検索語を入力してください" in page.text_content("#pia-search-status")


def test_result_shows_kind_org_title_snippet_and_marks(page, site_url):
    assert search(page, site_url, "中間サーバー") == {"assessments/012033-3/", "systems/chukan/"}
    status = page.locator("#pia-search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert "2 件" in status.text_content()
    first = page.locator(".pia-result").filter(has_text="住民基本台帳に関する事務")
    assert first.locator(".pia-result__kind").text_content() == "評価書"
    assert first.locator(".pia-result__org").text_content() == "小樽市"
    assert first.locator(".pia-result__snippet mark").all_text_contents() == ["中間サーバー"]
    system = page.locator(".pia-result").filter(has_text="港区")
    assert system.locator(".pia-result__title mark").all_text_contents() == ["中間サーバー"]
    assert system.locator(".pia-result__kind").text_content() == "システム"


def test_marks_keep_original_case(page, site_url):
    search(page, site_url, "hba")
    marks = page.locator(".pia-result__snippet mark").all_text_contents()
    assert sorted(marks) == ["HBA", "HBA"]  # ＨＢＡ is shown NFKC-normalised


def test_page_data_is_text_not_html(page, site_url):
    assert search(page, site_url, "使い方") == {"guide/"}
    assert page.locator("#pia-search-results img, #pia-search-results b").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.text_content(".pia-result__title")


def test_links_are_relative(page, site_url):
    search(page, site_url, "鳥取市")
    hrefs = page.eval_on_selector_all(".pia-result__title a", "links => links.map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == ["../organizations/312011/", "../transferees/shimin/"]


def test_facets_narrow_and_count(page, site_url):
    search(page, site_url, "東京")
    org = page.locator("fieldset.pia-facet").filter(has_text="団体")
    assert org.locator(".pia-facet__label").all_text_contents() == ["港区2 件", "小樽市1 件"]
    kind = page.locator("fieldset.pia-facet").filter(has_text="ページの種類")
    assert kind.locator(".pia-facet__label").all_text_contents() == ["委託先1 件", "提供先1 件"]
    page.get_by_label("小樽市").check()
    assert shown(page, site_url) == {"contractors/tokyo-data/"}
    assert "org=" in page.url
    page.reload()
    assert shown(page, site_url) == {"contractors/tokyo-data/"}
    assert page.get_by_label("小樽市").is_checked()


def test_facet_from_url(page, site_url):
    assert search(page, site_url, "中間サーバー", f"&kind={quote('システム')}") == {"systems/chukan/"}
    assert search(page, site_url, "中間サーバー", f"&form={quote('重点項目評価書')}") == {"assessments/012033-3/"}


def test_keyboard_only(page, site_url):
    page.goto(f"{site_url}search/")
    page.wait_for_function(DONE)
    page.focus("#pia-search-q")
    page.keyboard.type("サーバー")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('q=')")
    assert shown(page, site_url) == {"assessments/012033-3/", "assessments/012033-3/files/1/", "systems/chukan/"}
    for _ in range(40):  # Tab to the first facet checkbox, then tick it with Space
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pia-facet__checkbox')"):
            break
    assert page.evaluate("document.activeElement.value") == "評価書"
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('kind=')")
    assert shown(page, site_url) == {"assessments/012033-3/"}
    assert page.evaluate("document.activeElement.value") == "評価書"  # focus survives the re-render
    page.keyboard.press("Space")
    page.wait_for_function("() => !location.search.includes('kind=')")
    assert len(shown(page, site_url)) == 3


def test_typing_updates_results_and_url(page, site_url):
    page.goto(f"{site_url}search/?q={quote('宛名')}")
    assert shown(page, site_url) == {"assessments/012033-3/", "systems/atena/"}
    page.fill("#pia-search-q", "宛名 HBA")
    page.wait_for_function("() => decodeURIComponent(location.search).includes('宛名 HBA')"
                           " || decodeURIComponent(location.search).includes('宛名+HBA')")
    assert shown(page, site_url) == {"systems/atena/"}


@pytest.mark.parametrize("start", ["", "assessments/012033-3/"])
def test_header_box_goes_to_results_page(page, site_url, start):
    page.goto(site_url + start)
    page.fill("#pia-search-box-q", "中間サーバー")
    page.press("#pia-search-box-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.url.startswith(site_url + "search/")
    assert shown(page, site_url) == {"assessments/012033-3/", "systems/chukan/"}


def test_js_tokens_match_python(page, site_url):
    page.goto(site_url)
    page.add_script_tag(url=site_url + "assets/pia-search/tokenize.js")
    samples = [d.title + " " + d.body for d in DOCS] + [
        "ＨＢＡ ＥＬＴＡＸ ２０２４年 ｶﾞｲﾄﾞ ㈱東京 İstanbul ÀÉÎõü", "𠮷野家と﨑 々〆〇 ゝゞ ヽヾ ・ー",
        "Straße ΣΑΣ e-Tax/HBA_2 1,234.5", "①②③ ⅰⅱ ㍻ ㌔ ｱｲｳｴｵ ＡＢＣ１２３",
    ]
    js = page.evaluate("samples => samples.map(s => PiaTokenize.tokens(s))", samples)
    assert js == [tokens(s) for s in samples]
    js = page.evaluate("samples => samples.map(s => PiaTokenize.symbols(PiaTokenize.normalize(s)))", samples)
    assert js == [sorted(symbols(s)) for s in samples]  # symbol characters are index terms too


@pytest.mark.parametrize("missing", ["manifest.json", "p/*.bin", "t/**/*.txt"])
def test_missing_index_file_says_so(browser, site_url, missing):
    """A broken deployment (an index file missing) gives a Japanese error instead of a silent empty page."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route(f"**/pia-search/{missing}", lambda route: route.fulfill(status=404, body="not found"))
        page.goto(f"{site_url}search/?q={quote('宛名')}")
        page.wait_for_function(DONE)
        assert page.get_attribute("#pia-search", "data-pia-state") == "error"
        assert "読み込めませんでした" in page.text_content("#pia-search-status")
    finally:
        context.close()


def test_status_names_every_word(page, site_url):
    assert search(page, site_url, "宛名　中間サーバー") == {"assessments/012033-3/"}
    assert page.text_content("#pia-search-status") == "「宛名」「中間サーバー」をすべて含むページ: 1 件"
    assert page.title().startswith("「宛名　中間サーバー」の検索結果")
