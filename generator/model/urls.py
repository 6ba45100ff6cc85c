"""Every URL of the portal, computed here and nowhere else.

URLs are site-relative directory URLs ('assessments/012033-3/'); they depend only on
explicit ids (団体コード, 評価書番号, file number) or on a hash of an entity's canonical
name, so unrelated content changes never move a page.
"""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from generator.forms.entities import ENTITY_KINDS
from generator.load.names import slug

HOME = ""
SEARCH = "search/"
GUIDE = "guide/"
OPEN_DATA = "open-data/"
RISKS = "risks/"
ABOUT = "about/"
ACCESSIBILITY = "accessibility/"
FEED = "feed.xml"
CATALOGUE = "data/assessments.json"
SCHEMA = "data/schema/assessment.schema.json"
CATALOGUE_SCHEMA = "data/schema/catalogue.schema.json"


def assessment(aid: str) -> str:
    return f"assessments/{aid}/"


def file(aid: str, number: int) -> str:
    return f"assessments/{aid}/files/{number}/"


def assessment_risks(aid: str) -> str:
    """リスク対策の自己評価 of one assessment (a table of its answers)."""
    return f"assessments/{aid}/risks/"


def assessment_json(aid: str) -> str:
    """Published open-data record of one assessment (a file, not a page)."""
    return f"data/assessments/{aid}.json"


def source_text(name: str) -> str:
    """A source text (content/sources/<name>) as published: a file, not a page."""
    return f"sources/{name}"


def data_file(name: str) -> str:
    """An open-data file (CSV) by its ASCII name."""
    return f"data/{name}"


def risk(label_key: str) -> str:
    """リスク対策の比較 page of one risk label (normalised label → hash, like entity URLs)."""
    return f"risks/{slug(label_key)}/"


def organization(code: str) -> str:
    return f"organizations/{code}/"


def prefecture(code: int) -> str:
    """The 団体 of one 都道府県 (JIS X 0401 code 1–47)."""
    return f"organizations/prefectures/{code:02d}/"


def entity(kind: str, key: str) -> str:
    return f"{ENTITY_KINDS[kind].folder}/{slug(key)}/"


def index(section: str) -> str:
    """一覧 page of a section: 'assessments', 'organizations', 'files' or an entity kind."""
    return f"{ENTITY_KINDS[section].folder if section in ENTITY_KINDS else section}/"


def numbered(url: str, n: int) -> str:
    """Page n of a paginated page: the page itself, then 'url/2/', 'url/3/' …"""
    return url if n == 1 else f"{url}{n}/"


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


def relative_file(from_url: str, to_path: str) -> str:
    """Link from a page to a file (data/x.csv, feed.xml): no trailing slash."""
    return posixpath.relpath(to_path, from_url or ".")


def anchor_id(path: str) -> Markup:
    """HTML id from a key path: ASCII letters, digits and hyphens only (safe unescaped)."""
    return Markup("".join(c if c.isascii() and c.isalnum() else "-" for c in path).strip("-"))
