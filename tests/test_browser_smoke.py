"""A citizen's path through the portal in Chromium, and phone/desktop screenshots."""

from __future__ import annotations

import pytest

from generator.model import urls

from . import real_content
from .conftest import ARTIFACTS

NEC = next(e for e in real_content.graph().entities["contractor"].values()
           if e.name == "日本電気株式会社北海道支社")

WIDTHS = {"phone": 390, "desktop": 1280}


def test_home_to_contractors_to_assessment_to_file_and_back(page, site_url: str) -> None:
    page.goto(site_url)
    page.locator("a.pia-stat", has_text="委託先").click()
    assert page.url.endswith("/contractors/")
    page.locator("main table a", has_text="日本電気株式会社北海道支社").click()
    assert page.locator("h1").inner_text() == "日本電気株式会社北海道支社"
    page.locator(".pia-where a", has_text="軽自動車税に関する事務").first.click()
    assert page.url.endswith("/assessments/012033-3/")
    page.locator(".pia-more a", has_text="このファイルのページ").first.click()
    assert page.url.endswith("/assessments/012033-3/files/1/")
    assert "軽自動車税ファイル" in page.locator("h1").inner_text()
    assert page.locator("main a", has_text="日本電気株式会社北海道支社").count() >= 1
    page.go_back()
    assert page.url.endswith("/assessments/012033-3/")


@pytest.mark.parametrize("device", sorted(WIDTHS))
@pytest.mark.parametrize("name,url", [("home", urls.HOME), ("assessment", urls.assessment("012033-1")),
                                      ("contractor", NEC.url)])
def test_screenshots_without_horizontal_scroll(browser, site_url: str, device: str, name: str, url: str) -> None:
    context = browser.new_context(viewport={"width": WIDTHS[device], "height": 900})
    page = context.new_page()
    page.goto(site_url + url)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{device}.png"), full_page=False)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"{url} scrolls horizontally by {overflow}px at {WIDTHS[device]}px"
