"""Validated values that are more than plain text: markers, checkbox ticks, record items."""

from __future__ import annotations

from dataclasses import dataclass

UNREADABLE = "判読不能"
WITHHELD = "非公表"
MARKERS = (UNREADABLE, WITHHELD)
PARTIAL = "記載"


@dataclass(frozen=True)
class Marker:
    """A value the portal cannot show: lost in extraction (判読不能) or withheld (非公表).

    `note` says why (seed line, 規則第13条 …); `partial` keeps whatever survived.
    """

    kind: str
    note: str
    partial: object = None


@dataclass(frozen=True)
class Tick:
    """One ticked checkbox option with the free text of its `( … )`, if any."""

    label: str
    text: str | None = None


@dataclass(frozen=True)
class RecordGroup:
    """A group of 別添 record items (group name is a table name or heading, or None)."""

    name: str | None
    items: tuple[str, ...]
