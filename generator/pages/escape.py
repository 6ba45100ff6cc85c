"""Escaping in one place: text from YAML becomes inert in both Markdown and HTML.

Markdown-significant characters become numeric character references, which browsers show
as the characters and Python-Markdown never reads as syntax — so one function is safe in a
Markdown paragraph, a heading, and a raw HTML block alike (a backslash escape would show
up literally inside raw HTML).
"""

from __future__ import annotations

import html

from markupsafe import Markup

_MARKDOWN_SPECIAL = "\\`*_[]{}<>#+-!|~^=&\"'"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN_SPECIAL}


def esc(value: object) -> Markup:
    """Text → Markup safe anywhere in a page; Markup passes through untouched."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_TABLE))



def attr(value: object) -> Markup:
    """Escaped text for an HTML attribute value: Markdown never looks inside a tag, so
    plain HTML escaping suffices (and keeps class names and URLs readable)."""
    return Markup(html.escape(str(value), quote=True))
