"""The Jinja environment (escaping by default) and per-page link resolution."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

import jinja2
from markupsafe import Markup

from generator.forms.spec import Field
from generator.load.content import Assessment
from generator.model import urls
from generator.model.graph import Graph
from generator.pages.escape import esc


def environment() -> jinja2.Environment:
    """Markdown templates: every `{{ value }}` is escaped unless it is Markup."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        autoescape=False,
        finalize=esc,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Front matter ends up in the theme's <title>, <h1> and <meta>, which mkdocs does not
    # autoescape: store it HTML-escaped, as a YAML (JSON) string.
    env.filters["yaml_string"] = lambda v: Markup(json.dumps(html.escape(str(v)), ensure_ascii=False))
    return env


def linker_for(graph: Graph, a: Assessment, page_url: str) -> Callable[[Field, str], str | None]:
    """Entity names inside assessment `a` → relative links from `page_url`."""
    files = {node.name: node.url for node in graph.files.get(a.id, [])}

    def link(spec: Field, text: str) -> str | None:
        if spec.entity == "file":
            target = files.get(text)
        elif spec.entity:
            ent = graph.entity_for(spec.entity, a, text)
            target = ent.url if ent else None
        else:
            target = None
        return urls.relative(page_url, target) if target is not None and target != page_url else None

    return link


def entry_linker_for(graph: Graph, page_url: str) -> Callable[[Field, dict], str | None]:
    """Link each システム/委託事項/提供先/移転先 entry to its entity page (even when its name is unreadable)."""

    def link(spec: Field, entry: dict) -> str | None:
        ent = graph.entity_of(entry)
        return urls.relative(page_url, ent.url) if ent and ent.url != page_url else None

    return link
