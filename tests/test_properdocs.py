"""Exit plan: the same generated Markdown builds with ProperDocs (maintained fork of mkdocs 1.6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.mkdocs_config import nav
from generator.build.pipeline import CONFIG, build_site
from generator.load.content import load_content
from generator.model import urls
from generator.model.graph import build_graph

from .conftest import CONTENT
from .sitecheck import parse

pytestmark = pytest.mark.slow  # whole-site builds


def test_properdocs_builds_every_page(tmp_path: Path) -> None:
    from properdocs.commands.build import build
    from properdocs.config import load_config

    docs = tmp_path / "docs"
    build_site(CONTENT, tmp_path / "site", docs_out=docs)
    out = tmp_path / "properdocs-site"
    build(load_config(config_file=str(CONFIG), docs_dir=str(docs), site_dir=str(out), strict=True, nav=nav(CONFIG)))
    graph = build_graph(load_content(CONTENT))
    assert (out / "index.html").exists()
    for a in graph.assessments:
        page = out / urls.assessment(a.id) / "index.html"
        assert parse(page).h1 == [a.title]
    generated = {p.relative_to(docs).with_name("index.html").as_posix() for p in docs.rglob("index.md")}
    built = {p.relative_to(out).as_posix() for p in out.rglob("index.html")}
    assert generated <= built
