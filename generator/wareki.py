"""Dates as the forms print them: 和暦 (令和5年4月3日, 平成27年10月) or ISO, day or month precision."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# First day of each era (year, month, day); 元年 is year 1.
ERAS = (("令和", (2019, 5, 1)), ("平成", (1989, 1, 8)), ("昭和", (1926, 12, 25)), ("大正", (1912, 7, 30)),
        ("明治", (1868, 1, 25)))
_WAREKI = re.compile(r"^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(?:(\d{1,2})日)?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True, order=True)
class WDate:
    """A calendar date with optional day; `text` keeps the form as written in YAML."""

    year: int
    month: int
    day: int | None
    text: str = ""

    @property
    def iso(self) -> str:
        """ISO 8601 text at the date's own precision (2023-04-03 or 2015-10)."""
        base = f"{self.year:04d}-{self.month:02d}"
        return f"{base}-{self.day:02d}" if self.day else base

    @property
    def wareki(self) -> str:
        """和暦 text as printed in the forms (令和1年, not 元年, as the seeds write it)."""
        era, start = next((name, s) for name, s in ERAS if (self.year, self.month, self.day or 31) >= s)
        text = f"{era}{self.year - start[0] + 1}年{self.month}月"
        return f"{text}{self.day}日" if self.day else text

    def sort_key(self) -> tuple[int, int, int]:
        """Key that orders month-precision dates before the days of that month."""
        return (self.year, self.month, self.day or 0)


def parse_date(raw: str) -> WDate:
    """Parse ISO or 和暦 text; ValueError says what was wrong."""
    text = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
    if m := _ISO.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    elif m := _WAREKI.match(text):
        start = dict(ERAS)[m[1]]
        nen = 1 if m[2] == "元" else int(m[2])
        year = start[0] + nen - 1
        month, day = int(m[3]), int(m[4]) if m[4] else None
        if nen == 0 or (year, month, day or 31) < start:  # 令和0年, 令和元年4月: no such 和暦 date
            raise ValueError(raw)
    else:
        raise ValueError(raw)
    _check_calendar(year, month, day, raw)
    return WDate(year, month, day, raw)


def _check_calendar(year: int, month: int, day: int | None, raw: str) -> None:
    import calendar

    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]):
        raise ValueError(raw)
