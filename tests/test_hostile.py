"""Hostile content: payloads stay text, links only go to the web or the site, CSV cells never run,
and every bad input or bad --content is a `path:line` error, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build.pipeline import build_site
from generator.load.content import load_content
from generator.load.limits import MAX_ERRORS_SHOWN
from generator.load.weburl import is_web_url, safe_href
from generator.model import urls
from generator.model.graph import build_graph
from generator.outputs.opendata.tables import neutralise
from generator.pages.html import link, tag

from .casefiles import MINIMAL, make_case, run_cli
from .conftest import CONTENT, serve

PAYLOAD = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
           '<div id="injected">x</div> | a | b | *bold* _em_ [x](javascript:alert(1)) {{ 7*7 }} {% if 1 %}'
           ' `code` <!-- c --> &amp; \\*')
HOSTILE_LINE = "# heading"
FORMULA = '=HYPERLINK("http://evil.example/","x")'
SYSTEM_FORMULA = "@SUM(1+1)"


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
    text = text.replace("委託事項名: 軽自動車税システムの運用保守", "委託事項名: " + json.dumps(FORMULA), 1)
    text = text.replace("システムの名称: 軽自動車税システム\n", f"システムの名称: {json.dumps(SYSTEM_FORMULA)}\n", 1)
    assert json.dumps(FORMULA) in text and SYSTEM_FORMULA in text
    assert text.count(PAYLOAD.split("<")[1][:10]) >= 2
    (content / "assessments" / "012033-3.yaml").write_text(text, encoding="utf-8")
    site = root / "site"
    build_site(content, site)
    return content, site


def _pages(content: Path) -> list[str]:
    graph = build_graph(load_content(content))
    entity = next(e for e in graph.entities["contractor"].values() if e.name == PAYLOAD)
    return [urls.assessment("012033-3"), entity.url, "", urls.index("contractor")]


def test_payload_is_escaped_in_html(hostile_site: tuple[Path, Path]) -> None:
    content, site = hostile_site
    for url in _pages(content):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html
        assert 'id="injected"' not in html
        assert 'href="javascript' not in html
        assert "<strong>bold</strong>" not in html and "<em>em</em>" not in html
        assert "<h1 id=\"heading\"" not in html and "<table" not in html.split("md-content")[0]


@pytest.fixture()
def hostile_page(hostile_site: tuple[Path, Path], browser):
    """(content folder, base URL of the served hostile site, a fresh Chromium page)."""
    content, site = hostile_site
    server, base = serve(site)
    page = browser.new_page()
    try:
        yield content, base, page
    finally:
        page.close()
        server.shutdown()


def test_payload_shows_as_text_and_never_runs(hostile_page) -> None:
    content, base, page = hostile_page
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


def test_no_page_of_the_hostile_site_has_a_link_that_runs_code(hostile_page) -> None:
    """Every <a> in HTML and SVG, on every page, goes to http(s): the site itself or the web."""
    content, base, page = hostile_page
    for url in _pages(content):
        page.goto(base + url)
        schemes = page.evaluate("""() => [...document.querySelectorAll('a[href], area[href], [*|href]')]
            .map(a => new URL(a.getAttribute('href') ?? a.getAttribute('xlink:href'), location.href).protocol)""")
        assert schemes and set(schemes) <= {"http:", "https:"}, (url, sorted(set(schemes)))


def _csv_rows(site: Path, name: str) -> list[dict[str, str]]:
    text = (site / urls.data_file(name)).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote(hostile_site: tuple[Path, Path]) -> None:
    _, site = hostile_site
    itaku = [r for r in _csv_rows(site, "entrustments.csv") if r["評価書ID"] == "012033-3"]
    assert "'" + FORMULA in [r["委託事項"] for r in itaku]
    assert not [r for r in itaku if r["委託事項"].startswith(("=", "+", "-", "@"))]
    systems = [r["システムの名称"] for r in _csv_rows(site, "systems.csv") if r["評価書ID"] == "012033-3"]
    assert "'" + SYSTEM_FORMULA in systems
    record = (site / urls.assessment_json("012033-3")).read_text(encoding="utf-8")
    assert json.dumps(FORMULA, ensure_ascii=False) in record and json.dumps(SYSTEM_FORMULA) in record  # exact


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised(value: str) -> None:
    assert neutralise(value) == "'" + value
    assert neutralise("a" + value) == "a" + value


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "\x01javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
    "//evil.example/", "\\\\evil.example/", "/\\evil.example/", "file:///etc/passwd", "https://", "http:// x",
])
def test_links_that_could_run_code_or_leave_quietly_are_text(href: str) -> None:
    assert not safe_href(href)
    assert link(href, "x") == '<span>x</span>'
    assert "href" not in tag("a", "x", href=href)


@pytest.mark.parametrize("href", ["https://www.city.otaru.lg.jp/", "http://example.jp/a?b=c#d", "../dantai/012033/",
                                  "#heading", "data.json", "x/y:z"])
def test_web_and_site_links_stay_links(href: str) -> None:
    assert safe_href(href)
    assert str(link(href, "x")).startswith("<a href=")


def test_a_url_field_holds_only_web_addresses() -> None:
    assert is_web_url("https://www.city.minato.tokyo.jp/")
    for bad in ("javascript:alert(1)", "data:,x", "www.city.example.jp", "https://", "https://a b/", "ftp://x.jp/"):
        assert not is_web_url(bad), bad


# -- --content that is missing, empty, a file, or leads outside -------------------------------------------------


def _run(*args: str, cwd: Path, real: bool = False) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd, real=real)


# "missing" runs a real `python -m generator` process; the other kinds call the same main() in this process.
@pytest.mark.parametrize("kind", ["missing", "empty", "file", "no_assessments"])
def test_bad_content_folder_is_refused_before_anything_is_written(kind: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    if kind == "empty":
        content.mkdir()
    elif kind == "file":
        content.write_text("x", encoding="utf-8")
    elif kind == "no_assessments":
        shutil.copytree(MINIMAL / "organizations", content / "organizations")
        (content / "assessments").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    check = _run("check", "--content", "content", cwd=tmp_path, real=kind == "missing")
    build = _run("build", "--content", "content", "--site", "out/site", cwd=tmp_path, real=kind == "missing")
    for result in (check, build):
        assert result.returncode == 1, result
        assert "Traceback" not in result.stderr and result.stderr.startswith(("content", "content/assessments")), result
        assert "OK" not in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "nothing written: no out/, no lock"


def test_a_symlink_out_of_content_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("団体コード: SECRET-TOKEN-123\n", encoding="utf-8")
    content = make_case("unknown_org", tmp_path / "content")
    (content / "organizations" / "011002.yaml").symlink_to(secret)
    (content / "assessments" / "999999-1.yaml").symlink_to("../../secret.yaml")
    result = _run("check", "--content", ".", cwd=content)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "SECRET" not in result.stderr + result.stdout
    assert "organizations/011002.yaml: 内容のフォルダの外を指すリンク" in result.stderr
    assert "assessments/999999-1.yaml: 内容のフォルダの外を指すリンク" in result.stderr


def test_check_prints_a_limited_number_of_errors(tmp_path: Path) -> None:
    content = shutil.copytree(MINIMAL, tmp_path / "content")
    path = content / "assessments" / "012033-3.yaml"
    extra = "".join(f"不明な項目{i}: x\n" for i in range(MAX_ERRORS_SHOWN + 150))
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = _run("check", "--content", ".", cwd=content)
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert len(lines) == MAX_ERRORS_SHOWN + 2
    total = MAX_ERRORS_SHOWN + 150
    assert lines[-2:] == ["…ほか 150 件 (and 150 more)", f"エラー {total} 件 ({total} error(s))"]


def test_invisible_characters_never_make_a_second_identical_looking_name() -> None:
    """`check` refuses them (broken fixtures zero_width_space, bidi_override); comparison drops them too."""
    from generator.load.names import normalize, slug

    hidden_spellings = ("株式会社\u200b小樽印刷", "\ufeff株式会社小樽印刷", "株式会社\u2060小樽印刷\u200d",
                        "株式会社\u202e小樽印刷\u202c")
    for hidden in hidden_spellings:
        assert normalize(hidden) == normalize("株式会社小樽印刷")
        assert slug(hidden) == slug("株式会社小樽印刷")
