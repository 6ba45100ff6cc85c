"""One value of a form item as HTML: choices as the chosen answer, checkboxes as the ticked
items, dates in 和暦, markers (推定 / 判読不能 / 非公表) visibly distinct in text, entity names as links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.forms.spec import (
    VALUE_KINDS,
    Checks,
    Choice,
    Date,
    Field,
    Int,
    Kind,
    RecordItems,
    Rich,
    Text,
    TextList,
    Url,
    by_kind,
)
from generator.load.values import INFERRED, UNREADABLE, Marker, RecordGroup, Tick
from generator.load.wareki import WDate
from generator.pages.html import join, rich_text, tag, ul

EMPTY = tag("span", "記載なし", class_="pia-empty")
UNREAD_LABEL = "原本から読み取れませんでした"
UNTICKED_BOX = Markup('<span class="pia-tick" aria-hidden="true">☐</span> ')
Linker = Callable[[Field, str], str | None]  # (field, text value) → href or None


def marker_html(marker: Marker, spec: Field, linker: Linker) -> Markup:
    """A 推定 value with its evidence, or a 判読不能/非公表 box: label, reason, and whatever part survived."""
    if marker.inferred:
        return inferred_html(marker, value_html(spec, marker.partial, linker))
    kind = "unreadable" if marker.kind == UNREADABLE else "withheld"
    label = UNREAD_LABEL if marker.kind == UNREADABLE else "非公表"
    head = tag("strong", label, class_="pia-marker-label")
    parts = [head, transcription_note(marker.note) if marker.kind == UNREADABLE else tag(
        "span", marker.note, class_="pia-marker-note")]
    if isinstance(spec.kind, Checks) and (marker.partial is not None or marker.unticked):
        parts.extend(_partial_checks(spec.kind, marker))
    elif marker.partial is not None:
        parts.append(partial_html(value_html(spec, marker.partial, linker)))
    return tag("div", join(parts), class_=f"pia-marker pia-marker--{kind}", role="note")


def transcription_note(note: str) -> Markup:
    """Why a value could not be read (seed lines, reasoning): for checking the transcription, so collapsed."""
    return tag("details", tag("summary", "転記の記録") + tag("span", note, class_="pia-marker-note"),
               class_="pia-transcription")


def partial_html(body: Markup, label: str = "読み取れた記載") -> Markup:
    return tag("div", tag("span", f"{label}: ", class_="pia-marker-partial-label") + body, class_="pia-marker-partial")


def inferred_html(marker: Marker, body: Markup) -> Markup:
    """A 推定 badge (text, not colour alone), the value, 原本の表記, and the evidence in a collapsed 「推定の根拠」."""
    badge = tag("strong", "推定", class_="pia-inferred-badge")
    evidence = evidence_html(marker.note)
    return tag("div", join([badge, Markup(" "), body, printed_html(marker.printed), evidence]), class_="pia-inferred")


def evidence_html(note: str) -> Markup:
    return tag("details", tag("summary", "推定の根拠(転記の記録)") + tag("span", note), class_="pia-inferred-evidence")


def printed_html(printed: str | None) -> Markup:
    """The source's own wording where it differs from the form's (原本の表記)."""
    return tag("span", f"(原本の表記: {printed})", class_="pia-printed") if printed else Markup("")


def _partial_checks(kind: Checks, marker: Marker) -> list[Markup]:
    """A partly readable checkbox list: ticks read, ticks inferred, options read as unticked, options unknown."""
    ticks = marker.partial if isinstance(marker.partial, tuple) else ()
    read = [t for t in ticks if t.evidence is None]
    guessed = [t for t in ticks if t.evidence is not None]
    seen = {t.label for t in ticks} | set(marker.unticked)
    unknown = [o for o in kind.options if o not in seen]
    parts = []
    if read:
        parts.append(partial_html(ul([_tick(t) for t in read], class_="pia-checks")))
    if guessed:
        parts.append(partial_html(ul([_tick(t) for t in guessed], class_="pia-checks"), "推定した記載"))
    if marker.unticked:
        boxes = [UNTICKED_BOX + tag("span", o) for o in marker.unticked]
        parts.append(partial_html(ul(boxes, class_="pia-checks"), "チェックなしと読み取れた選択肢"))
    if unknown:
        parts.append(partial_html(ul(unknown, class_="pia-checks"), "読み取れなかった選択肢"))
    return parts


def value_html(spec: Field, value: object, linker: Linker) -> Markup:
    """HTML of a leaf value (not a group or repeat)."""
    if value is None or value == "" or value == ():
        return EMPTY if not isinstance(spec.kind, Checks) else tag("span", "チェックなし", class_="pia-empty")
    if isinstance(value, Marker):
        return marker_html(value, spec, linker)
    return SHOW(spec.kind)(spec, value, linker)


def _printed(value: object) -> Markup:
    return printed_html(getattr(value, "printed", None))


def _text(spec: Field, value: object, linker: Linker) -> Markup:
    return _linked(spec, str(value), linker) + _printed(value)


def _rich(spec: Field, value: object, linker: Linker) -> Markup:
    return rich_text(str(value)) + _printed(value)


def _date(spec: Field, value: object, linker: Linker) -> Markup:
    return tag("time", value.wareki, datetime=value.iso) if isinstance(value, WDate) else _rich(spec, value, linker)


SHOW: Callable[[Kind], Callable[[Field, Any, Linker], Markup]] = by_kind({
    Text: _text,
    Url: _text,
    Rich: _rich,
    Int: lambda spec, value, linker: tag("span", f"{value:,}"),
    Date: _date,
    Choice: lambda spec, value, linker: tag("span", value, class_="pia-choice") + _printed(value),
    Checks: lambda spec, value, linker: ul([_tick(t) for t in value], class_="pia-checks"),
    TextList: lambda spec, value, linker: ul([_linked(spec, v, linker) for v in value], class_="pia-plain-list"),
    RecordItems: lambda spec, value, linker: record_items_html(value),
}, VALUE_KINDS)


def _tick(t: Tick) -> Markup:
    body = tag("span", t.label) + (tag("span", f"({t.text})", class_="pia-tick-text") if t.text else Markup(""))
    body += printed_html(t.printed)
    if t.evidence is not None:
        body = inferred_html(Marker(INFERRED, t.evidence), body)
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
