"""Page families beyond the core portal, each from its own module: search, editing guide, open data."""

from __future__ import annotations

from .graph import Graph


def extra_files(graph: Graph) -> list[dict[str, str | bytes]]:
    """Files to add to the docs folder (each dict must not overlap the others)."""
    out: list[dict[str, str | bytes]] = []
    out.append(_open_data(graph))
    out.append(_risk_pages(graph))
    out.append(_guide())
    return out


def _guide() -> dict[str, str | bytes]:
    """The editing guide, generated from the form specs, published as a page of the portal."""
    from . import urls
    from .guide import guide_text

    front = '---\ntitle: "データ仕様・編集ガイド"\n---\n'
    return {urls.source_path(urls.GUIDE): front + guide_text()}


def _open_data(graph: Graph) -> dict[str, str | bytes]:
    from .opendata import open_data_files

    return open_data_files(graph)


def _risk_pages(graph: Graph) -> dict[str, str | bytes]:
    from .views.risk_pages import risk_files

    return dict(risk_files(graph))
