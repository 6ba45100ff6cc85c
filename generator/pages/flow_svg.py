"""The データの流れ diagram, drawn at build time as inline SVG (no JavaScript), in two layouts.

Wide (two columns: files left, receiving departments right, an arrow per 移転) for screens
from 600px; narrow (a tree: each file with its departments listed below it) for phones, so
a 390px screen never scrolls sideways. CSS shows one of them; both are aria-hidden and the
table beside them carries the same facts and links.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.forms.entities import ENTITY_KINDS
from generator.model import urls
from generator.model.digest import display_name
from generator.model.flow import Receiver
from generator.model.graph import FileNode
from generator.pages.flow_draw import NAME, SUB, Box, Line, Rel, edge, lines, svg
from generator.pages.html import join, tag

GAP = 12
WIDE, LEFT, RIGHT = 760, (8, 250), (350, 402)  # width; x and width of each column
NARROW, INDENT = 340, 30


def _source(node: FileNode, w: float) -> list[Line]:
    return (lines(node.name, w, NAME, node.url, "pia-flow-name")
            + lines(node.assessment.title, w, SUB, urls.assessment(node.assessment.id), "pia-flow-sub"))


def _receiver(r: Receiver, w: float) -> list[Line]:
    kind = ENTITY_KINDS[r.kind]
    out = lines(f"{kind.label}({kind.who})", w, SUB, None, "pia-flow-kind")
    out += lines(display_name(r.entity), w, NAME, r.entity.url, "pia-flow-unknown" if r.unknown else "pia-flow-name")
    for a in r.assessments:
        out += lines(f"▶ この部署の評価書: {a.title}", w, SUB, urls.assessment(a.id), "pia-flow-link")
    return out


def _label(node: FileNode) -> str:
    return f"{node.name}({node.assessment.title})"


def _sources(items: list[Receiver]) -> dict[str, tuple[FileNode, list[Receiver]]]:
    """Files in first-seen order, each with the receivers of its 移転."""
    out: dict[str, tuple[FileNode, list[Receiver]]] = {}
    for r in items:
        for node in r.sources:
            out.setdefault(node.url, (node, []))[1].append(r)
    return out


def wide_svg(items: list[Receiver], rel: Rel) -> Markup:
    """Departments stacked on the right; each file centred on its departments, never overlapping."""
    right, y = {}, 8.0
    for r in items:
        right[(r.kind, r.entity.key)] = box = Box(RIGHT[0], y, RIGHT[1], _receiver(r, RIGHT[1]), r.unknown)
        y += box.h + GAP
    left, bottom, edges = [], 8.0, []
    for node, receivers in _sources(items).values():
        box = Box(LEFT[0], 0, LEFT[1], _source(node, LEFT[1]))
        box.y = max(bottom, sum(right[(r.kind, r.entity.key)].cy for r in receivers) / len(receivers) - box.h / 2)
        bottom = box.y + box.h + GAP
        left.append(box)
        x1, y1 = box.x + box.w, box.cy
        for r in receivers:
            x2, y2 = RIGHT[0] - 1, right[(r.kind, r.entity.key)].cy
            edges.append(edge(f"M{x1},{y1} C{x1 + 45},{y1} {x2 - 45},{y2} {x2},{y2}", "pia-flow-arrow-wide",
                              bool(r.assessments), _label(node), r.entity.name, r.kind, r.unknown))
    body = join(edges) + join(b.svg(rel) for b in (*left, *right.values()))
    return svg(WIDE, max(y, bottom), body, "pia-flow-arrow-wide", "wide")


def narrow_svg(items: list[Receiver], rel: Rel) -> Markup:
    """Each file full width, its departments indented below it, joined by a trunk line."""
    boxes, edges, y = [], [], 8.0
    for node, receivers in _sources(items).values():
        source = Box(4, y, NARROW - 8, _source(node, NARROW - 8))
        boxes.append(source)
        y += source.h + GAP
        trunk, last = 4 + INDENT / 2, 0.0
        for r in receivers:
            box = Box(4 + INDENT, y, NARROW - 8 - INDENT, _receiver(r, NARROW - 8 - INDENT), r.unknown)
            boxes.append(box)
            edges.append(edge(f"M{trunk},{box.cy} L{box.x - 1},{box.cy}", "pia-flow-arrow-narrow",
                              bool(r.assessments), _label(node), r.entity.name, r.kind, r.unknown))
            y, last = y + box.h + GAP, box.cy
        edges.append(tag("path", "", d=f"M{trunk},{round(source.y + source.h, 1)} L{trunk},{last}",
                         class_="pia-flow-edge"))
        y += GAP
    body = join(edges) + join(b.svg(rel) for b in boxes)
    return svg(NARROW, y, body, "pia-flow-arrow-narrow", "narrow")


def flow_svg(items: list[Receiver], rel: Rel) -> Markup:
    """Both layouts; the stylesheet shows the one that fits."""
    return wide_svg(items, rel) + narrow_svg(items, rel)
