"""One value of a form item as HTML: choices as the chosen answer, checkboxes as the ticked
items, dates in 和暦, markers (判読不能 / 非公表) visibly distinct, entity names as links."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..forms.spec import Checks, Choice, Date, Field, Int, RecordItems, Text, TextList
from ..values import UNREADABLE, Marker, RecordGroup, Tick
from ..wareki import WDate
from .html import join, rich_text, tag, ul

EMPTY = tag("span", "記載なし", class_="pia-empty")
Linker = Callable[[Field, str], str | None]  # (field, text value) → href or None


def marker_html(marker: Marker, spec: Field, linker: Linker) -> Markup:
    """A 判読不能/非公表 box: label, reason, and whatever part survived."""
    kind = "unreadable" if marker.kind == UNREADABLE else "withheld"
    label = "判読不能(要確認)" if marker.kind == UNREADABLE else "非公表"
    head = tag("strong", label, class_="pia-marker-label")
    parts = [head, tag("span", marker.note, class_="pia-marker-note")]
    if marker.partial is not None:
        parts.append(
            tag(
                "div",
                join(
                    [
                        tag("span", "読み取れた記載: ", class_="pia-marker-partial-label"),
                        value_html(spec, marker.partial, linker),
                    ]
                ),
                class_="pia-marker-partial",
            )
        )
    return tag("div", join(parts), class_=f"pia-marker pia-marker--{kind}", role="note")


def value_html(spec: Field, value: object, linker: Linker) -> Markup:
    """HTML of a leaf value (not a group or repeat)."""
    if value is None or value == "" or value == ():
        return EMPTY if not isinstance(spec.kind, Checks) else tag("span", "チェックなし", class_="pia-empty")
    if isinstance(value, Marker):
        return marker_html(value, spec, linker)
    kind = spec.kind
    if isinstance(kind, Choice):
        return tag("span", value, class_="pia-choice")
    if isinstance(kind, Checks):
        return ul([_tick(t) for t in value], class_="pia-checks")
    if isinstance(kind, Date) and isinstance(value, WDate):
        return tag("time", value.wareki, datetime=value.iso)
    if isinstance(kind, Int):
        return tag("span", f"{value:,}")
    if isinstance(kind, TextList):
        return ul([_linked(spec, v, linker) for v in value], class_="pia-plain-list")
    if isinstance(kind, RecordItems):
        return record_items_html(value)
    if isinstance(kind, Text):
        return _linked(spec, str(value), linker)
    return rich_text(str(value))


def _tick(t: Tick) -> Markup:
    body = tag("span", t.label) + (tag("span", f"({t.text})", class_="pia-tick-text") if t.text else Markup(""))
    return Markup('<span class="pia-tick" aria-hidden="true">☑</span> ') + body


def _linked(spec: Field, text: str, linker: Linker) -> Markup:
    href = linker(spec, text)
    return tag("a", text, href=href) if href else tag("span", text)


def record_items_html(groups: tuple[RecordGroup, ...]) -> Markup:
    """別添 record items: numbered lists, one per group, numbering as printed (restarts per group)."""
    parts = []
    for g in groups:
        if g.name:
            parts.append(tag("p", g.name, class_="pia-record-group"))
        parts.append(tag("ol", join(tag("li", item) for item in g.items), class_="pia-record-items"))
    parts.append(tag("p", f"計 {sum(len(g.items) for g in groups)} 項目", class_="pia-count"))
    return join(parts)
