"""The built site checked by crawling its HTML, with content/ read as plain YAML as the oracle.

Nothing here asks the generator where a page is (no generator.model.urls, no graph): links are followed as a
browser would, pages are found by what they link to and by their <h1>, and the only URL taken as given is the
one the README documents (`assessments/<団体コード>-<評価書番号>/`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from .plain_yaml import (
    CONTRACTOR,
    FILE,
    FILES,
    RECIPIENT,
    SYSTEM,
    TRANSFEREE,
    canonical_names,
    entries,
    named,
    records,
    squash,
)
from .sitecheck import PageParser, html_pages, page_url, parse, resolve

ENTITIES = (CONTRACTOR, RECIPIENT, TRANSFEREE)


@dataclass(frozen=True)
class Crawl:
    site: Path
    pages: dict[Path, PageParser]

    def targets(self, page: Path, text: str | None = None) -> set[Path]:
        """Existing pages that `page` links to (only links whose text is `text`, compared squashed)."""
        url = page_url(self.site, page)
        found = {resolve(self.site, url, href)[0] for href, label in self.pages[page].anchors
                 if text is None or squash(label) == squash(text)}
        return {p for p in found if p is not None and p in self.pages}

    def both_ways(self, page: Path, text: str) -> list[Path]:
        """Pages linked from `page` by a link reading `text` that link back to `page`."""
        return sorted(p for p in self.targets(page, text) if page in self.targets(p))


@pytest.fixture(scope="module")
def crawl(site: Path) -> Crawl:
    return Crawl(site, {path: parse(path) for path in html_pages(site)})


def assessment_page(site: Path, aid: str) -> Path:
    return site / "assessments" / aid / "index.html"


def test_every_internal_href_and_src_resolves_to_a_file(crawl: Crawl) -> None:
    broken, checked = [], 0
    for path, page in crawl.pages.items():
        url = page_url(crawl.site, path)
        for href in page.links:
            target, fragment = resolve(crawl.site, url, href)
            if target is None:
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{url} → {href}")
            elif fragment and fragment not in (crawl.pages.get(target) or parse(target)).ids:
                broken.append(f"{url} → {href} (anchor)")
        for tag, src in page.sources:
            target, _ = resolve(crawl.site, url, src)
            checked += target is not None
            if target is not None and not target.is_file():
                broken.append(f"{url} → <{tag}> {src}")
    assert broken == []
    assert checked > 10 * len(crawl.pages)


def test_every_assessment_page_shows_the_yaml_title(crawl: Crawl) -> None:
    seen = 0
    for aid, record in records():
        title = record["表紙"]["評価書名"]
        title = title["推定"] if isinstance(title, dict) else title
        assert crawl.pages[assessment_page(crawl.site, aid)].h1 == [title], aid
        seen += 1
    assert seen >= 5


def test_every_system_named_in_the_yaml_has_a_page_linked_both_ways(crawl: Crawl) -> None:
    missing, seen, aliases = [], 0, canonical_names()
    for aid, record in records():
        page = assessment_page(crawl.site, aid)
        for name in named(record["基本情報"], SYSTEM):
            seen += 1
            title = squash(aliases.get(squash(name), name))
            if not any(title in map(squash, crawl.pages[p].h1) for p in crawl.both_ways(page, name)):
                missing.append(f"{aid}: {name}")
    assert missing == []
    assert seen >= 25


def _file_page(crawl: Crawl, aid: str, name: str) -> Path | None:
    """The page linked both ways with the assessment whose <h1> is 「ファイル名(評価書名)」."""
    page = assessment_page(crawl.site, aid)
    for target in sorted(crawl.targets(page)):
        if page in crawl.targets(target) and any(squash(h).startswith(squash(name) + "(") for h in
                                                 crawl.pages[target].h1):
            return target
    return None


def test_every_file_and_every_entity_named_in_it_are_linked_both_ways(crawl: Crawl) -> None:
    """Each 委託先・提供先・移転先 is a link (reading its name) on the assessment page and on its file's page,
    to a page that links back to both."""
    missing, seen = [], 0
    for aid, record in records():
        for number, file in enumerate(record[FILES], 1):
            file_page = _file_page(crawl, aid, file[FILE])
            if file_page is None:
                missing.append(f"{aid}: ファイル{number} {file[FILE]}")
                continue
            for label in ENTITIES:
                for name in named(file, label):
                    seen += 1
                    for page in (assessment_page(crawl.site, aid), file_page):
                        if not crawl.both_ways(page, name):
                            missing.append(f"{aid}: {label} {name} ({page_url(crawl.site, page)})")
    assert missing == []
    assert seen >= 40


ROW = '<td data-label="つながり">{}</td><td data-label="リンク">(.*?)</td>'


def test_every_entry_of_a_file_is_a_link_on_its_page_that_links_back(crawl: Crawl) -> None:
    """Also the entries whose name was lost (判読不能): one link per 委託事項, 提供先 and 移転先 of the YAML, each to a
    page that links back to the file's page."""
    wrong, seen = [], 0
    for aid, record in records():
        for number, file in enumerate(record[FILES], 1):
            page = _file_page(crawl, aid, file[FILE])
            assert page is not None, (aid, number)
            html = page.read_text(encoding="utf-8")
            for label, row in ((CONTRACTOR, "委託先"), (RECIPIENT, "提供先"), (TRANSFEREE, "移転先")):
                expected = len(entries(file, label))
                seen += expected
                found = re.search(ROW.format(row), html, re.S)
                hrefs = re.findall(r'<a href="([^"]*)"', found.group(1)) if found else []
                ends = [resolve(crawl.site, page_url(crawl.site, page), h)[0] for h in hrefs]
                back = [t for t in ends if t in crawl.pages and page in crawl.targets(t)]
                if len(hrefs) != expected or len(back) != expected:
                    wrong.append(f"{aid} ファイル{number} {row}: YAML {expected}, links {len(hrefs)}, back {len(back)}")
    assert wrong == []
    assert seen >= 50
