"""Pages that never grow with the corpus: a long list is cut into numbered pages of PAGE_SIZE rows.

Page 1 keeps the list's own URL; page n is 'url/n/' (urls.numbered). Every page carries the same pager.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from markupsafe import Markup

from generator.model import urls
from generator.pages.html import join, link, tag

PAGE_SIZE = 200
T = TypeVar("T")


def page_count(items: int) -> int:
    return max(1, -(-items // PAGE_SIZE))


def page_of(items: Sequence[T], n: int) -> Sequence[T]:
    """The rows of page n (1-based)."""
    return items[(n - 1) * PAGE_SIZE: n * PAGE_SIZE]


def pager(base_url: str, page_url: str, n: int, total: int) -> Markup:
    """Links to every page of the list, the current one marked (nothing when there is one page)."""
    if total <= 1:
        return Markup("")
    items = [tag("li", tag("span", str(i), aria_current="page") if i == n
                 else link(urls.relative(page_url, urls.numbered(base_url, i)), str(i))) for i in range(1, total + 1)]
    return tag("nav", tag("ul", join(items), class_="pia-pager"), aria_label="ページ")
