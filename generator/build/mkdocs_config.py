"""What the build needs to know from mkdocs.yml: the pages in its nav and the site's public URL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml


def _config(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


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

    return frozenset(walk(_config(config).get("nav")))


def site_url_of(config: Path) -> str:
    """`site_url` of mkdocs.yml ('' when unset: the site then works under any base path, without a sitemap)."""
    url = _config(config).get("site_url") or ""
    return url if url.endswith("/") or not url else url + "/"
