"""Dates as the forms print them: 和暦 (令和5年4月3日, 平成27年10月) or ISO, day or month precision."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

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
        """和暦 text as printed in the forms (令和1年, not 元年, as the source texts in content/sources/ write it)."""
        era, start = next((name, s) for name, s in ERAS if (self.year, self.month, self.day or 31) >= s)
        text = f"{era}{self.year - start[0] + 1}年{self.month}月"
        return f"{text}{self.day}日" if self.day else text

    def first_day(self) -> date:
        """The calendar day it starts on (the 1st for a month-precision date)."""
        return date(self.year, self.month, self.day or 1)

    def sort_key(self) -> tuple[int, int, int]:
        """Key that orders month-precision dates before the days of that month."""
        return (self.year, self.month, self.day or 0)


class DateError(ValueError):
    """Why a text is not a date, in Japanese (`ja`) and English (`en`), with the forms to write."""

    def __init__(self, raw: str, ja: str = "", en: str = ""):
        super().__init__(raw)
        self.ja = f"日付として読めません: 「{raw}」。{ja}例: {EXAMPLES}"
        self.en = f"not a date: '{raw}'; {en}examples: {EXAMPLES.replace('、', ', ')}"


EXAMPLES = "2023-04-03、令和5年4月3日、平成27年10月"
FIRST_YEAR, LAST_YEAR = 1868, 2199  # 明治 to what a 再評価 could plan; beyond is a typo (9999)
_SLASHED = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$")  # 2025/4/1, 2025.4.1, 2025-4-1
_WESTERN = re.compile(r"^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$")
_SHORT = re.compile(r"^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})[./](\d{1,2})(?:[./](\d{1,2}))?$")  # R7.4.1
_LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}


def parse_date(raw: str) -> WDate:
    """Parse ISO, 和暦, 2025/4/1 or R7.4.1 text; DateError says what was wrong and what to write."""
    text = unicodedata.normalize("NFKC", raw).strip().replace(" ", "").upper()
    if m := _ISO.match(text) or _SLASHED.match(text) or _WESTERN.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise DateError(raw, f"{FIRST_YEAR}年(明治)から{LAST_YEAR}年までの日付を書いてください。",
                            f"give a date from {FIRST_YEAR} (明治) to {LAST_YEAR}; ")
    elif m := _WAREKI.match(text) or _SHORT.match(text):
        era = _LETTERS.get(m[1], m[1])
        start = dict(ERAS)[era]
        nen = 1 if m[2] == "元" else int(m[2])
        year = start[0] + nen - 1
        month, day = int(m[3]), int(m[4]) if m[4] else None
        if nen == 0:
            raise DateError(raw, f"{era}0年はありません(最初の年は{era}元年です)。", f"there is no {era} year 0; ")
        if (year, month, day or 31) < start:  # 令和元年4月: no such 和暦 date
            raise DateError(raw, f"{era}は{_wareki_start(era)}からです。", f"{era} began on {_iso(start)}; ")
        if year > LAST_YEAR:
            raise DateError(raw, f"{LAST_YEAR}年までの日付を書いてください。", f"give a date up to {LAST_YEAR}; ")
    else:
        raise DateError(raw)
    _check_calendar(year, month, day, raw)
    if (year, month, day or 31) < ERAS[-1][1]:
        before = f"明治({_wareki_start('明治')})より前の日付は書けません。"
        raise DateError(raw, before, "dates before 明治 are out of range; ")
    return WDate(year, month, day, raw)


def _check_calendar(year: int, month: int, day: int | None, raw: str) -> None:
    if not 1 <= month <= 12:
        raise DateError(raw, f"{month}月という月はありません。", f"there is no month {month}; ")
    last = calendar.monthrange(year, month)[1]
    if day is not None and not 1 <= day <= last:
        raise DateError(raw, f"{month}月{day}日という日はありません({year}年{month}月は{last}日までです)。",
                        f"no such day: {year}-{month:02d} has {last} days; ")


def _wareki_start(era: str) -> str:
    y, m, d = dict(ERAS)[era]
    return f"{y}年{m}月{d}日"


def _iso(ymd: tuple[int, int, int]) -> str:
    return f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
