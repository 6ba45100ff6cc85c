"""Loader and validator: the minimal fixture loads; every broken case gives its one exact error line.

Regenerate the expected lines after a deliberate message change with `make goldens` (python -m tests.casefiles)
and read the diff; the tests themselves never write them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import generator.load.content
from generator.load.content import load_content
from generator.load.problems import ContentError
from generator.load.values import Marker, Tick

from .casefiles import BROKEN, MINIMAL, apply, broken_cases, check_lines, inside, make_case, run_cli


def expected_lines(case: str) -> list[str]:
    return (BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_minimal_fixture_is_valid(tmp_path: Path) -> None:
    content = load_content(MINIMAL)
    assert sorted(content.organizations) == ["012033", "131032"]
    (assessment,) = content.assessments
    assert assessment.id == "012033-3"
    linkage = assessment.record["basic_info"]["network_linkage"]["status"]
    assert isinstance(linkage, Marker) and linkage.kind == "判読不能"
    system = assessment.record["basic_info"]["systems"][0]
    assert Tick("その他", "中間サーバー") in system["connections"]


def test_there_are_enough_broken_cases() -> None:
    assert len(broken_cases()) >= 15


@pytest.mark.parametrize("case", broken_cases())
def test_broken_case_gives_its_one_error(case: str, tmp_path: Path) -> None:
    lines = check_lines(make_case(case, tmp_path / case))
    assert lines == expected_lines(case)
    assert len(lines) == 1, "each broken case breaks exactly one thing"


def run_check(root: Path, real: bool = False) -> subprocess.CompletedProcess[str]:
    return run_cli("check", "--content", ".", cwd=root, real=real)


# One case and the valid fixture go through a real `python -m generator` process; the rest call the same main().
@pytest.mark.parametrize(("case", "real"), [("yaml_syntax", False), ("non_utf8", True), ("bom", False),
                                            ("too_many_entries", False), ("unknown_org", False)])
def test_check_command_prints_the_lines_and_fails(case: str, real: bool, tmp_path: Path) -> None:
    result = run_check(make_case(case, tmp_path / case), real)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [*expected_lines(case), "エラー 1 件 (1 error(s))"]


def test_check_command_accepts_the_minimal_fixture(tmp_path: Path) -> None:
    result = run_check(shutil.copytree(MINIMAL, tmp_path / "minimal"), real=True)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("OK: 団体 2 件、評価書 1 件")


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    root = make_case("wrong_choice", tmp_path / "many")
    for case in ("bad_date", "checkbox_not_in_list", "org_check_digit", "empty_file"):
        for op in yaml.safe_load((BROKEN / case / "patch.yaml").read_text(encoding="utf-8")):
            apply(root, op)
    lines = check_lines(root)
    wanted = [
        expected_lines(c)[0]
        for c in ("wrong_choice", "bad_date", "checkbox_not_in_list", "org_check_digit", "empty_file")
    ]
    assert sorted(lines) == sorted(wanted)


# -- the loader never crashes: every value of the minimal file replaced by odd shapes ----------------

ODD_VALUES = ("{判読不能: x}", "①", "[[x]]", "[{グループ: [x], 項目: [x]}]")


def _slots(node: yaml.Node) -> list[tuple[list, int]]:
    """(container list, index) of every mapping value and list entry, depth first."""
    out: list[tuple[list, int]] = []
    if isinstance(node, yaml.MappingNode):
        for i, (_, value) in enumerate(node.value):
            out.append((node.value, i))
            out.extend(_slots(value))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            out.append((node.value, i))
            out.extend(_slots(value))
    return out


def _swap(container: list, i: int, new: yaml.Node) -> object:
    old = container[i]
    container[i] = (old[0], new) if isinstance(old, tuple) else new
    return old


def test_loader_never_crashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = shutil.copytree(MINIMAL, tmp_path / "fuzz")
    target = root / "assessments" / "012033-3.yaml"
    tree = yaml.compose(target.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    real = generator.load.content.compose
    monkeypatch.setattr(
        generator.load.content,
        "compose",
        lambda path, data: (tree, []) if path.endswith("012033-3.yaml") else real(path, data),
    )
    odd = [yaml.compose(v, Loader=yaml.SafeLoader) for v in ODD_VALUES]
    tried = 0
    with inside(root):
        for container, i in _slots(tree):
            for new in odd:
                old = _swap(container, i, new)
                try:
                    load_content(Path("."))
                except ContentError as err:
                    assert all(p.line >= 1 for p in err.problems)
                finally:
                    container[i] = old
                tried += 1
    assert tried > 400
