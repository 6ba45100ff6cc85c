"""`python -m generator new`: a scaffold for a registered 団体, never over an existing file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.commands.new_file import NewFileError, new_assessment, schema_ref
from generator.outputs.jsonschema_export import SCHEMA_DIR

from .casefiles import MINIMAL, check_lines, run_cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    return shutil.copytree(MINIMAL, tmp_path / "content")


def run_new(content: Path, *args: str, real: bool = False) -> subprocess.CompletedProcess[str]:
    return run_cli("new", "--content", str(content), *args, cwd=ROOT, real=real)


def test_new_writes_the_scaffold(content: Path) -> None:
    result = run_new(content, "--org", "131032", "--form", "重点項目評価書", "--number", "5", real=True)
    assert result.returncode == 0, result.stderr
    path = content / "assessments" / "131032-5.yaml"
    first, *lines = path.read_text(encoding="utf-8").splitlines()
    rest = [line for line in lines if not line.startswith("#")]
    assert any("{推定: 値, 根拠:" in line for line in lines)  # the file says how to write what cannot be read
    ref = first.removeprefix("# yaml-language-server: $schema=")
    assert (path.parent / ref).resolve() == SCHEMA_DIR / "重点項目評価書.schema.json"
    assert '団体: "131032"' in rest[0] and "  評価書番号: 5  # 整数" in rest
    problems = check_lines(content)
    assert problems and all("131032-5.yaml" in p and "未記入です" in p for p in problems)


def test_schema_ref_in_the_real_layout() -> None:
    target = ROOT / "content" / "assessments" / "012033-99.yaml"
    assert schema_ref(target, "全項目評価書") == "../../generator/schemas/全項目評価書.schema.json"


def test_new_writes_any_form(content: Path) -> None:
    path = new_assessment(content, "012033", "全項目評価書", 7)
    assert path == content / "assessments" / "012033-7.yaml"
    keys = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert keys[1].startswith("様式: 全項目評価書  #")


def test_new_refuses_to_overwrite(content: Path) -> None:
    path = content / "assessments" / "012033-3.yaml"
    before = path.read_bytes()
    result = run_new(content, "--org", "012033", "--form", "重点項目評価書", "--number", "3")
    assert result.returncode == 1
    assert "既にあります" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("org", "form", "number", "message"),
    [
        ("011002", "重点項目評価書", 1, "団体「011002」が"),
        ("012033", "重点評価書", 1, "様式が不明です"),
        ("012033", "重点項目評価書", 0, "1以上の整数"),
    ],
)
def test_new_refuses_bad_requests(content: Path, org: str, form: str, number: int, message: str) -> None:
    with pytest.raises(NewFileError, match=message):
        new_assessment(content, org, form, number)
    assert sorted(p.name for p in (content / "assessments").iterdir()) == ["012033-3.yaml"]


def test_new_unknown_org_via_cli(content: Path) -> None:
    result = run_new(content, "--org", "999999", "--number", "1")
    assert result.returncode == 1
    assert result.stderr.startswith("団体「999999」が") and "登録済み: 012033 / 131032" in result.stderr
