"""Issue #11, citizens first: the resident's answers on the first screens of the real site, in Chromium.

Each test reads the real HTML that mkdocs built from content/ (or drives it in Chromium) and compares it
with content/ read as plain YAML (tests/plain_yaml.py) or with facts cited from content/sources/; the graph
only chooses which pages to look at.
"""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.model import urls
from generator.model.digest import unreadable_files

from . import real_content
from .plain_yaml import CONTRACTOR, FILES, RECIPIENT, named, record, records, squash
from .sitecheck import html_pages, page_url

GRAPH = real_content.graph()
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
OTARU_JUKI = next(a for a in GRAPH.assessments if a.id == "012033-1")
MINATO = "131032"
SEED_LINE = re.compile(r"\b\d{3}:L\d+")
SEED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt")
UNREAD = "原本から読み取れませんでした"


class VisibleText(HTMLParser):
    """Text of <article> outside the collapsed 転記の記録 sections (and outside scripts)."""

    RECORD = ("pia-transcription", "pia-inferred-evidence")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, excluded)
        self._in_article = 0

    def _excluded(self) -> bool:
        return any(ex for _, ex in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr", "source"):
            return
        cls = dict(attrs).get("class") or ""
        excluded = tag == "script" or (tag == "details" and any(c in cls.split() for c in self.RECORD))
        self._stack.append((tag, excluded))
        self._in_article += tag == "article"

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            name, _ = self._stack.pop()
            self._in_article -= name == "article"
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_article and not self._excluded():
            self.text.append(data)


def visible_text(path: Path) -> str:
    parser = VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.text)


def _open(browser, site_url: str, url: str, viewport: dict):
    page = browser.new_page(viewport=viewport)
    page.goto(site_url + url)
    return page


def test_all_contractors_of_otaru_juki_within_two_phone_screens(browser, site_url: str) -> None:
    names = set(named(record(OTARU_JUKI.id)[FILES], CONTRACTOR))
    assert len(names) >= 2  # 日本電気株式会社北海道支社, 株式会社HBA (001:L94, L103)
    page = _open(browser, site_url, urls.assessment(OTARU_JUKI.id), PHONE)
    summary = page.locator("dl.pia-digest-facts")
    for name in sorted(names):
        link = summary.locator("a", has_text=name).first
        box = link.bounding_box()
        assert box is not None, name
        assert box["y"] + box["height"] <= 2 * PHONE["height"], f"{name} ends at {box['y'] + box['height']}px"
    page.close()


def test_minato_organization_page_lists_its_five_providers(site: Path) -> None:
    expected = {squash(n) for aid, r in records() if aid.startswith(f"{MINATO}-") for n in named(r[FILES], RECIPIENT)}
    assert len(expected) == 5  # 提供先1-5, 003:L360-394
    html = (site / urls.organization(MINATO) / "index.html").read_text(encoding="utf-8")
    summary = html[html.index('class="pia-digest-facts"'):]
    summary = htmllib.unescape(summary[:summary.index("</dl>")])
    providers = summary[summary.index("提供先"):summary.index("移転先")]
    shown = {squash(name) for name in re.findall(r'<a href="[^"]*">([^<]*)</a>', providers)}
    assert shown == expected
    assert "提供先 5 件" in html


def test_flow_view_shows_all_three_flows_with_tables(site: Path) -> None:
    html = (site / urls.organization(MINATO) / "index.html").read_text(encoding="utf-8")
    flow = html[html.index('id="flow"'):]
    for kind, label in (("contractor", "委託先"), ("recipient", "提供先"), ("transferee", "移転先")):
        assert f'data-kind="{kind}"' in flow, kind
        assert f"データの流れ: {label}</caption>" in flow, label
    counts = re.search(r'class="pia-count pia-flow-counts">([^<]*)<', flow).group(1)
    assert "提供先 5 件" in counts and "移転先 9 部署" in counts, counts


def test_unreadable_lists_are_said_unknown_never_none(site: Path) -> None:
    lost = [(kind, node) for a in GRAPH.assessments for kind in ("contractor", "recipient", "transferee")
            for node in unreadable_files(GRAPH, [a], kind)]
    assert lost, "the content has unreadable lists (012033-1 ファイル(2)(3))"
    label = {"contractor": "委託先", "recipient": "提供先", "transferee": "移転先"}
    for kind, node in lost:
        html = (site / node.url / "index.html").read_text(encoding="utf-8")
        row = re.search(rf'<td data-label="つながり">{label[kind]}</td><td data-label="リンク">(.*?)</td>', html)
        assert row and UNREAD in row.group(1) and "なし" not in row.group(1), (node.url, kind)
        summary = (site / urls.assessment(node.assessment.id) / "index.html").read_text(encoding="utf-8")
        assert f"{node.name}</a><span class=\"pia-unread\">の{label[kind]}は{UNREAD}" in summary


def test_no_page_says_none_or_old_label_for_an_unreadable_value(site: Path) -> None:
    bad = [page_url(site, p) for p in html_pages(site)
           if any(s in p.read_text(encoding="utf-8") for s in ("判読不能(要確認)", "Marker(kind="))]
    assert bad == []
    html = (site / urls.assessment(OTARU_JUKI.id) / "index.html").read_text(encoding="utf-8")
    assert html.count('class="pia-marker-label"') >= 10
    assert html.count(f'<strong class="pia-marker-label">{UNREAD}</strong>') == html.count(
        'class="pia-marker pia-marker--unreadable"')


def test_no_seed_line_or_file_name_outside_the_transcription_record(site: Path) -> None:
    found = []
    guide = site / urls.GUIDE / "index.html"  # the clerks' editing guide teaches the notation with sample lines
    for path in (p for p in html_pages(site) if p != guide):
        text = visible_text(path)
        for rx in (SEED_LINE, SEED_FILE):
            found += [f"{page_url(site, path)}: {m.group(0)}" for m in rx.finditer(text)]
    assert found == []
    html = htmllib.unescape((site / urls.assessment(OTARU_JUKI.id) / "index.html").read_text(encoding="utf-8"))
    assert SEED_LINE.search(html) and SEED_FILE.search(html), "the notes are still there, inside 転記の記録"


def test_long_assessment_fits_sixty_phone_screens_and_loses_nothing(browser, site_url: str) -> None:
    page = _open(browser, site_url, urls.assessment(OTARU_JUKI.id), PHONE)
    screens = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
    assert screens <= 60, f"{screens:.1f} phone screens"
    changes = len(OTARU_JUKI.record["changes"])
    assert page.locator(".pia-change").count() == changes
    assert not page.locator(".pia-change").first.is_visible()
    page.locator("details.pia-fold > summary", has_text="変更箇所").click()
    assert page.locator(".pia-change").first.is_visible()
    page.emulate_media(media="print")
    hidden = page.evaluate("[...document.querySelectorAll('details:not([open]) .pia-entry, details:not([open]) "
                           ".pia-change')].filter(e => !e.checkVisibility()).length")
    page.close()
    assert hidden == 0


def test_table_of_contents_and_search_reachable_on_a_phone(browser, site_url: str) -> None:
    page = _open(browser, site_url, urls.assessment(OTARU_JUKI.id), PHONE)
    assert page.locator(".pia-search-band input").first.is_visible()
    toc = page.locator("nav.pia-page-toc")
    assert toc.locator("summary").bounding_box()["y"] < PHONE["height"]
    toc.locator("summary").click()
    toc.locator("a", has_text="開示請求").click()
    assert page.url.endswith("#disclosure")
    heading = page.locator("h2#disclosure").bounding_box()
    band = page.locator(".pia-search-band").bounding_box()
    assert band["y"] + band["height"] <= heading["y"] < PHONE["height"], "the heading is visible, below the search"
    search = page.locator(".pia-search-band input").first.bounding_box()
    assert 0 <= search["y"] < 120, "far down the page the search box is still on screen"
    page.close()
    wide = _open(browser, site_url, urls.assessment(OTARU_JUKI.id), {"width": 1600, "height": 900})
    assert wide.locator("nav.pia-page-toc").is_hidden() and wide.locator("nav.md-nav--secondary").first.is_visible()
    wide.close()


def test_official_source_line_under_the_title(site: Path) -> None:
    for a in GRAPH.assessments:
        html = (site / urls.assessment(a.id) / "index.html").read_text(encoding="utf-8")
        after_title = html[html.index("</h1>"):]
        assert after_title.index('class="pia-source"') < after_title.index('id="digest"')
        if not a.record.get("source_url"):
            assert "原本(PDF)の所在: <span class=\"pia-empty\">未登録</span>" in after_title


def test_home_starts_from_where_the_resident_lives(browser, site_url: str) -> None:
    page = _open(browser, site_url, urls.HOME, PHONE)
    assert page.locator("a.pia-task", has_text="どの会社が私の情報を扱う?").count() == 1
    assert page.locator("a.pia-task", has_text="自分の情報の開示を請求したい").count() == 1
    page.locator(".pia-picker a", has_text="北海道").click()
    names = page.locator("main table td[data-label='団体'] a").all_inner_texts()
    assert "小樽市" in names
    page.locator("main table a", has_text="小樽市").click()
    assert page.url.endswith("/" + urls.organization("012033"))
    page.close()


def test_organizations_in_gojuon_order_by_reading(site: Path) -> None:
    html = (site / urls.index("organizations") / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<td data-label="団体"><a href="[^"]*">([^<]*)</a>', html)
    readings = {o.name: o.reading for o in GRAPH.organizations.values()}
    assert all(readings.values())
    assert shown == sorted(shown, key=lambda n: readings[n])


def test_contractor_list_filters(browser, site_url: str) -> None:
    page = _open(browser, site_url, urls.index("contractor"), DESKTOP)
    form = page.locator("form.pia-filter")
    assert form.is_visible()
    rows = page.locator("main table tbody tr")
    total = rows.count()
    form.locator("select[name='org']").select_option("小樽市")
    shown = page.locator("main table tbody tr:not([hidden])")
    otaru = {squash(n) for aid, r in records() if aid.startswith("012033-") for n in named(r[FILES], CONTRACTOR)}
    assert {squash(t) for t in shown.locator("td:first-child").all_inner_texts()} == otaru
    form.locator("select[name='org']").select_option("")
    form.locator("input[name='sub']").check()
    subs = shown.locator("td[data-label='再委託']").all_inner_texts()
    assert subs and set(subs) == {"あり"} and len(subs) < total
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_no_table_column_shrinks_to_one_character(browser, site_url: str, viewport: dict) -> None:
    narrow = []
    for url in (urls.index("contractor"), urls.index("organizations"), urls.index("files"),
                urls.organization(MINATO), urls.assessment(OTARU_JUKI.id), GRAPH.sorted_entities("contractor")[0].url):
        page = _open(browser, site_url, url, viewport)
        narrow += page.evaluate("""url => [...document.querySelectorAll(
            'article table td, article table th, article table caption')]
            .filter(c => c.offsetParent !== null && c.textContent.trim().length >= 3)
            .filter(c => c.getBoundingClientRect().width < 2.5 * parseFloat(getComputedStyle(c).fontSize))
            .map(c => url + ': ' + c.textContent.trim().slice(0, 20))""", url)
        page.close()
    assert narrow == []


def test_about_accessibility_licence_and_clerk_pages_out_of_the_way(browser, site_url: str, site: Path) -> None:
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    for text in ("運営者", "問い合わせ先", "原本が正", "更新日", "公共データ利用規約(第1.0版)", "ppc.go.jp"):
        assert text in about, text
    access = (site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "JIS X 8341-3:2016" in access and "試験の結果" in access
    page = _open(browser, site_url, urls.HOME, DESKTOP)
    footer = page.locator("footer .pia-footer")
    assert "公共データ利用規約(第1.0版)" in footer.inner_text() and "CC BY 4.0" in footer.inner_text()
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert "編集ガイド" not in tabs and "運営者向け" in tabs
    page.close()


def test_summary_links_every_contractor_and_recipient_named_in_the_yaml(site: Path) -> None:
    """The oracle is the YAML read as plain data, not the generator's digest of it."""
    missing, seen = [], 0
    for aid, r in records():
        html = (site / "assessments" / aid / "index.html").read_text(encoding="utf-8")
        summary = html[html.index('class="pia-digest-facts"'):]
        summary = htmllib.unescape(summary[:summary.index("</dl>")])
        shown = {squash(name) for name in re.findall(r'<a href="[^"]*">([^<]*)</a>', summary)}
        for label in (CONTRACTOR, RECIPIENT):
            for name in named(r[FILES], label):
                seen += 1
                if squash(name) not in shown:
                    missing.append(f"{aid}: {label} {name}")
        assert "開示請求" in summary, aid
    assert missing == []
    assert seen >= 25


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["about/", "accessibility/", "organizations/prefectures/01/"])
def test_new_pages_have_no_serious_axe_violations(browser, site_url: str, url: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(color_scheme=scheme)
    page.goto(site_url + url)
    violations = [f"{v['id']} ({v['impact']}) @ {v['nodes'][0]['target']}"
                  for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    page.close()
    assert violations == []


def test_open_data_carries_the_licence(site: Path) -> None:
    import json

    catalogue = json.loads((site / urls.CATALOGUE).read_text(encoding="utf-8"))
    assert catalogue["利用条件"]["名称"] == "公共データ利用規約(第1.0版)"
    assert "CC BY 4.0" in catalogue["利用条件"]["補足"]
    page = (site / urls.OPEN_DATA / "index.html").read_text(encoding="utf-8")
    assert 'id="licence"' in page and "公共データ利用規約(第1.0版)" in page


def test_recorded_original_is_linked_next_to_the_title_and_from_unreadable_values() -> None:
    from dataclasses import replace

    from generator.load.wareki import WDate
    from generator.pages.assessment import chapters, source_html
    from generator.pages.context import entry_linker_for, linker_for
    from generator.pages.form import FormRenderer

    pdf, listing = "https://www.city.otaru.lg.jp/juki.pdf", "https://www.city.otaru.lg.jp/pia/"
    record = {**OTARU_JUKI.record, "source_url": pdf, "listing_url": listing, "retrieved": WDate(2025, 8, 1)}
    a = replace(OTARU_JUKI, record=record)
    top = source_html(a)
    assert f'href="{pdf}"' in top and f'href="{listing}"' in top and "令和7年8月1日" in top and "未登録" not in top
    url = urls.assessment(a.id)
    renderer = FormRenderer(linker_for(GRAPH, a, url), entry_linker_for(GRAPH, url), None)
    body = "".join(str(b) for _, _, b in chapters(GRAPH, a, url, renderer))
    assert body.count(f'{UNREAD}</strong> <a href="{pdf}"') == body.count(f'class="pia-marker-label">{UNREAD}<') > 0
    plain = "".join(str(b) for _, _, b in chapters(GRAPH, OTARU_JUKI, url, renderer))
    assert pdf not in plain
