"""Cross-body views: データの流れ on 団体 pages, リスク対策の比較, and 終了 / re-assessment status."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from generator.build.context import content_epoch
from generator.build.pipeline import source_files
from generator.forms.dates import add_years
from generator.load.content import load_content
from generator.load.names import normalize
from generator.model import urls
from generator.model.flow import receivers, same_department, units
from generator.model.graph import build_graph
from generator.model.risks import answers
from generator.model.status import due_soon, reassessment_due

from . import real_content
from .conftest import CONTENT
from .sitecheck import parse, resolve

GRAPH = real_content.graph()
OTARU = "012033"
TARGET = "目的外の入手が行われるリスク"


def test_department_units_and_matching_rule() -> None:
    assert units("財政部 市民税課、納税課") == ["財政部市民税課", "財政部納税課"]
    assert units("福祉保険部 生活支援第1課、生活支援第2課") == ["福祉保険部生活支援第1課", "福祉保険部生活支援第2課"]
    assert same_department("財政部市民税課", "財政部市民税課")
    assert same_department("市民税課", "財政部市民税課")
    assert not same_department("財政部資産税課", "財政部市民税課")
    assert not same_department("課", "財政部市民税課")


def test_otaru_resident_register_flows_to_the_kei_car_tax_department() -> None:
    found = {r.entity.name: r for r in receivers(GRAPH, OTARU)}
    shiminzei = found["財政部 市民税課"]
    assert [n.assessment.id for n in shiminzei.sources] == ["012033-1"]
    assert [a.id for a in shiminzei.assessments] == ["012033-3"]
    assert found["財政部 資産税課"].assessments == []
    assert all("012033-1" not in [a.id for a in r.assessments] for r in found.values())


def test_flow_diagram_in_chromium_desktop_and_phone(browser, site_url: str) -> None:
    kei = urls.assessment("012033-3")
    for width, variant in ((1280, "wide"), (390, "narrow")):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(site_url + urls.organization(OTARU))
        svg = page.locator(f"svg.pia-flow-svg--{variant}")
        assert svg.is_visible()
        assert page.locator(f"svg.pia-flow-svg--{'narrow' if variant == 'wide' else 'wide'}").is_hidden()
        assert svg.get_attribute("aria-hidden") == "true"
        edge = svg.locator('path[data-target="財政部 市民税課"]')
        assert edge.count() == 1
        assert edge.get_attribute("data-source").startswith("住民基本台帳ファイル")
        assert "pia-flow-edge--linked" in edge.get_attribute("class")
        assert svg.locator("text", has_text="住民基本台帳ファイル").first.is_visible()
        assert svg.locator("text", has_text="財政部 市民税課").first.is_visible()
        links = svg.locator("a", has_text="軽自動車税に関する事務")
        assert links.count() >= 1
        hrefs = {links.nth(i).evaluate("a => new URL(a.getAttribute('href'), document.baseURI).href")
                 for i in range(links.count())}
        assert hrefs == {site_url + kei}
        table = page.locator("table", has_text="移転先の部署の評価書")
        row = table.locator("tr", has_text="財政部 市民税課")
        assert row.locator("a", has_text="軽自動車税に関する事務").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.close()


def test_risk_comparison_lists_every_assessment_that_answers(browser, site_url: str) -> None:
    key = normalize(TARGET)
    expected = {a.assessment.id for a in answers(GRAPH)[key]}
    assert {a.id for a in GRAPH.assessments if a.record.get("risks")} <= expected
    # every source prints this risk under Ⅲ: 000:L140, 001:L408, 002:L315, 003:L907, 004:L221
    assert expected == {"012033-3", "012033-1", "312011-14", "131032-2", "112224-7"}
    page = browser.new_page()
    page.goto(site_url + urls.RISKS)
    page.get_by_role("link", name=TARGET, exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == TARGET
    shown = {page.evaluate("h => new URL(h, document.baseURI).pathname", h)
             for h in page.locator("article table a").evaluate_all("as => as.map(a => a.getAttribute('href'))")}
    for aid in expected:
        assert f"/{urls.assessment(aid)}" in shown, aid
    assert page.locator("article .pia-rating").count() >= 1
    page.close()


def test_risk_links_reach_the_measure_on_the_assessment_page(site: Path) -> None:
    for items in answers(GRAPH).values():
        for a in items:
            page = site / urls.assessment(a.assessment.id) / "index.html"
            assert a.anchor in parse(page).ids, (a.assessment.id, a.anchor)
    for a in GRAPH.assessments:
        url = urls.assessment_risks(a.id)
        assert any(resolve(site, urls.assessment(a.id), h)[0] == site / url / "index.html"
                   for h in parse(site / urls.assessment(a.id) / "index.html").links)


def test_new_pages_are_in_the_nav(site: Path) -> None:
    home = parse(site / "index.html").links
    for url in (urls.RISKS, urls.OPEN_DATA):
        assert any(resolve(site, "", h)[0] == site / url / "index.html" for h in home), url


def test_reassessment_date_and_home_list(site: Path) -> None:
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
    kei = next(a for a in GRAPH.assessments if a.id == "012033-3")
    assert reassessment_due(kei) == date(2028, 4, 3)
    assert "012033-3" in [a.id for a, _ in due_soon(GRAPH, date(2027, 4, 3))]
    assert "012033-3" not in [a.id for a, _ in due_soon(GRAPH, date(2027, 4, 2))]
    assert "令和10年4月3日" in (site / urls.assessment("012033-3") / "index.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    section = home[home.index('id="reassessment"'):home.index('id="browse"')]
    built = datetime.fromtimestamp(content_epoch(CONTENT), UTC).date()  # the date the site fixture was built with
    for a, _ in due_soon(GRAPH, built):
        assert a.title in section
    # Independently: built on 令和9年6月1日 (SOURCE_DATE_EPOCH in conftest), only 000 (公表日 令和5年4月3日, 000:L20)
    # is due within a year; the other four were published in 令和7-8年 (content/sources/README.md).
    assert built == date(2027, 6, 1) and "令和9年6月1日" in section
    assert section.count("<tr") == 2  # the header row and one assessment
    assert "軽自動車税に関する事務 重点項目評価書" in section and "令和10年4月3日" in section


def test_ended_assessment_is_published_and_marked(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / "assessments" / "012033-3.yaml"
    text = path.read_text(encoding="utf-8")
    ended = "\n終了:\n  終了日: 令和7年3月31日\n  表記: 【令和7年3月31日終了】\n表紙:"
    path.write_text(text.replace("\n表紙:", ended, 1), encoding="utf-8")
    files = source_files(content)
    page = files[urls.source_path(urls.assessment("012033-3"))]
    assert "pia-ended-note" in page and "令和7年3月31日" in page and "終了しているため対象外" in page
    catalogue = json.loads(files[urls.CATALOGUE])
    entry = next(e for e in catalogue["評価書の一覧"] if e["評価書ID"] == "012033-3")
    assert entry["状態"] == "終了" and entry["終了日"]["西暦"] == "2025-03-31"
    assert "012033-3" not in [a.id for a, _ in due_soon(build_graph(load_content(content)), date(2030, 1, 1))]


def test_risk_comparison_pages_are_cut_into_numbered_pages(monkeypatch) -> None:
    """No page grows with the corpus: a label answered more than PAGE_SIZE times spans numbered pages."""
    from generator.outputs.site import all_pages
    from generator.pages import pagination
    from generator.pages.markdown import PageOptions

    monkeypatch.setattr(pagination, "PAGE_SIZE", 2)
    found = answers(GRAPH)
    key, items = max(found.items(), key=lambda kv: len(kv[1]))
    pages = {p.path: p for p in all_pages(GRAPH, PageOptions(date(2027, 6, 1)))}
    total = -(-len(items) // 2)
    numbered = [urls.source_path(urls.numbered(urls.risk(key), n)) for n in range(1, total + 1)]
    assert total >= 2 and all(path in pages for path in numbered)
    assert urls.source_path(urls.numbered(urls.risk(key), total + 1)) not in pages
    texts = [pages[path].make() for path in numbered]
    shown = sum(text.count("<tr><td") for text in texts)
    assert shown == len(items)  # every answer on exactly one page
    assert all(f"{len(items)} 件の回答を 2 件ずつ" in text for text in texts)
