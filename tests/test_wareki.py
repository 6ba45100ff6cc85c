"""Dates as the forms print them: ISO and 和暦, day or month precision, 元年, era boundaries."""

from __future__ import annotations

import pytest

from generator.load.wareki import DateError, WDate, parse_date


@pytest.mark.parametrize(
    ("raw", "ymd"),
    [
        ("2023-04-03", (2023, 4, 3)),
        ("2015-10", (2015, 10, None)),
        ("令和5年4月3日", (2023, 4, 3)),
        ("平成27年10月", (2015, 10, None)),
        ("令和元年5月1日", (2019, 5, 1)),
        ("平成元年1月8日", (1989, 1, 8)),
        ("昭和64年1月7日", (1989, 1, 7)),
        ("平成31年4月30日", (2019, 4, 30)),
        ("令和５年４月３日", (2023, 4, 3)),  # full-width digits, as PDFs print them
        ("令和 5年 4月 3日", (2023, 4, 3)),
        ("２０２３-０４-０３", (2023, 4, 3)),
        ("2024-02-29", (2024, 2, 29)),
        ("2025/4/1", (2025, 4, 1)),  # what a clerk types
        ("2023-4-3", (2023, 4, 3)),
        ("2025年4月1日", (2025, 4, 1)),
        ("R7.4.1", (2025, 4, 1)),
        ("r7.4.1", (2025, 4, 1)),
        ("Ｈ２７．１０", (2015, 10, None)),
        ("令和7.4.1", (2025, 4, 1)),
    ],
)
def test_parse(raw: str, ymd: tuple[int, int, int | None]) -> None:
    date = parse_date(raw)
    assert (date.year, date.month, date.day) == ymd
    assert date.text == raw


@pytest.mark.parametrize(
    ("raw", "iso", "wareki"),
    [
        ("2023-04-03", "2023-04-03", "令和5年4月3日"),
        ("平成27年10月", "2015-10", "平成27年10月"),
        ("令和元年5月1日", "2019-05-01", "令和1年5月1日"),  # 元年 is written 1年, as the seeds do
        ("2019-04-30", "2019-04-30", "平成31年4月30日"),
        ("1989-01-07", "1989-01-07", "昭和64年1月7日"),
    ],
)
def test_iso_and_wareki(raw: str, iso: str, wareki: str) -> None:
    date = parse_date(raw)
    assert (date.iso, date.wareki) == (iso, wareki)


@pytest.mark.parametrize("raw", ["2023-04-03", "令和5年4月3日", "平成27年10月", "令和元年5月", "2001-12"])
def test_round_trip_through_wareki(raw: str) -> None:
    date = parse_date(raw)
    again = parse_date(date.wareki)
    assert (again.year, again.month, again.day) == (date.year, date.month, date.day)
    assert parse_date(date.iso).wareki == date.wareki


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "令和",
        "令和5年",
        "令和5年13月",
        "令和5年2月29日",
        "2023-02-30",
        "2023-13",
        "令和0年1月1日",  # no year 0
        "令和元年4月30日",
        "令和元年4月",  # before 令和 began (2019-05-01)
        "平成元年1月7日",  # still 昭和64年
        "慶応4年1月1日",
        "令和5年4月3日まで",
        "1800-01-01",  # before 明治
        "9999-12-31",  # a typo, not a plan
        "令和9999年1月1日",
        "R0.4.1",
        "X7.4.1",
    ],
)
def test_invalid_dates(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("令和7年2月30日", "2月30日という日はありません(2025年2月は28日までです)。"),
        ("2023-13", "13月という月はありません。"),
        ("令和元年4月", "令和は2019年5月1日からです。"),
        ("9999-12-31", "1868年(明治)から2199年までの日付を書いてください。"),
        ("1868-01-01", "明治(1868年1月25日)より前の日付は書けません。"),
    ],
)
def test_errors_say_what_is_wrong(raw: str, reason: str) -> None:
    with pytest.raises(DateError) as err:
        parse_date(raw)
    assert err.value.ja == f"日付として読めません: 「{raw}」。{reason}例: 2023-04-03、令和5年4月3日、平成27年10月"


def test_clerk_forms_normalise_to_wareki() -> None:
    assert parse_date("2025/4/1").wareki == parse_date("R7.4.1").wareki == "令和7年4月1日"


def test_month_precision_sorts_before_its_days() -> None:
    month, day = parse_date("令和5年4月"), parse_date("令和5年4月1日")
    assert month.sort_key() < day.sort_key()
    assert WDate(2023, 4, None).iso == "2023-04"


def test_clerk_date_forms_pass_check_and_show_as_wareki(tmp_path) -> None:
    """`2025/4/1` and `R7.4.1` in a real file: no error, and the record holds the 和暦 date the page shows."""
    from generator.load.content import load_content

    from .casefiles import apply, check_lines, make_case

    root = make_case("bad_date", tmp_path / "dates")  # any case: its patch is replaced below
    edits = (("公表日: 令和5年2月30日", "公表日: 2025/4/1"), ("使用開始日: 平成28年1月1日", "使用開始日: R7.4.1"))
    for old, new in edits:
        apply(root, {"file": "assessments/012033-3.yaml", "replace": old, "with": new})
    assert check_lines(root) == []
    record = load_content(root).assessments[0].record
    assert record["cover"]["published"].wareki == "令和7年4月1日"
    assert record["files"][0]["acquisition"]["use_started"].wareki == "令和7年4月1日"
