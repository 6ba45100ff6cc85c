"""Examples for the editing guide: `Field.example` when the spec gives one, else derived from the kind.

Rendered as small YAML snippets exactly as a clerk would type them (checked by tests/test_guide.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import yaml

from generator.forms.spec import (
    Checks,
    Choice,
    Date,
    Field,
    Group,
    Int,
    Kind,
    RecordItems,
    Repeat,
    Rich,
    Text,
    TextList,
    Url,
    by_kind,
)

SAMPLE_TEXT = "○○○○"
SAMPLE_RICH = "○○○○。\n△△△△。\n"
NESTED = object()  # an item of a group shown by its key only: its own example follows in the guide


def example_value(spec: Field) -> Any:
    """What a filled-in value of `spec` looks like."""
    if spec.example is not None:
        return spec.example
    return EXAMPLES(spec.kind)(spec.kind)


def _checks(kind: Checks) -> list[Any]:
    plain = [o for o in kind.options if o not in kind.with_text][:1]
    return plain + [{o: SAMPLE_TEXT} for o in kind.with_text[:1]]


EXAMPLES: Callable[[Kind], Callable[[Any], Any]] = by_kind({
    Group: lambda kind: {sub.label: NESTED for sub in kind.fields},
    Repeat: lambda kind: [{sub.label: NESTED for sub in kind.fields}],
    Choice: lambda kind: kind.options[0],
    Checks: _checks,
    Text: lambda kind: SAMPLE_TEXT,
    Rich: lambda kind: SAMPLE_RICH,
    Int: lambda kind: 1,
    Date: lambda kind: "令和5年4月3日",
    TextList: lambda kind: [f"{SAMPLE_TEXT}ファイル"],
    RecordItems: lambda kind: ["個人番号", "氏名", "住所"],
    Url: lambda kind: "https://www.city.example.lg.jp/",
})


def example_yaml(spec: Field) -> str:
    """`label: value` as YAML text."""
    return "\n".join(_emit(spec.label, example_value(spec), "")) + "\n"


def _emit(key: str, value: Any, pad: str, dash: str = "") -> list[str]:
    head = f"{pad}{dash}{key}:"
    inner = pad + " " * (len(dash) + 2)
    if value is NESTED:
        return [head]
    if isinstance(value, dict):
        return [head, *(line for k, v in value.items() for line in _emit(k, v, inner))]
    if isinstance(value, list):
        return [head, *(line for entry in value for line in _entry(entry, inner))]
    if isinstance(value, str) and "\n" in value:
        return [f"{head} |", *(f"{inner}{line}" for line in value.splitlines())]
    return [f"{head} {scalar(value)}"]


def _entry(entry: Any, pad: str) -> list[str]:
    """One list entry: `- value`, or a mapping whose first key shares the dash line."""
    if not isinstance(entry, dict):
        return [f"{pad}- {scalar(entry)}"]
    lines: list[str] = []
    for i, (k, v) in enumerate(entry.items()):
        lines.extend(_emit(k, v, pad, "- ") if i == 0 else _emit(k, v, pad + "  "))
    return lines


def scalar(value: Any) -> str:
    """A plain YAML scalar when it reads back unchanged, else a quoted one (e.g. "012033")."""
    text = str(value)
    try:
        plain = yaml.safe_load(f"k: {text}")
    except yaml.YAMLError:
        plain = None
    return text if plain == {"k": value} else json.dumps(value, ensure_ascii=False)
