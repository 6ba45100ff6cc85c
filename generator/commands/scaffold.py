"""`make new`: an assessment file with every item of the form present and empty.

Each key carries a comment with its printed number, type and allowed choices, so a clerk
fills the file top to bottom and `make check` lists what is still empty.
"""

from __future__ import annotations

import json

from generator.forms.spec import Checks, Choice, Field, Form, Group, Repeat
from generator.load.content import assessment_root

INDENT = "  "
HOWTO = (  # how a value is known, in the file itself (details: content/EDITING_GUIDE.md)
    "# 印字どおりに写します。読めない値は {判読不能: \"理由(元資料の行)\"}、",
    "# 他の記載から推定した値は {推定: 値, 根拠: \"何をどこで読み、なぜその値か\"} と書きます",
    "# (content/EDITING_GUIDE.md「読み取り・推定・判読不能・非公表」)。",
)


def scaffold(form: Form, org_code: str, number: int, schema_ref: str) -> str:
    """YAML text of an empty assessment of `form` for 団体 `org_code`."""
    lines = [f"# yaml-language-server: $schema={schema_ref}", *HOWTO]
    preset = {"organization": json.dumps(org_code), "form": form.name, "number": str(number)}
    for sub in assessment_root(form).kind.fields:
        if sub.key == "ended":
            continue
        lines.extend(_field(sub, 0, preset))
    return "\n".join(lines) + "\n"


def _comment(spec: Field) -> str:
    parts = [p for p in (spec.no, spec.kind.name) if p]
    if isinstance(spec.kind, (Choice, Checks)):
        parts.append("選択肢: " + " / ".join(spec.kind.options))
    return "  # " + " ".join(parts) if parts else ""


def _field(spec: Field, depth: int, preset: dict[str, str], dash: bool = False) -> list[str]:
    pad = INDENT * depth
    key = f"{pad[:-2]}- {spec.label}" if dash else f"{pad}{spec.label}"
    if isinstance(spec.kind, Group):
        out = [f"{key}:{_comment(spec)}"]
        for sub in spec.kind.fields:
            out.extend(_field(sub, depth + 1, preset))
        return out
    if isinstance(spec.kind, Repeat):
        out = [f"{key}:{_comment(spec)}"]
        for i, sub in enumerate(spec.kind.fields):
            out.extend(_field(sub, depth + 2, preset, dash=i == 0))
        return out
    value = preset.get(spec.key, "")
    return [f"{key}: {value}{_comment(spec)}".replace(":  #", ": #")]
