"""The one contract every page family follows: a Page says where it goes, what it reads, how to make it.

Why lazy: the build lists every page first (cheap), then makes only the pages it needs — all of them in a
clean build, only those whose inputs changed in an incremental one, only its own part in a shard. `reads`
is what makes that possible, so it must name every record the page shows: an assessment id (which
covers its 団体 record too), `org:<code>` for a 団体 with no assessments, or ALL for pages that
summarise the whole corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

ALL = "*"


@dataclass(frozen=True)
class Page:
    """One file of the docs folder: Markdown pages go through mkdocs, other files are copied as they are."""

    path: str
    reads: frozenset[str]
    make: Callable[[], str | bytes]

    @property
    def is_markdown(self) -> bool:
        return self.path.endswith(".md")

    @property
    def output(self) -> str:
        return output_of(self.path)


def output_of(path: str) -> str:
    """Path of the built file in the site for a docs path ('a/index.md' → 'a/index.html'; others unchanged)."""
    return path[:-3] + ".html" if path.endswith(".md") else path


def reads(*keys: str | Iterable[str]) -> frozenset[str]:
    """A reads set from ids and iterables of ids."""
    out: set[str] = set()
    for key in keys:
        out.update([key] if isinstance(key, str) else key)
    return frozenset(out)


def unique(pages: Iterable[Page]) -> Iterator[Page]:
    """Pass pages through, refusing a path made twice (two families must never write one file)."""
    seen: set[str] = set()
    for page in pages:
        assert page.path not in seen, f"page made twice: {page.path}"
        seen.add(page.path)
        yield page
