"""sitemap.xml: every page when site_url is set, made once for the whole site (so shards merge)."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree

from generator.build.mkdocs_config import nav_paths, site_url_of
from generator.outputs.sitemap import sitemap_files

from .conftest import ROOT

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_every_page_under_the_site_url() -> None:
    files = sitemap_files("https://example.jp/pia/", ["index.html", "assessments/012033-3/index.html"])
    locs = [e.text for e in ElementTree.fromstring(files["sitemap.xml"]).iter(f"{NS}loc")]
    assert locs == ["https://example.jp/pia/assessments/012033-3/", "https://example.jp/pia/"]
    assert gzip.decompress(files["sitemap.xml.gz"]) == files["sitemap.xml"]
    assert files["sitemap.xml.gz"] == sitemap_files("https://example.jp/pia/", ["index.html",
                                                     "assessments/012033-3/index.html"])["sitemap.xml.gz"]


def test_without_a_site_url_the_sitemap_is_empty_but_valid() -> None:
    root = ElementTree.fromstring(sitemap_files("", ["index.html"])["sitemap.xml"])
    assert root.tag == f"{NS}urlset" and list(root) == []


def test_site_url_and_nav_come_from_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://example.jp/pia\nnav:\n  - ホーム: index.md\n  - 運営者向け:\n"
                      "      - 編集ガイド: guide/index.md\n", encoding="utf-8")
    assert site_url_of(config) == "https://example.jp/pia/"
    assert nav_paths(config) == {"index.md", "guide/index.md"}
    assert "index.md" in nav_paths(ROOT / "mkdocs.yml")
