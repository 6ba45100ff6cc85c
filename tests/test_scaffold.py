"""`make new` scaffolds: an empty file fails `check` once per required item; filled in, it passes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.commands.scaffold import scaffold
from generator.forms import FORMS
from generator.forms.spec import Field, Form, Group, Repeat
from generator.load.content import assessment_root, load_content

from .casefiles import MINIMAL, MINIMAL_ASSESSMENT, check_lines, json_data

PRESET = {"organization", "form", "number"}  # filled in by the scaffold itself
_KEY_LINE = re.compile(r"^(\s*)(- )?([^:#]+):(.*)$")


def required_items(form: Form) -> list[tuple[str, str]]:
    """(item path as `check` prints it, label) of every required leaf the scaffold leaves empty."""
    out: list[tuple[str, str]] = []

    def visit(spec: Field, where: str) -> None:
        item = f"{where} > {spec.heading}" if where else spec.heading
        if isinstance(spec.kind, (Group, Repeat)):
            inner = f"{item}[1]" if isinstance(spec.kind, Repeat) else item
            for sub in spec.kind.fields:
                visit(sub, inner)
        elif spec.required and spec.key not in PRESET:
            out.append((item, spec.label))

    for spec in assessment_root(form).kind.fields:
        if spec.key != "ended":
            visit(spec, "")
    return out


def write_scaffold(tmp_path: Path, text: str) -> Path:
    root = shutil.copytree(MINIMAL, tmp_path / "content")
    (root / "assessments" / "012033-3.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", sorted(FORMS))
def test_scaffold_fails_item_by_item(name: str, tmp_path: Path) -> None:
    text = scaffold(FORMS[name], "012033", 3, "../../generator/schemas/x.schema.json")
    root = write_scaffold(tmp_path, text)
    lines = check_lines(root)
    expected = required_items(FORMS[name])
    assert len(lines) == len(expected)
    source = text.splitlines()
    for line, (item, label) in zip(lines, expected, strict=True):
        where, _, rest = line.partition(": ")
        number = int(where.rsplit(":", 1)[1])
        assert rest == f"{item}: 未記入です。この項目は必須です (required item is empty)"
        assert source[number - 1].strip().removeprefix("- ").startswith(f"{label}:")


def fill(text: str, data: dict[str, Any]) -> str:
    """Fill the scaffold's empty values from `data` (a parsed assessment with at most one entry per list)."""
    lines = text.splitlines()
    columns = [_column(line) for line in lines]
    out, stack, skip = [], [], None
    for i, line in enumerate(lines):
        m = _KEY_LINE.match(line)
        if not m or (skip is not None and columns[i] > skip):
            out.extend([] if m else [line])
            continue
        skip = None
        while stack and stack[-1][0] >= columns[i]:
            stack.pop()
        stack.append((columns[i], m[3]))
        value = _lookup(data, [key for _, key in stack])
        prefix = f"{m[1]}{m[2] or ''}{m[3]}:"
        has_children = i + 1 < len(lines) and columns[i + 1] > columns[i]
        if has_children and value == []:
            out.append(f"{prefix} []")
            skip = columns[i]
        elif has_children:
            out.append(prefix)
        else:
            out.append(prefix if value is None else f"{prefix} {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(out) + "\n"


def _column(line: str) -> int:
    m = _KEY_LINE.match(line)
    return len(m[1]) + (2 if m[2] else 0) if m else -1


def _lookup(data: Any, keys: list[str]) -> Any:
    for key in keys:
        if isinstance(data, list):
            data = data[0] if data else None
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _plain(record: Any) -> Any:
    """A record without the source line numbers."""
    if isinstance(record, dict):
        return {k: _plain(v) for k, v in record.items() if k != "_line"}
    if isinstance(record, list):
        return [_plain(v) for v in record]
    return record


def test_scaffold_filled_from_the_minimal_fixture_passes(tmp_path: Path) -> None:
    data = json_data(yaml.compose(MINIMAL_ASSESSMENT.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
    text = fill(scaffold(FORMS["重点項目評価書"], "012033", 3, "../../generator/schemas/x.schema.json"), data)
    root = write_scaffold(tmp_path, text)
    assert check_lines(root) == []
    (filled,) = load_content(root).assessments
    (original,) = load_content(MINIMAL).assessments
    assert _plain(filled.record) == _plain(original.record)
