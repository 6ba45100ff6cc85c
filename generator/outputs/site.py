"""The registry of everything in the docs folder: every file comes from one of FAMILIES.

Each family is a function `(graph, options) -> Iterable[Page]` (pages/pages.py): it lists its pages and says
which records each one reads, without rendering anything yet. The build loops over the registry, so adding a
page family is one function and one line here. The registry sits in outputs, above pages, because open data
and the search page are families too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from generator.model import urls
from generator.model.graph import Graph
from generator.outputs.opendata import open_data_pages
from generator.outputs.search import search_page_markdown
from generator.pages.families import (
    about,
    assessments,
    entities,
    guide,
    home,
    organizations,
    prefectures,
    risks,
    sources,
)
from generator.pages.markdown import PageOptions
from generator.pages.pages import Page, reads, unique
from generator.pages.redirects import redirects


def open_data(graph: Graph, options: PageOptions) -> Iterable[Page]:
    return open_data_pages(graph)


def search(graph: Graph, options: PageOptions) -> Iterator[Page]:
    yield Page(urls.source_path(urls.SEARCH), reads(), search_page_markdown)


FAMILIES: tuple[Callable[[Graph, PageOptions], Iterable[Page]], ...] = (
    home, assessments, organizations, prefectures, entities, risks, open_data, sources, about, guide, search, redirects,
)


def all_pages(graph: Graph, options: PageOptions) -> list[Page]:
    """Every page of the site, sorted by path (nothing is rendered yet)."""
    return sorted(unique(p for family in FAMILIES for p in family(graph, options)), key=lambda p: p.path)


def render_site(graph: Graph, options: PageOptions | None = None) -> dict[str, str | bytes]:
    """Every file of the docs folder rendered: `{docs path: Markdown or bytes}` (for tests and goldens)."""
    opts = options or PageOptions(date(1970, 1, 1))
    return {p.path: p.make() for p in all_pages(graph, opts)}
