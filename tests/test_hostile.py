"""Text from YAML is shown as text: HTML, script, Markdown and Jinja payloads stay inert."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import urls
from generator.build import build_site
from generator.content import load_content
from generator.graph import build_graph

from .conftest import CONTENT, serve

PAYLOAD = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
           '<div id="injected">x</div> | a | b | *bold* _em_ [x](javascript:alert(1)) {{ 7*7 }} {% if 1 %}'
           ' `code` <!-- c --> &amp; \\*')
HOSTILE_LINE = "# heading"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    (content / "assessments").mkdir(parents=True)
    shutil.copytree(CONTENT / "organizations", content / "organizations")
    text = (CONTENT / "assessments" / "012033-3.yaml").read_text(encoding="utf-8")
    quoted = json.dumps(PAYLOAD, ensure_ascii=False)
    text = text.replace("評価書名: 軽自動車税に関する事務 重点項目評価書", f"評価書名: {quoted}", 1)
    text = text.replace("委託先名: 日本電気株式会社北海道支社", f"委託先名: {quoted}", 1)
    text = text.replace("事務の名称: 軽自動車税に関する事務", "事務の名称: " + json.dumps(HOSTILE_LINE), 1)
    assert text.count(PAYLOAD.split("<")[1][:10]) >= 2
    (content / "assessments" / "012033-3.yaml").write_text(text, encoding="utf-8")
    site = root / "site"
    build_site(content, site)
    return content, site


def _pages(content: Path) -> list[str]:
    graph = build_graph(load_content(content))
    entity = next(e for e in graph.entities["itakusaki"].values() if e.name == PAYLOAD)
    return [urls.assessment("012033-3"), entity.url, "", urls.index("itakusaki")]


def test_payload_is_escaped_in_html(hostile_site: tuple[Path, Path]) -> None:
    content, site = hostile_site
    for url in _pages(content):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html
        assert 'id="injected"' not in html
        assert 'href="javascript' not in html
        assert "<strong>bold</strong>" not in html and "<em>em</em>" not in html
        assert "<h1 id=\"heading\"" not in html and "<table" not in html.split("md-content")[0]


def test_payload_shows_as_text_and_never_runs(hostile_site: tuple[Path, Path], browser) -> None:
    content, site = hostile_site
    server, base = serve(site)
    try:
        page = browser.new_page()
        for url in _pages(content):
            page.goto(base + url)
            assert page.evaluate("window.__pwned") is None
            assert page.locator("#injected").count() == 0
            assert page.locator("main a[href^='javascript']").count() == 0
            text = page.locator("main").inner_text()
            assert "<script>window.__pwned=1</script>" in text, url
            assert "{{ 7*7 }}" in text and "[x](javascript:alert(1))" in text and "*bold*" in text
        page.goto(base + urls.assessment("012033-3"))
        assert "# heading" in page.locator("main").inner_text()
        page.close()
    finally:
        server.shutdown()
