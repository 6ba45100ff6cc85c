"""別添 変更箇所 as a dated timeline, newest first; rows of one date keep their printed order."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from markupsafe import Markup

from generator.forms.spec import Field, Rich
from generator.load.values import Marker
from generator.load.wareki import WDate
from generator.pages.html import join, rich_text, tag
from generator.pages.value_html import EMPTY, marker_html


def _date_key(row: dict[str, Any]) -> tuple[int, int, int]:
    date = row.get("date")
    return date.sort_key() if isinstance(date, WDate) else (0, 0, 0)


def timeline_html(rows: list[dict[str, Any]]) -> Markup:
    """Every row of the table, grouped by 変更日 (newest first)."""
    if not rows:
        return tag("p", "変更箇所の記載なし", class_="pia-empty")
    ordered = sorted(enumerate(rows), key=lambda p: (tuple(-x for x in _date_key(p[1])), p[0]))
    count = tag("p", f"変更 {len(rows)} 件(新しい順)", class_="pia-count")
    parts = []
    for _, group in groupby(ordered, key=lambda p: _date_key(p[1])):
        items = [row for _, row in group]
        date = items[0].get("date")
        label = date.wareki if isinstance(date, WDate) else "変更日不明"
        head = tag(
            "h3", tag("time", label, datetime=date.iso if isinstance(date, WDate) else None) + f"({len(items)} 件)"
        )
        parts.append(tag("section", head + join(_row(r) for r in items), class_="pia-timeline-date"))
    summary = tag("summary", f"変更箇所 {len(rows)} 件を表示")
    return tag("div", count + tag("details", summary + join(parts), class_="pia-fold"), class_="pia-timeline")


TEXT = Field("value", "", Rich(), "")


def _cell(value: object) -> Markup:
    """Text as paragraphs; a 推定/判読不能 value as its marker box (never as 記載なし)."""
    if isinstance(value, Marker):
        return marker_html(value, TEXT, lambda *_: None)
    return rich_text(str(value)) if isinstance(value, str) and value else EMPTY


def _row(row: dict[str, Any]) -> Markup:
    timing = row.get("timing") or ""
    if isinstance(timing, Marker):
        badge = _cell(timing)
    else:
        badge = tag("span", timing, class_=f"pia-badge pia-badge--{'before' if timing == '事前' else 'after'}")
    dl = join(
        [
            tag("dt", "変更前の記載") + tag("dd", _cell(row.get("before"))),
            tag("dt", "変更後の記載") + tag("dd", _cell(row.get("after"))),
            tag("dt", "提出時期") + tag("dd", badge),
            tag("dt", "提出時期に係る説明") + tag("dd", _cell(row.get("timing_reason"))),
        ]
    )
    item = tag(
        "div",
        join([tag("span", "項目: ", class_="pia-change-label"), _cell(row.get("item"))]),
        class_="pia-change-item",
    )
    return tag("article", item + tag("dl", dl), class_="pia-change")
