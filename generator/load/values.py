"""Validated values that are more than plain text: markers, checkbox ticks, record items.

How a value is known travels with it: read (plain value), 推定 (inferred, with its evidence),
判読不能 (lost in extraction) or 非公表 (withheld). See content/EDITING_GUIDE.md for the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

UNREADABLE = "判読不能"
WITHHELD = "非公表"
INFERRED = "推定"
MARKERS = (UNREADABLE, WITHHELD, INFERRED)
LOST = (UNREADABLE, WITHHELD)  # markers whose value is (partly) missing
PARTIAL = "記載"
UNTICKED = "未選択"  # options of a partly readable checkbox list read as not ticked
EVIDENCE = "根拠"  # why a 推定 value is what it is
READ_VALUE = "値"  # a read value written as a mapping, to carry 原本の表記
PRINTED = "原本の表記"  # the source's own wording where it differs from the form's label
RECORD_MARKER = "_marker"  # key of a marker on a group record or a repeated entry
RECORD_PRINTED = "_printed"  # key of the 原本の表記 of a group record or a repeated entry


@dataclass(frozen=True)
class Marker:
    """A value the portal cannot show as read: 判読不能, 非公表, or 推定.

    `note` says why (seed line, 規則第13条 …; for 推定 the evidence); `partial` keeps whatever
    survived (for 推定: the inferred value itself); `unticked` lists checkbox options read as
    not ticked in a partly readable list; `printed` is the source's wording (原本の表記).
    """

    kind: str
    note: str
    partial: object = None
    unticked: tuple[str, ...] = ()
    printed: str | None = None

    @property
    def inferred(self) -> bool:
        return self.kind == INFERRED


@dataclass(frozen=True)
class Tick:
    """One ticked checkbox option with the free text of its `( … )`, if any.

    `evidence` is set when the tick is inferred (推定), `printed` when the source prints
    the option's label differently (原本の表記).
    """

    label: str
    text: str | None = None
    evidence: str | None = None
    printed: str | None = None


@dataclass(frozen=True)
class RecordGroup:
    """A group of 別添 record items (group name is a table name or heading, or None)."""

    name: str | None
    items: tuple[str, ...]


class Printed(str):
    """A read text or choice whose source wording differs from the form's (原本の表記).

    A str subclass, so every consumer that expects the plain value keeps working.
    """

    printed: str

    def __new__(cls, value: str, printed: str) -> Printed:
        out = super().__new__(cls, value)
        out.printed = printed
        return out

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # pickle and copy keep 原本の表記
        return (str(self), self.printed)


class Entries(list):
    """Entries of a repeating group, all inferred together (`{推定: [...], 根拠: …}`).

    A list subclass, so counts and entity links still see the entries.
    """

    def __init__(self, entries: list[Any], marker: Marker):
        super().__init__(entries)
        self.marker = marker


def record_marker(value: Any) -> Marker | None:
    """The marker carried by a group record, a repeated entry or an inferred list, if any."""
    if isinstance(value, dict):
        return value.get(RECORD_MARKER)
    return getattr(value, "marker", None) if isinstance(value, Entries) else None


def known(value: Any) -> Any:
    """The value to use for links and counts: a 推定 value's inner value, else the value itself."""
    return value.partial if isinstance(value, Marker) and value.inferred else value


def at(record: Any, *path: str) -> Any:
    """The value at a key path of a record: None where a key is missing, and a Marker that stands for a whole
    group on the way is returned as it is (what lies under it could not be read). The one record getter."""
    for key in path:
        record = known(record)
        if isinstance(record, Marker) or not isinstance(record, dict):
            return record if isinstance(record, Marker) else None
        record = record.get(key)
    return record


def entries(value: Any) -> list[dict[str, Any]]:
    """The entries of a repeating group; none when a marker stands for the whole list (nothing of it was read)."""
    value = known(value)
    return value if isinstance(value, list) else []
