"""Printing one 評価書: the whole document in order, no navigation/header/search chrome, link targets shown."""

from __future__ import annotations

from generator.model import urls

from .conftest import ARTIFACTS

CHROME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".pia-search-band", ".md-footer")


def test_print_layout_of_an_assessment(page, site_url: str) -> None:
    page.goto(site_url + urls.assessment("012033-3"))
    page.emulate_media(media="print")
    hidden = page.evaluate("sels => sels.map(s => { const e = document.querySelector(s);"
                           " return e === null || getComputedStyle(e).display === 'none' })", list(CHROME))
    assert all(hidden), dict(zip(CHROME, hidden, strict=True))
    chapters = page.eval_on_selector_all("article h2", "hs => hs.map(h => h.textContent.replace('#', '').trim())")
    assert chapters[:5] == ["この評価書の要点", "評価書の基本事項", "表紙", "Ⅰ 基本情報",
                            "Ⅱ 特定個人情報ファイルの概要"]
    assert "(別添2) 変更箇所" in chapters and chapters.index("Ⅴ 評価実施手続") < chapters.index("(別添2) 変更箇所")
    after = page.evaluate(
        "getComputedStyle(document.querySelector('article a[href^=\"../../organizations\"]'), '::after').content")
    assert "organizations" in after
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / "assessment-012033-3.pdf"))
    assert pdf[:4] == b"%PDF" and len(pdf) > 50_000
