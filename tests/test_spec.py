"""The form spec is the one source of value kinds: a kind that some module does not handle stops the program
when that module is imported (forms/spec.py `by_kind`), never later on some value."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.forms.spec import KINDS, VALUE_KINDS, Group, Repeat, Text, by_kind

from .conftest import ROOT

DISPATCHERS = (
    "generator.load.validate",
    "generator.pages.value_html",
    "generator.pages.guide_examples",
    "generator.outputs.jsonschema_export",
    "generator.outputs.opendata.records",
    "generator.outputs.opendata.schema",
)
NEW_KIND = """
from dataclasses import dataclass
import generator.forms.spec as spec

@dataclass(frozen=True)
class Money(spec.Kind):
    name = "金額"

spec.KINDS = (*spec.KINDS, Money)
spec.VALUE_KINDS = (*spec.VALUE_KINDS, Money)
import {module}
"""


def test_by_kind_refuses_a_table_that_misses_a_kind() -> None:
    with pytest.raises(TypeError, match="Repeat"):
        by_kind({k: k.__name__ for k in KINDS if k is not Repeat})
    table = by_kind({k: k.__name__ for k in KINDS})
    assert table(Text()) == "Text" and table(Group()) == "Group"
    assert set(VALUE_KINDS) == set(KINDS) - {Group, Repeat}


@pytest.mark.parametrize("module", DISPATCHERS)
def test_a_new_kind_fails_every_module_that_handles_values_at_import(module: str) -> None:
    run = subprocess.run([sys.executable, "-c", NEW_KIND.format(module=module)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0, f"{module} imported although it does not handle the new kind"
    assert "TypeError: by_kind: no handler for ['Money']" in run.stderr, run.stderr[-2000:]


def test_a_kind_class_not_listed_in_kinds_fails_at_import(tmp_path: Path) -> None:
    source = (ROOT / "generator/forms/spec.py").read_text(encoding="utf-8")
    money = '@dataclass(frozen=True)\nclass Money(Kind):\n    name = "金額"\n\n\nKINDS: tuple'
    assert "\nKINDS: tuple" in source
    (tmp_path / "spec_with_money.py").write_text(source.replace("\nKINDS: tuple", "\n" + money, 1), encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", "import spec_with_money"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert "KINDS misses ['Money']" in run.stderr, run.stderr[-2000:]
