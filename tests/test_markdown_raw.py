"""generator.build.markdown_raw passes the generator's HTML through unparsed and changes nothing but the whitespace
between block elements: every real page converts to the same HTML with and without it."""

from __future__ import annotations

import re
from datetime import date

import markdown

from generator.build.markdown_raw import raw_blocks

from . import real_content

BASE = ["attr_list", "toc"]


def _html(text: str, extensions: list[str]) -> str:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return re.sub(r">\s+<", "><", markdown.Markdown(extensions=extensions).convert(body))


def test_every_page_converts_to_the_same_html_with_the_extension() -> None:
    pages = real_content.rendered(date(2027, 6, 1))
    differing = [path for path, text in pages.items() if path.endswith(".md") and isinstance(text, str)
                 and _html(text, BASE) != _html(text, [*BASE, "generator.build.markdown_raw"])]
    assert differing == []


def test_a_block_runs_to_a_blank_line_before_a_heading_or_text() -> None:
    lines = ["<div>", "", "<p>x</p>", "", "## 見出し", "", "<table></table>", "", "本文", "<br>"]
    assert raw_blocks(lines) == [(True, ["<div>", "", "<p>x</p>"]), (False, ["", "## 見出し", ""]),
                                 (True, ["<table></table>"]), (False, ["", "本文", "<br>"])]
