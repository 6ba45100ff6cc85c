"""The source texts are in the repository and published beside the pages they back (issue #12 item 2)."""

from __future__ import annotations

from pathlib import Path

from generator.model import urls

from . import real_content
from .conftest import CONTENT
from .sitecheck import parse


def test_every_assessment_links_its_source_text_and_the_site_publishes_it(site: Path) -> None:
    for a in real_content.content().assessments:
        name = a.record["source"]
        published = site / urls.source_text(name)
        assert published.read_bytes() == (CONTENT / "sources" / name).read_bytes()
        page = site / urls.assessment(a.id) / "index.html"
        targets = {(page.parent / href).resolve() for href in parse(page).links if not href.startswith("http")}
        assert published.resolve() in targets, a.id
