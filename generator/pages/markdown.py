"""Markdown pages from Jinja templates: the one way a page family turns context into page text."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from generator.model import urls
from generator.pages.context import environment
from generator.pages.pages import Page


@dataclass(frozen=True)
class PageOptions:
    """What pages may know about the build beyond the records: only the build date (the 基準日)."""

    today: date
    content_dir: Path | None = None  # where the source texts are read from (None: they are not published)


@functools.cache
def _env():  # one Jinja environment per process: templates compile once
    return environment()


def markdown(url: str, template: str, **context: object) -> str:
    """Render one Markdown page; `rel(target)` in templates links relative to this page."""
    context.setdefault("rel", lambda target: Markup(urls.relative(url, target)))
    return _env().get_template(template).render(**context)


def md_page(url: str, read: frozenset[str], template: str, **context: object) -> Page:
    """A Markdown page whose context values are made lazily: callables are called at render time."""

    def make() -> str:
        return markdown(url, template, **{k: v() if callable(v) and k != "rel" else v for k, v in context.items()})

    return Page(urls.source_path(url), read, make)
