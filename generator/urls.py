"""Every URL of the portal, computed here and nowhere else.

URLs are site-relative directory URLs ('assessments/012033-3/'); they depend only on
explicit ids (団体コード, 評価書番号, file number) or on a hash of an entity's canonical
name, so unrelated content changes never move a page.
"""

from __future__ import annotations

import posixpath

from .names import slug

KIND_DIRS = {"system": "systems", "itakusaki": "itakusaki", "teikyosaki": "teikyosaki", "itensaki": "itensaki"}
HOME = ""
SEARCH = "search/"
GUIDE = "guide/"
OPEN_DATA = "open-data/"


def assessment(aid: str) -> str:
    return f"assessments/{aid}/"


def file(aid: str, number: int) -> str:
    return f"assessments/{aid}/files/{number}/"


def organization(code: str) -> str:
    return f"organizations/{code}/"


def entity(kind: str, key: str) -> str:
    return f"{KIND_DIRS[kind]}/{slug(key)}/"


def index(section: str) -> str:
    """一覧 page of a section: 'assessments', 'organizations', 'files' or an entity kind."""
    return f"{KIND_DIRS.get(section, section)}/"


def source_path(url: str) -> str:
    """The Markdown file mkdocs turns into `url` (directory URLs)."""
    return f"{url}index.md"


def relative(from_url: str, to_url: str) -> str:
    """Link from one page to another, relative so the site works under any base path."""
    rel = posixpath.relpath(to_url or ".", from_url or ".")
    anchor = ""
    if "#" in to_url:
        to_url, anchor = to_url.split("#", 1)
        rel = posixpath.relpath(to_url or ".", from_url or ".")
        anchor = "#" + anchor
    return ("./" if rel == "." else rel + "/") + anchor
