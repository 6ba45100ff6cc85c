"""Helpers that read the built HTML: links, sources, headings (stdlib html.parser only)."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PageParser(HTMLParser):
    """Collects links (and their texts), resource sources, ids and h1 texts of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: list[tuple[str, str]] = []  # (href, text) of every <a href>
        self._anchor: list[str] | None = None
        self.sources: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
            self._anchor = [a["href"] or "", ""]
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.sources.append((tag, a["src"] or ""))
        if (
            tag == "link"
            and a.get("href")
            and (a.get("rel") or "") in ("stylesheet", "preload", "icon", "modulepreload")
        ):
            self.sources.append((tag, a["href"] or ""))
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        if tag == "a" and self._anchor is not None:
            self.anchors.append((self._anchor[0], self._anchor[1]))
            self._anchor = None

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1[-1] += data
        if self._anchor is not None:
            self._anchor[1] += data


def parse(path: Path) -> PageParser:
    p = PageParser()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_url(site: Path, path: Path) -> str:
    """Site-relative URL of a built page ('assessments/x/')."""
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def resolve(site: Path, from_url: str, href: str) -> tuple[Path | None, str]:
    """Target file and fragment of an internal link; (None, '') for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None, ""
    target = (
        posixpath.normpath(
            posixpath.join(posixpath.dirname(from_url) if not from_url.endswith("/") else from_url, unquote(parts.path))
        )
        if parts.path
        else from_url
    )
    path = site / target.lstrip("/")
    if parts.path.endswith("/") or (path.is_dir()):
        path = path / "index.html"
    elif not parts.path:
        path = site / (from_url + "index.html" if from_url.endswith("/") or not from_url else from_url)
    return path, parts.fragment
