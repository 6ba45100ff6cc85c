"""The five seeds as content: counts equal the fidelity table (counted from the seeds), the
table and marker list in content/README.md stay in sync, and spot checks against the seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

from generator.content import load_content
from generator.stats import assessment_stats, marker_lines
from generator.values import Marker, Tick

from .conftest import CONTENT, ROOT

# Counted from shared/seeds (see shared/seed-inventory): systems, files, 委託事項, 再委託する,
# 提供先 rows, 移転先 rows, risk items (Ⅲ 十分か), 変更箇所 rows.
SEED_COUNTS = {
    "012033-3": dict(systems=4, files=1, itaku=1, saiitaku=1, teikyo=0, iten=0, risks=8, henko=22),
    "012033-1": dict(systems=5, files=3, itaku=4, saiitaku=2, teikyo=1, iten=15, risks=24, henko=148),
    "312011-14": dict(systems=7, files=2, itaku=2, saiitaku=2, teikyo=0, iten=1, risks=16, henko=12),
    "131032-2": dict(systems=11, files=3, itaku=17, saiitaku=7, teikyo=5, iten=1, risks=22, henko=137),
    "112224-7": dict(systems=4, files=1, itaku=1, saiitaku=1, teikyo=0, iten=2, risks=8, henko=52),
}
CONTENT_DATA = load_content(CONTENT)
BY_ID = {a.id: a for a in CONTENT_DATA.assessments}
README = (CONTENT / "README.md").read_text(encoding="utf-8")


def test_all_five_assessments_load() -> None:
    assert sorted(BY_ID) == sorted(SEED_COUNTS)


@pytest.mark.parametrize("aid", sorted(SEED_COUNTS))
def test_counts_equal_the_seed_counts(aid: str) -> None:
    assert assessment_stats(BY_ID[aid]) == SEED_COUNTS[aid]


def test_stats_json_command_reports_the_same_counts() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "generator", "stats", "--json"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == SEED_COUNTS


@pytest.mark.parametrize("aid", sorted(SEED_COUNTS))
def test_readme_fidelity_row_and_markers_match_content(aid: str) -> None:
    row = next(line for line in README.splitlines() if line.startswith(f"| {aid} |"))
    numbers = [int(cell) for cell in row.strip("|").split("|")[4:]]
    assert numbers == list(SEED_COUNTS[aid].values())
    block = re.search(rf"<!-- markers:{aid} -->\n(.*?)\n<!-- /markers:{aid} -->", README, re.S)
    assert block is not None
    assert block[1].splitlines() == (marker_lines(BY_ID[aid]) or ["- なし"])


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
    assert [isinstance(s["name"], Marker) for s in systems] == [False, True, True, True, False]
    assert systems[4]["name"] == "コンビニ交付システム"


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
    assert status == (Tick("移転を行っている", "215,000"),)


def test_koshigaya_record_items_in_nine_groups() -> None:
    groups = _file("112224-7", 1)["record_items"]
    assert [len(g.items) for g in groups] == [73, 31, 41, 73, 17, 10, 17, 3, 1]


def test_minato_zenkomoku_risks_and_third_party_review() -> None:
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
