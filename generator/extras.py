"""Page families beyond the core portal, each from its own module: search, editing guide, open data."""

from __future__ import annotations

from .graph import Graph


def extra_files(graph: Graph) -> list[dict[str, str | bytes]]:
    """Files to add to the docs folder (each dict must not overlap the others)."""
    out: list[dict[str, str | bytes]] = []
    out.append(_open_data(graph))
    out.append(_risk_pages(graph))
    return out


def _open_data(graph: Graph) -> dict[str, str | bytes]:
    from .opendata import open_data_files

    return open_data_files(graph)


def _risk_pages(graph: Graph) -> dict[str, str | bytes]:
    from .views.risk_pages import risk_files

    return dict(risk_files(graph))
