"""SVG primitives for the データの流れ diagram: wrapped text boxes, arrows, the root element.

Text is measured roughly (full-width characters 1 em, others 0.6 em) and wrapped at build
time, since SVG text does not wrap by itself.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.forms.entities import TRANSFEREE
from generator.pages.html import join, tag

PAD = 10
NAME, SUB = 14, 12  # font sizes (px); lines are 1.45 em apart
Rel = Callable[[str], str]  # site URL → link from the page
Line = tuple[str, int, str | None, str]  # text, font size, href (site URL), css class


def text_width(text: str) -> float:
    """Approximate width in em."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.6 for c in text)


def wrap(text: str, width_px: float, size: int) -> list[str]:
    """Lines of at most `width_px` at font `size` (character wrap, as Japanese allows)."""
    lines, line = [], ""
    for c in " ".join(text.split()):
        if line and text_width(line + c) * size > width_px:
            lines.append(line)
            line = c.lstrip()
        else:
            line += c
    return [*lines, line] if line else lines


def lines(text: str, box_width: float, size: int, href: str | None, cls: str) -> list[Line]:
    return [(line, size, href, cls) for line in wrap(text, box_width - 2 * PAD, size)]


@dataclass
class Box:
    """A rounded box of text lines; lines with an href are links (kept out of the tab order)."""

    x: float
    y: float
    w: float
    lines: list[Line]
    unknown: bool = False  # a list the source does not let us read: drawn dashed

    @property
    def h(self) -> float:
        return 2 * PAD + sum(size * 1.45 for _, size, _, _ in self.lines)

    @property
    def cy(self) -> float:
        return round(self.y + self.h / 2, 1)

    def svg(self, rel: Rel) -> Markup:
        parts = [tag("rect", "", x=self.x, y=round(self.y, 1), width=self.w, height=round(self.h, 1), rx=6,
                     class_="pia-flow-box" + (" pia-flow-box--unknown" if self.unknown else ""))]
        y = self.y + PAD
        for text, size, href, cls in self.lines:
            y += size * 1.45
            el = tag("text", text, x=self.x + PAD, y=round(y - size * 0.4, 1), class_=cls, font_size=size)
            parts.append(tag("a", el, href=rel(href), tabindex="-1") if href else el)
        return join(parts)


def arrow_marker(marker_id: str) -> Markup:
    head = tag("path", "", d="M0,0 L10,5 L0,10 z", class_="pia-flow-arrowhead")
    return tag("marker", head, id=marker_id, viewBox="0 0 10 10", refX=10, refY=5, markerWidth=9, markerHeight=9,
               markerUnits="userSpaceOnUse", orient="auto")


def edge(d: str, marker_id: str, linked: bool, source: str, target: str, kind: str = TRANSFEREE.key,
         unknown: bool = False) -> Markup:
    """One arrow; data-source/data-target/data-kind name its ends and flow (for tests and styling)."""
    cls = "pia-flow-edge" + (" pia-flow-edge--linked" if linked else "")
    cls += " pia-flow-edge--unknown" if unknown else ""
    return tag("path", "", d=d, class_=cls, marker_end=f"url(#{marker_id})", data_source=source, data_target=target,
               data_kind=kind)


def svg(width: float, height: float, body: Markup, marker_id: str, variant: str) -> Markup:
    """The root element: decorative for assistive technology (the table carries the content)."""
    return tag("svg", tag("defs", arrow_marker(marker_id)) + body, xmlns="http://www.w3.org/2000/svg",
               viewBox=f"0 0 {width} {round(height)}", class_=f"pia-flow-svg pia-flow-svg--{variant}",
               aria_hidden="true", focusable="false")
