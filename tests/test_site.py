"""Whole-site build: assertions on the real HTML that mkdocs produced from content/."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.content import load_content
from generator.model import urls
from generator.model.graph import build_graph

from .conftest import CONTENT
from .sitecheck import html_pages, page_url, parse, resolve

GRAPH = build_graph(load_content(CONTENT))


def _page(site: Path, url: str) -> Path:
    return site / urls.source_path(url).replace("index.md", "index.html")


def _links_to(site: Path, from_url: str, to_url: str) -> bool:
    src = _page(site, from_url)
    return any(resolve(site, from_url, href)[0] == _page(site, to_url) for href in parse(src).links)


def test_every_assessment_has_its_page_with_its_title(site: Path) -> None:
    assert len(GRAPH.assessments) >= 4
    for a in GRAPH.assessments:
        page = parse(_page(site, urls.assessment(a.id)))
        assert page.h1 == [a.title]


@pytest.mark.parametrize("kind", ["system", "contractor", "recipient", "transferee"])
def test_every_entity_has_a_page_linked_both_ways(site: Path, kind: str) -> None:
    for entity in GRAPH.entities[kind].values():
        assert _page(site, entity.url).exists(), entity.name
        for a in entity.assessments:
            assert _links_to(site, entity.url, urls.assessment(a.id)), (entity.name, a.id)
            assert _links_to(site, urls.assessment(a.id), entity.url), (a.id, entity.name)


def test_every_file_has_a_page_linked_both_ways(site: Path) -> None:
    for a in GRAPH.assessments:
        for node in GRAPH.files[a.id]:
            assert _links_to(site, urls.assessment(a.id), node.url)
            assert _links_to(site, node.url, urls.assessment(a.id))
            for kind in ("contractor", "recipient", "transferee"):
                for entity in node.links[kind]:
                    assert _links_to(site, node.url, entity.url)
                    assert _links_to(site, entity.url, node.url)


def test_nec_hokkaido_page_links_to_both_otaru_assessments(site: Path) -> None:
    nec = next(e for e in GRAPH.entities["contractor"].values() if e.name == "日本電気株式会社北海道支社")
    otaru = [a.id for a in GRAPH.assessments if a.org_code == "012033"]
    assert len(otaru) == 2
    for aid in otaru:
        assert _links_to(site, nec.url, urls.assessment(aid))


def test_zero_broken_internal_links(site: Path) -> None:
    parsed = {path: parse(path) for path in html_pages(site)}
    broken = []
    for path, page in parsed.items():
        url = page_url(site, path)
        for href in page.links:
            target, fragment = resolve(site, url, href)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{url} → {href}")
            elif fragment and fragment not in (parsed.get(target) or parse(target)).ids:
                broken.append(f"{url} → {href} (anchor)")
    assert broken == []


def test_nothing_is_loaded_from_outside_the_site(site: Path) -> None:
    external = [(page_url(site, p), tag, src) for p in html_pages(site) for tag, src in parse(p).sources
                if src.startswith(("http:", "https:", "//"))]
    assert external == []
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_home_shows_counts_and_latest(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    for label in ("団体", "評価書", "システム", "特定個人情報ファイル", "委託先", "提供先", "移転先"):
        assert f'<span class="pia-stat-label">{label}</span>' in html
    assert html.count('class="pia-stat"') == 7
    newest = max(GRAPH.assessments, key=lambda a: a.record["cover"]["published"].sort_key())
    assert newest.title in html


def test_timeline_is_newest_first(site: Path) -> None:
    html = _page(site, urls.assessment("012033-3")).read_text(encoding="utf-8")
    timeline = html[html.index('class="pia-timeline"'):]
    assert timeline.index("令和5年4月3日") < timeline.index("平成28年4月28日")
    assert "変更 22 件" in timeline
