"""Old addresses keep working: a page that moved leaves a small HTML file at its old URL that sends the reader on.

Entity pages moved when the URL folders became English (itakusaki/ → contractors/, …: forms/entities.py
`legacy_folder`). A static host cannot answer with HTTP 301, so each old page is a meta refresh with a
canonical link and a plain link for readers without automatic redirects; search engines are told not to index it.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup, escape

from generator.forms.entities import ENTITY_KINDS, EntityKind
from generator.model import urls
from generator.model.graph import Entity, Graph
from generator.pages.entities import index_urls, page_urls
from generator.pages.markdown import PageOptions
from generator.pages.pages import ALL, Page, reads

LEGACY_FOLDERS = frozenset(kind.legacy_folder for kind in ENTITY_KINDS.values() if kind.legacy_folder)


def redirect_html(old_url: str, new_url: str) -> bytes:
    """The page left at `old_url` (both site-relative directory URLs)."""
    target = escape(urls.relative(old_url, new_url))
    return (Markup(
        '<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>ページは移動しました</title>\n'
        '<meta name="robots" content="noindex">\n<meta http-equiv="refresh" content="0; url={0}">\n'
        '<link rel="canonical" href="{0}">\n</head>\n<body>\n'
        '<p>このページは移動しました: <a href="{0}">新しいページ</a></p>\n</body>\n</html>\n'
    ).format(target)).encode("utf-8")


def _moved(old_folder: str, url: str) -> str:
    return old_folder + url[url.index("/"):]


def _old_entity_url(kind: EntityKind, entity: Entity, url: str) -> str:
    """The URL an entity page had: an unreadable name's key named its kind by the old folder (graph._add)."""
    old_key = entity.key.replace(f":{kind.key}:", f":{kind.legacy_folder}:")
    return _moved(kind.legacy_folder, url.replace(urls.entity(kind.key, entity.key), urls.entity(kind.key, old_key)))


def redirects(graph: Graph, options: PageOptions) -> Iterator[Page]:
    """One redirect per page of a moved folder: the 一覧 pages (read ALL, as the 一覧 does) and every entity page."""
    for kind in ENTITY_KINDS.values():
        if not kind.legacy_folder:
            continue
        for url in index_urls(graph, kind.key):
            old = _moved(kind.legacy_folder, url)
            yield Page(old + "index.html", reads(ALL), lambda old=old, url=url: redirect_html(old, url))
        for entity in graph.entities[kind.key].values():
            for url in page_urls(entity):
                old = _old_entity_url(kind, entity, url)
                yield Page(old + "index.html", reads(r.assessment.id for r in entity.refs),
                           lambda old=old, url=url: redirect_html(old, url))
