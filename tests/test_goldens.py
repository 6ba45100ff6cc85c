"""The rendered Markdown of a 重点, the 全項目 and one 委託先 page equals the checked-in goldens."""

from __future__ import annotations

import pytest

from .goldens import GOLDEN_DIR, golden_pages

PAGES = golden_pages()


def test_the_three_goldens_are_rendered() -> None:
    assert sorted(PAGES) == ["assessment-012033-3.md", "assessment-131032-2.md", "contractor-nec-hokkaido.md"]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_golden(name: str) -> None:
    expected = (GOLDEN_DIR / name).read_text(encoding="utf-8")
    assert PAGES[name] == expected, f"tests/goldens/{name} differs; run `make goldens` and review the diff"
