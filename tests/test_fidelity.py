"""The five sources as content: the counts of every assessment are re-checked against content/sources/
through the reviewed count file content/fidelity.yaml (one cited line per counted thing), the table in
content/README.md stays in sync with it, and spot checks against the sources."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml

from generator.load.values import Marker, Tick
from generator.model.stats import assessment_stats, marker_lines, provenance_table

from . import real_content
from .casefiles import run_cli
from .conftest import CONTENT, ROOT

SOURCES = CONTENT / "sources"
FIDELITY: dict[str, dict[str, Any]] = yaml.safe_load((CONTENT / "fidelity.yaml").read_text(encoding="utf-8"))
# Count-file category → key of `stats --json`, and the label whose absence proves an entry was lost in extraction.
CATEGORIES = {
    "システム": ("systems", "システムの名称"),
    "ファイル": ("files", "特定個人情報ファイル名"),
    "委託": ("entrustments", "委託事項"),
    "再委託": ("subcontracted", "再委託の有無"),
    "提供先": ("provisions", "提供先"),
    "移転先": ("transfers", "移転先"),
    "リスク": ("risks", "リスクへの対策は十分か"),
}
# The printed shape of each counted thing before the 変更箇所 table, for an independent recount.
HEADINGS = {
    "システム": re.compile(r"^(#+ )?(<b>)?システム\d+(</b>)?\s*$"),
    "委託": re.compile(r"^(<b>)?委託事項\d+(</b>)?\t\s*\S|^\[illegible\]"),
    "提供先": re.compile(r"^(<b>)?提供先\d+(</b>)?\t\s*\S"),
    "移転先": re.compile(r"^(<b>)?移転先\d+(</b>)?\t\s*\S"),
    "リスク": re.compile(r"リスクへの対策は十分か"),
}
CHANGE_ROW = re.compile(r"^(<p>)?\s*(平成|令和)[0-9元]+年[0-9]+月[0-9]+日(</p>)?\t")
ENTRY = re.compile(r"^L(\d+)(?:-(\d+))?\s+(?:「(.+?)」|(消失))(?:\s|$)")
CONTENT_DATA = real_content.content()
BY_ID = {a.id: a for a in CONTENT_DATA.assessments}
README = (CONTENT / "README.md").read_text(encoding="utf-8")


def _source_lines(aid: str) -> list[str]:
    return (SOURCES / FIDELITY[aid]["出典"]).read_text(encoding="utf-8").rstrip("\n").split("\n")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lines(span: str) -> tuple[int, int]:
    first, _, last = span.removeprefix("L").partition("-")
    return int(first), int(last or first)


def seed_counts(aid: str) -> dict[str, int]:
    """The eight counts of one assessment as the count file states them (in `stats --json` order)."""
    entry = FIDELITY[aid]
    counts = {key: len(entry[name]) for name, (key, _) in CATEGORIES.items()}
    counts["changes"] = entry["変更"]["件数"]
    return counts


def test_count_file_covers_the_five_assessments_and_their_sources() -> None:
    assert sorted(FIDELITY) == sorted(BY_ID)
    for aid, entry in FIDELITY.items():
        assert BY_ID[aid].record["source"] == entry["出典"]
        assert (SOURCES / entry["出典"]).is_file()


@pytest.mark.parametrize("aid", sorted(FIDELITY))
def test_every_counted_thing_cites_a_source_line_that_shows_it(aid: str) -> None:
    lines = _source_lines(aid)
    wrong = []
    for name, (_, lost_label) in CATEGORIES.items():
        for cited in FIDELITY[aid][name]:
            m = ENTRY.match(cited)
            if m is None:
                wrong.append(f"{name}: {cited}: 「L行 「引用」」か「L行-行 消失」の形ではありません")
                continue
            first, last = int(m[1]), int(m[2] or m[1])
            text = "".join(lines[first - 1 : last])
            if m[3] is not None and _squash(m[3]) not in _squash(text):
                wrong.append(f"{name}: {cited}: L{first} に「{m[3]}」がありません")
            if m[4] is not None and lost_label in text:
                wrong.append(f"{name}: {cited}: 消失とした範囲に「{lost_label}」が残っています")
    assert wrong == []


@pytest.mark.parametrize("aid", sorted(FIDELITY))
def test_every_printed_heading_is_counted_or_excluded(aid: str) -> None:
    """Recount from the source: a heading line the count file neither lists nor excludes is a missed thing."""
    lines = _source_lines(aid)
    end = _lines(FIDELITY[aid]["変更"]["範囲"])[0]
    excluded = {int(ENTRY.match(x)[1]) for x in FIDELITY[aid].get("除外", [])}
    for name, pattern in HEADINGS.items():
        found = {n for n in range(1, end) if pattern.search(lines[n - 1])}
        listed = {int(m[1]) for x in FIDELITY[aid][name] if (m := ENTRY.match(x)) and not m[4]}
        assert found - excluded == {n for n in listed if n < end and pattern.search(lines[n - 1])}, name


@pytest.mark.parametrize("aid", sorted(FIDELITY))
def test_change_rows_are_recounted_from_the_source(aid: str) -> None:
    first, last = _lines(FIDELITY[aid]["変更"]["範囲"])
    lines = _source_lines(aid)
    assert "変更箇所" in lines[first - 1] and last == len(lines)  # the table runs to the end of the document
    rows = [n for n in range(first, last + 1) if CHANGE_ROW.match(lines[n - 1])]
    assert len(rows) == FIDELITY[aid]["変更"]["件数"]


@pytest.mark.parametrize("aid", sorted(FIDELITY))
def test_counts_equal_the_count_file(aid: str) -> None:
    assert assessment_stats(BY_ID[aid]) == seed_counts(aid)


def test_stats_json_command_reports_the_same_counts() -> None:
    out = run_cli("stats", "--json", cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {aid: seed_counts(aid) for aid in FIDELITY}


@pytest.mark.parametrize("aid", sorted(FIDELITY))
def test_readme_fidelity_row_and_markers_match_content(aid: str) -> None:
    row = next(line for line in README.splitlines() if line.startswith(f"| {aid} |"))
    numbers = [int(cell) for cell in row.strip("|").split("|")[4:]]
    assert numbers == list(seed_counts(aid).values())
    block = re.search(rf"<!-- markers:{aid} -->\n(.*?)\n<!-- /markers:{aid} -->", README, re.S)
    assert block is not None
    assert block[1].splitlines() == (marker_lines(BY_ID[aid]) or ["- なし"])


def test_readme_provenance_table_matches_content() -> None:
    """The read / 推定 / 判読不能 / 非公表 table in content/README.md is what `stats --provenance` prints."""
    block = re.search(r"<!-- provenance -->\n(.*?)\n<!-- /provenance -->", README, re.S)
    assert block is not None
    assert block[1].splitlines() == provenance_table(list(CONTENT_DATA.assessments))


def test_no_unsettled_comment_is_left_in_the_content() -> None:
    """要確認 lived only in YAML comments the site never shows: every one became a read value, 推定 or 判読不能."""
    left = [f"{p.name}:{n}" for p in sorted((CONTENT / "assessments").glob("*.yaml"))
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "要確認" in line]
    assert left == []


def _file(aid: str, n: int) -> dict[str, Any]:
    return BY_ID[aid].record["files"][n - 1]


def _names(ticks: Any) -> list[str]:
    ticks = ticks.partial if isinstance(ticks, Marker) else ticks
    return [t.label for t in ticks]


def test_otaru_keijidosha_entrustment() -> None:
    e = _file("012033-3", 1)["outsourcing"]["entrustments"][0]
    assert (e["title"], e["contractor"], e["subcontract"]["status"]) == (
        "軽自動車税システムの運用保守",
        "日本電気株式会社北海道支社",
        "再委託する",
    )
    assert e["handler_count"] == "10人未満"


def test_otaru_juki_transfers_and_entrustments() -> None:
    f = _file("012033-1", 1)
    transfers = f["provision_transfer"]["transfers"]
    assert transfers[0]["name"] == "財政部 市民税課" and len(transfers) == 15
    assert transfers[14]["name"] == "教育委員会 学校教育支援室"
    assert [e["contractor"] for e in f["outsourcing"]["entrustments"]] == ["日本電気株式会社北海道支社", "株式会社HBA"]
    assert f["provision_transfer"]["provisions"][0]["methods"] == (Tick("情報提供ネットワークシステム"),)
    assert BY_ID["012033-1"].record["cover"]["published"].wareki == "令和7年7月25日"


def test_otaru_juki_lost_systems_are_marked_not_guessed() -> None:
    systems = BY_ID["012033-1"].record["basic_info"]["systems"]
    assert [s["name"].kind if isinstance(s["name"], Marker) else "read" for s in systems] == [
        "read", "判読不能", "判読不能", "判読不能", "推定"
    ]
    assert systems[4]["name"].partial == "コンビニ交付システム" and "L739" in systems[4]["name"].note


def test_otaru_juki_second_provision_is_recorded_with_what_is_legible() -> None:
    provisions = _file("012033-1", 3)["provision_transfer"]["provisions"]
    assert len(provisions) == 1
    entry = provisions[0]
    assert entry["name"].kind == "判読不能" and "機構" in entry["name"].note
    assert entry["purpose"].partial.startswith("個人番号カード省令第23条の2")
    assert entry["timing"].partial.startswith("個人番号通知書に係る送付先情報は、新たに個人番号の")


def test_tottori_transfer_and_contractor() -> None:
    t = _file("312011-14", 2)["provision_transfer"]["transfers"][0]
    assert t["name"] == "長寿社会課" and t["subject_count"] == "1万人未満"
    assert _names(t["methods"]) == ["庁内連携システム", "紙"]
    assert _file("312011-14", 1)["outsourcing"]["entrustments"][0]["contractor"] == "富士通Japan株式会社"
    assert BY_ID["312011-14"].record["basic_info"]["network_linkage"]["status"] == "実施しない"


def test_koshigaya_version_transfers_and_lost_choice() -> None:
    a = BY_ID["112224-7"]
    assert a.record["form_version"] == "令和6年10月 様式3"
    transfers = _file("112224-7", 1)["provision_transfer"]["transfers"]
    assert [t["name"] for t in transfers] == ["福祉部 生活福祉課", "行財政部 収納課"]
    assert (
        isinstance(transfers[0]["subject_count"], Marker) and transfers[1]["subject_count"] == "10万人以上100万人未満"
    )
    assert _file("112224-7", 1)["outsourcing"]["entrustments"][0]["contractor"] == "株式会社アイネス"
    assert _names(a.record["risks"][0]["audit"]["implemented"]) == ["自己点検", "外部監査"]
    status = _file("112224-7", 1)["provision_transfer"]["status"]
    assert status.kind == "推定" and status.partial == (Tick("移転を行っている", "215,000"),)
    assert transfers[0]["methods"] == ()  # 004:L159: all seven options printed [ ], read as nothing ticked
    title = a.record["cover"]["title"]
    assert (title.partial, title.printed) == (
        "軽自動車税(種別割)賦課に関する事務 重点項目評価書", "軽自動車税(種別割)賦課に関する事務 重点項目評価"
    )


def test_koshigaya_record_items_in_nine_groups() -> None:
    groups = _file("112224-7", 1)["record_items"]
    assert [len(g.items) for g in groups] == [73, 31, 41, 73, 17, 10, 17, 3, 1]


def test_minato_full_form_risks_and_third_party_review() -> None:
    r = BY_ID["131032-2"].record
    assert r["form"] == "全項目評価書"
    block = r["risks"][0]
    assert block["file_names"] == ("住民税賦課情報ファイル", "収納管理情報ファイル", "滞納整理情報ファイル")
    assert block["acquisition"]["risk1"]["sufficiency"] == "十分である"
    assert r["procedure"]["third_party_review"]["date"] == "令和7年9月18日(諮問)"
    assert r["procedure"]["third_party_review"]["result"] == "問題は認められない"
    assert len(r["basic_info"]["systems"]) == 11 and r["basic_info"]["systems"][0]["name"] == "税務システム"


def test_minato_provisions_and_illegible_entrustments() -> None:
    f = _file("131032-2", 1)
    provisions = f["provision_transfer"]["provisions"]
    assert provisions[1]["name"] == "国税庁長官" and len(provisions) == 5
    entrust = f["outsourcing"]["entrustments"]
    assert len(entrust) == 12 and isinstance(entrust[11]["contractor"], Marker)
    assert entrust[0]["title"] == "税務システムの保守・運用委託"


def test_first_and_last_change_rows() -> None:
    rows = BY_ID["012033-3"].record["changes"]
    assert rows[0]["date"].wareki == "平成28年4月28日" and rows[0]["timing"] == "事後"
    assert sum(1 for r in rows if r["timing"] == "事前") == 3
    juki = BY_ID["012033-1"].record["changes"]
    assert juki[-1]["item"].startswith("別紙1")
