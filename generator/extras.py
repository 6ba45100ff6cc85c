"""Page families beyond the core portal, each from its own module: search, editing guide, open data."""

from __future__ import annotations

from .graph import Graph


def extra_files(graph: Graph) -> list[dict[str, str | bytes]]:
    """Files to add to the docs folder (each dict must not overlap the others)."""
    out: list[dict[str, str | bytes]] = []
    return out
