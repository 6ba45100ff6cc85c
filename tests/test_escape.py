"""Escaping is the default: one function makes YAML text inert in Markdown and HTML."""

from __future__ import annotations

from html import unescape

import markdown
from markupsafe import Markup

from generator.pages.context import environment
from generator.pages.escape import attr, esc


def _render_md(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "toc"])


def test_markdown_and_html_syntax_is_shown_as_text() -> None:
    payload = "<b>x</b> *em* _u_ [a](javascript:alert(1)) `c` # h | t | {{ x }}"
    html = _render_md(f"para {esc(payload)}\n\n<div>{esc(payload)}</div>")
    assert "<b>" not in html and "<em>" not in html and "<a " not in html and "<code>" not in html
    assert unescape(html).count(payload) == 2


def test_markup_passes_through_and_attributes_stay_readable() -> None:
    assert esc(Markup("<i>ok</i>")) == Markup("<i>ok</i>")
    assert attr('a"b<c>-d') == Markup("a&quot;b&lt;c&gt;-d")


def test_jinja_finalize_escapes_every_value() -> None:
    env = environment()
    out = env.from_string("{{ v }} {{ m }}").render(v="*x* <y>", m=Markup("<z>"))
    assert "*" not in out.split("<z>")[0] and "<y>" not in out and out.endswith("<z>")
