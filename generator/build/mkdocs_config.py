"""What the build needs to know from mkdocs.yml: its nav (with the entity kinds filled in) and the public URL.

The nav names the entity kinds' 一覧 pages by one placeholder entry, `- ENTITY_KINDS: …`, so that the kinds are
declared only in generator/forms/entities.py; `nav` puts one entry per kind in its place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.forms.entities import ENTITY_KINDS

PLACEHOLDER = "ENTITY_KINDS"


def _config(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def nav(config: Path) -> list[Any]:
    """The `nav:` of mkdocs.yml with its ENTITY_KINDS entry replaced by one 一覧 page per entity kind."""
    out: list[Any] = []
    for item in _config(config).get("nav") or []:
        if isinstance(item, dict) and PLACEHOLDER in item:
            out += [{kind.label: f"{kind.folder}/index.md"} for kind in ENTITY_KINDS.values()]
        else:
            out.append(item)
    return out


def nav_paths(config: Path) -> frozenset[str]:
    """Docs paths listed in `nav:` (every page's navigation links to them, so every partial build needs them)."""

    def walk(items: object) -> Iterator[str]:
        for item in items if isinstance(items, list) else []:
            values = item.values() if isinstance(item, dict) else [item]
            for value in values:
                if isinstance(value, str) and value.endswith(".md"):
                    yield value
                else:
                    yield from walk(value)

    return frozenset(walk(nav(config)))


def site_url_of(config: Path) -> str:
    """`site_url` of mkdocs.yml ('' when unset: the site then works under any base path, without a sitemap)."""
    url = _config(config).get("site_url") or ""
    return url if url.endswith("/") or not url else url + "/"
