"""The source texts are in the repository and published beside the pages they back (issue #12 item 2)."""

from __future__ import annotations

from pathlib import Path

from .conftest import CONTENT
from .plain_yaml import records
from .sitecheck import page_url, parse, resolve


def test_every_assessment_links_its_source_text_and_the_site_publishes_it(site: Path) -> None:
    """Followed from the assessment page (no URL computed by the generator), a link reaches the same bytes."""
    for aid, record in records():
        source = (CONTENT / "sources" / record["出典"]).read_bytes()
        page = site / "assessments" / aid / "index.html"
        targets = {resolve(site, page_url(site, page), href)[0] for href in parse(page).links}
        assert any(t is not None and t.is_file() and t.read_bytes() == source for t in targets), aid
