"""How each value is known: 推定 / 判読不能 (記載, 未選択) / 非公表 / 原本の表記, from YAML to page, JSON and stats.

Built on tests/fixtures/provenance (a patch of the minimal fixture); the page is a real mkdocs build
read in Chromium.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.build.pipeline import build_site
from generator.load.content import Content, load_content
from generator.load.values import INFERRED, RECORD_MARKER, RECORD_PRINTED, Entries, Marker, Printed, Tick
from generator.model import urls
from generator.model.stats import provenance_counts, provenance_table
from generator.outputs.opendata.records import assessment_json
from generator.outputs.opendata.schema import assessment_schema

from .casefiles import check_lines, provenance_content
from .conftest import ROOT, serve


@pytest.fixture(scope="module")
def content_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return provenance_content(tmp_path_factory.mktemp("provenance"))


@pytest.fixture(scope="module")
def content(content_dir: Path) -> Content:
    return load_content(content_dir)


@pytest.fixture(scope="module")
def record(content: Content) -> dict:
    return content.assessments[0].record


def test_fixture_passes_check(content_dir: Path) -> None:
    assert check_lines(content_dir) == []


def test_inferred_choice_keeps_value_and_evidence(record: dict) -> None:
    status = record["basic_info"]["network_linkage"]["status"]
    assert status == Marker(INFERRED, status.note, "実施しない")
    assert status.note.startswith("000:L72")


def test_partly_readable_checks_split_read_inferred_and_unticked(record: dict) -> None:
    connections = record["basic_info"]["systems"][0]["connections"]
    assert connections.kind == "判読不能"
    assert connections.partial == (
        Tick("宛名システム等"),
        Tick("その他", "中間サーバー", evidence="000:L61 括弧内に「中間サーバー」とある"),
    )
    assert connections.unticked == ("税務システム",)


def test_markers_on_whole_entries_and_groups(record: dict) -> None:
    systems = record["basic_info"]["systems"]
    assert systems[1][RECORD_MARKER].kind == "判読不能" and systems[1]["name"] is None
    assert systems[2][RECORD_MARKER].inferred and systems[2]["name"] == "収納システム"
    subcontract = record["files"][0]["outsourcing"]["entrustments"][0]["subcontract"]
    assert subcontract[RECORD_MARKER].inferred and subcontract["status"] == "再委託しない"
    assert not isinstance(systems, Entries)
    transfers = record["files"][0]["provision_transfer"]["transfers"]
    assert isinstance(transfers, Entries) and transfers == [] and transfers.marker.inferred
    department = record["basic_info"]["department"]
    assert department.kind == "判読不能" and department.partial == {"division": "財政部税務室"}


def test_inferred_tick_in_a_read_list(record: dict) -> None:
    sources = record["files"][0]["acquisition"]["sources"]
    assert sources[0] == Tick("本人又は本人の代理人", evidence="000:L66 ○の位置がずれて印字、その妥当性の記載から")
    assert sources[1].evidence is None


def test_printed_wording_is_kept_beside_the_form_value(record: dict) -> None:
    method = record["files"][0]["acquisition"]["methods"]
    assert Tick("庁内連携システム", printed="府内連携システム") in method
    effort = record["risks"][0]["training"]["level"]
    assert effort == "十分に行っている" and isinstance(effort, Printed) and effort.printed == "十分にやっている"
    assert record["risks"][0]["use"]["risk1"][RECORD_PRINTED].endswith("事務に必要な情報との紐付けが行われるリスク")


def test_open_data_marks_inferred_values_and_validates(content: Content) -> None:
    a = content.assessments[0]
    data = assessment_json(a, content.organizations[a.org_code])
    assert list(Draft202012Validator(assessment_schema()).iter_errors(data)) == []
    basic = data["評価書"]["基本情報"]
    assert basic["情報提供ネットワークシステムによる情報連携"]["実施の有無"] == {
        "推定": True,
        "値": "実施しない",
        "根拠": "000:L72 の選択肢はすべて素の input。法令上の根拠が空欄なので「実施しない」と推定",
    }
    systems = basic["特定個人情報ファイルを取り扱う事務において使用するシステム"]
    assert systems[1] == {"判読不能": "000:L64 システム2の行は全体が読めない"}
    assert systems[2]["推定"] is True and systems[2]["値"]["システムの名称"] == "収納システム"
    assert systems[0]["他のシステムとの接続"]["未選択"] == ["税務システム"]
    file = data["評価書"]["特定個人情報ファイルの概要"][0]
    assert file["特定個人情報の提供・移転(委託に伴うものを除く。)"]["移転先"]["推定"] is True
    assert file["特定個人情報の入手・使用"]["入手元"][0]["推定"] is True
    assert basic["評価実施機関における担当部署"] == {
        "判読不能": "000:L80 役職名の行が抽出で消失", "記載": {"部署": "財政部税務室"}
    }


def test_provenance_counts(content: Content) -> None:
    counts = provenance_counts(content.assessments[0])
    # 推定: 実施の有無, system 3 (2 filled items), 再委託 (1 filled item), 入手元 (a list with an inferred
    # tick) → 5; the list of 接続 is inside 判読不能 and the empty inferred 移転先 has no items.
    # 判読不能: 接続, system 2, 担当部署 → 3.
    assert (counts[INFERRED], counts["判読不能"], counts["非公表"]) == (5, 3, 0)
    assert provenance_table(list(content.assessments))[2].startswith("| 012033-3 | ")


def test_make_new_without_arguments_prints_usage() -> None:
    done = subprocess.run(["make", "-s", "new"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    assert done.stdout.startswith("使い方: make new ORG=団体コード NUMBER=評価書番号")


def test_guide_example_number_does_not_exist_yet() -> None:
    guide = (ROOT / "content" / "EDITING_GUIDE.md").read_text(encoding="utf-8")
    assert "make new ORG=012033 FORM=重点項目評価書 NUMBER=99" in guide
    assert not (ROOT / "content" / "assessments" / "012033-99.yaml").exists()


@pytest.fixture(scope="module")
def provenance_site(content_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("provenance-site") / "site"
    build_site(content_dir, out)
    return out


def test_page_shows_inferred_values_distinctly(browser, provenance_site: Path) -> None:
    """In Chromium: the 推定 badge is text, the evidence opens on click, 判読不能 parts are labelled apart."""
    server, base = serve(provenance_site)
    page = browser.new_page()
    try:
        page.goto(base + urls.assessment("012033-3").lstrip("/"))
        row = page.locator("tr", has=page.locator("th", has_text="①実施の有無"))
        badge = row.locator(".pia-inferred-badge")
        assert badge.inner_text() == "推定"
        evidence = row.locator("details.pia-inferred-evidence")
        assert not evidence.locator("span").is_visible()
        evidence.locator("summary").click()
        assert evidence.locator("span").inner_text().startswith("000:L72")
        assert row.locator(".pia-choice").inner_text() == "実施しない"
        connections = page.locator("tr", has=page.locator("th", has_text="③他のシステムとの接続")).first
        labels = connections.locator(".pia-marker-partial-label").all_inner_texts()
        assert [t.strip() for t in labels] == [
            "読み取れた記載:", "推定した記載:", "チェックなしと読み取れた選択肢:", "読み取れなかった選択肢:"
        ]
        assert page.get_by_text("(原本の表記: 府内連携システム)").count() == 1
        assert page.locator("h4", has_text="システム3: 収納システム(推定)").count() == 1
        sources = page.locator("tr", has=page.locator("th", has_text="①入手元")).first
        assert sources.locator("li").first.locator(".pia-inferred-badge").text_content() == "推定"
        assert sources.locator("li").nth(1).locator(".pia-inferred-badge").count() == 0
        risk = "原本の表記: 目的を超えた紐付け、事務に必要な情報との紐付けが行われるリスク"
        assert page.get_by_text(risk).count() == 1
    finally:
        page.close()
        server.shutdown()


def test_provenance_values_survive_pickle_and_copy(record: dict) -> None:
    """Records may be cached or sent to worker processes: 推定 lists and 原本の表記 must come back intact."""
    import copy
    import pickle

    again = pickle.loads(pickle.dumps(record))
    assert again == record
    assert again["risks"][0]["training"]["level"].printed == "十分にやっている"
    transfers = copy.deepcopy(record)["files"][0]["provision_transfer"]["transfers"]
    assert isinstance(transfers, Entries) and transfers.marker.inferred
