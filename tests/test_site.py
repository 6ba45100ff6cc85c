"""Whole-site build: assertions on the real HTML that mkdocs produced from content/.

Links, titles and every named entity are checked by crawling in tests/test_site_crawl.py; the expectations here
are hand-read from content/sources/ (cited) and content/fidelity.yaml, never computed by the generator.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .conftest import CONTENT
from .sitecheck import html_pages, page_url, parse

FIDELITY = yaml.safe_load((CONTENT / "fidelity.yaml").read_text(encoding="utf-8"))


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
    stat = r'<span class="pia-stat-number">([0-9]+)</span><span class="pia-stat-label">([^<]+)</span>'
    numbers = {label: int(n) for n, label in re.findall(stat, html)}
    assert numbers["団体"] == 4  # 小樽市, 鳥取市, 港区, 越谷市 (content/sources/README.md)
    assert numbers["評価書"] == len(FIDELITY) == 5
    assert numbers["特定個人情報ファイル"] == sum(len(entry["ファイル"]) for entry in FIDELITY.values())
    # the newest of the five: 004, 公表日 令和8年1月26日 (content/sources/README.md), title 004:L6 + 「書」 (推定)
    assert "軽自動車税(種別割)賦課に関する事務 重点項目評価書" in html


def test_timeline_is_newest_first(site: Path) -> None:
    html = (site / "assessments" / "012033-3" / "index.html").read_text(encoding="utf-8")
    timeline = html[html.index('class="pia-timeline"'):]
    assert timeline.index("令和5年4月3日") < timeline.index("平成28年4月28日")  # 000:L231 is the oldest row
    assert "変更 22 件" in timeline  # 000:L231-262
