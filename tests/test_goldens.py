"""The rendered Markdown of a 重点, the 全項目 and one 委託先 page equals the checked-in goldens.

This only detects change (`make goldens` accepts anything); tests/test_golden_facts.py checks the goldens
against the source texts.
"""

from __future__ import annotations

import pytest

from .goldens import GOLDEN_DIR, golden_pages

NAMES = ["assessment-012033-3.md", "assessment-131032-2.md", "contractor-nec-hokkaido.md"]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return golden_pages()


def test_the_three_goldens_are_rendered_and_checked_in(pages: dict[str, str]) -> None:
    assert sorted(pages) == NAMES
    assert sorted(p.name for p in GOLDEN_DIR.glob("*.md")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_page_matches_golden(name: str, pages: dict[str, str]) -> None:
    expected = (GOLDEN_DIR / name).read_text(encoding="utf-8")
    assert pages[name] == expected, f"tests/goldens/{name} differs; run `make goldens` and review the diff"
