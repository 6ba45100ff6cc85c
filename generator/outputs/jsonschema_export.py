"""JSON Schema (draft 2020-12) of each form and of the 団体 record, from the same Field tree the validator walks.

VS Code's YAML extension reads it through each file's `# yaml-language-server: $schema=…` line, so a clerk
sees labels, descriptions, choices and typos while typing. It mirrors `validate.Walker`: any scalar is text,
a 推定 (`{推定: value, 根拠: …}`) or a 判読不能/非公表 marker may stand for any value or repeated entry,
`{値: value, 原本の表記: …}` for a text or choice, optional items (and repeating groups) may be empty.
`make check` stays the authority (references, check digits, file names are beyond a schema).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.forms import FORMS
from generator.forms.meta import ORGANIZATION
from generator.forms.spec import (
    VALUE_KINDS,
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
from generator.load.content import assessment_root
from generator.load.values import EVIDENCE, INFERRED, LOST, PARTIAL, PRINTED, READ_VALUE, UNTICKED

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"  # beside the package: content/ files point here
DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCALAR = {"type": ["string", "number", "boolean"]}
_S, _D = "[ \u3000]*", "[0-9０-９]"
_ISO = f"{_D}{{4}}[-－/／.．]{_D}{{1,2}}(?:[-－/／.．]{_D}{{1,2}})?"  # 2023-04-03, 2025/4/1
_WAREKI = f"(?:明治|大正|昭和|平成|令和){_S}(?:元|{_D}{{1,2}}){_S}年{_S}{_D}{{1,2}}{_S}月(?:{_S}{_D}{{1,2}}{_S}日)?"
_WESTERN = f"{_D}{{4}}{_S}年{_S}{_D}{{1,2}}{_S}月(?:{_S}{_D}{{1,2}}{_S}日)?"
_DOT = "[./．／]"
_ERA = "(?:明治|大正|昭和|平成|令和|[MTSHRmtshrＭＴＳＨＲｍｔｓｈｒ])"  # R7.4.1
_SHORT = f"{_ERA}(?:元|{_D}{{1,2}}){_DOT}{_D}{{1,2}}(?:{_DOT}{_D}{{1,2}})?"
DATE_PATTERN = f"^{_S}(?:{_ISO}|{_WAREKI}|{_WESTERN}|{_SHORT}){_S}$"  # what wareki.parse_date reads (before calendar)
NOTE = {"type": ["string", "number"], "pattern": "\\S", "description": "理由(抽出元の行、非公表の根拠など)。"}
EVIDENCE_NOTE = {"type": ["string", "number"], "pattern": "\\S",
                 "description": "推定の根拠: 何をどこで読み(000:L72 など)、なぜその値になるか。"}
PRINTED_NOTE = {"type": ["string", "number"], "description": "原本の表記(様式の文言と違う印字のとき、その印字のまま)。"}


class _YamlSchema:
    """The schema of the YAML a clerk writes (editors validate content/ with it). Collects `$defs`: each distinct
    value schema once, with a marker schema beside it."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {"note": NOTE, "evidence": EVIDENCE_NOTE, "printed": PRINTED_NOTE}
        self.names: dict[str, str] = {}  # canonical JSON of a value schema → its name in $defs

    def define(self, name: str, schema: dict[str, Any]) -> str:
        canonical = json.dumps(schema, ensure_ascii=False)  # key order too: it is the order the editor shows
        if canonical not in self.names:
            while name in self.defs:  # same kind, different details (e.g. another option list)
                name += "_"
            self.names[canonical] = name
            self.defs[name] = schema
            self.defs[f"marker:{name}"] = _marker(name, schema)
            self.defs[f"inferred:{name}"] = _inferred(name)
        return self.names[canonical]

    def property(self, spec: Field, path: str) -> dict[str, Any]:
        """Schema of one key: its value, or a marker, or (when allowed) nothing."""
        name = self.define(_LEAF_NAMES.get(type(spec.kind), path), self.plain(spec, path))
        options: list[dict[str, Any]] = [
            {"$ref": f"#/$defs/{name}"},
            {"$ref": f"#/$defs/inferred:{name}"},
            {"$ref": f"#/$defs/marker:{name}"},
        ]
        if spec.kind.printed:
            options.append(_printed({"$ref": f"#/$defs/{name}"}))
        if not spec.required or isinstance(spec.kind, Repeat):
            options.append({"type": "null"})
        out = {"title": spec.heading, "description": spec.description, "anyOf": options}
        if spec.example is not None:
            out["examples"] = [spec.example]
        return out

    def plain(self, spec: Field, path: str) -> dict[str, Any]:
        kind = spec.kind
        if isinstance(kind, Group):
            return self.group(kind.fields, path)
        if isinstance(kind, Repeat):
            name = self.define(f"{path}.entry", self.group(kind.fields, path))
            entry = {"anyOf": [{"$ref": f"#/$defs/{n}:{name}" if n else f"#/$defs/{name}"}
                               for n in ("", "inferred", "marker")]}
            return {"type": "array", "items": entry, **({"maxItems": kind.max_items} if kind.max_items else {})}
        return _leaf(spec)

    def group(self, fields: tuple[Field, ...], path: str) -> dict[str, Any]:
        """Items of a group (once in `$defs`, shared with what was read of a 判読不能 group) + which are required."""
        items = {
            "type": "object",
            "additionalProperties": False,
            "properties": {f.label: self.property(f, f"{path}.{f.key}") for f in fields}
            | {PRINTED: {"$ref": "#/$defs/printed"}},
        }
        canonical = json.dumps(items, ensure_ascii=False)
        if canonical not in self.names:
            name = f"{path}.items"
            while name in self.defs:
                name += "_"
            self.names[canonical] = name
            self.defs[name] = items
        return {"$ref": f"#/$defs/{self.names[canonical]}", "required": [f.label for f in fields if f.required]}


_LEAF_NAMES = {Text: "text", Rich: "rich", Int: "integer", Date: "date", TextList: "text_list"}


def _record_items(kind: RecordItems) -> dict[str, Any]:
    named = {
        "type": "object",
        "additionalProperties": False,
        "required": ["項目"],
        "properties": {
            "グループ": {"type": ["string", "number", "null"]},
            "項目": {"type": "array", "items": SCALAR},
        },
    }
    return {"anyOf": [{"type": "array", "items": SCALAR}, {"type": "array", "items": named}]}


def _one_line(kind: Text) -> dict[str, Any]:
    return {**SCALAR, "pattern": "^\\s*[^\\n]*\\s*$"}  # one line once trimmed


LEAVES: Callable[[Kind], Callable[[Any], dict[str, Any]]] = by_kind({
    Text: _one_line,
    Url: _one_line,
    Rich: lambda kind: dict(SCALAR),
    Int: lambda kind: {"type": ["integer", "string"], "minimum": 0, "pattern": f"^\\s*{_D}+\\s*$"},
    Date: lambda kind: {"type": "string", "pattern": DATE_PATTERN},
    Choice: lambda kind: {"enum": list(kind.options)},
    Checks: lambda kind: {"type": "array", "uniqueItems": True, "items": _tick(kind)},
    TextList: lambda kind: {"type": "array", "items": SCALAR},
    RecordItems: _record_items,
}, VALUE_KINDS)


def _leaf(spec: Field) -> dict[str, Any]:
    return LEAVES(spec.kind)(spec.kind)


def _tick(kind: Checks) -> dict[str, Any]:
    """A ticked option: its label, `label: text` for options printed with `( … )`, either as 推定 or with 原本の表記."""
    label = {"enum": list(kind.options)}
    plain = [label]
    if kind.with_text:
        plain.append({
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": False,
            "properties": {o: {"type": ["string", "number", "null"]} for o in kind.with_text},
        })
    tick = {"anyOf": plain}
    inferred = {"type": "object", "additionalProperties": False, "required": [INFERRED, EVIDENCE],
                "properties": {INFERRED: tick, EVIDENCE: {"$ref": "#/$defs/evidence"},
                               PRINTED: {"$ref": "#/$defs/printed"}}}
    return {"anyOf": [*plain, inferred, _printed(tick)]}


def _printed(value: dict[str, Any]) -> dict[str, Any]:
    """`{値: value, 原本の表記: …}`: a read value whose source wording differs from the form."""
    return {"type": "object", "additionalProperties": False, "required": [READ_VALUE, PRINTED],
            "properties": {READ_VALUE: value, PRINTED: {"$ref": "#/$defs/printed"}}}


def _inferred(name: str) -> dict[str, Any]:
    """推定: the value as it would otherwise be written, and its evidence (both required)."""
    return {
        "description": "推定した値(原本から直接は読めない値)。「推定」に値を、"
                       "「根拠」に何をどこで読みなぜその値になるかを書く。",
        "type": "object",
        "additionalProperties": False,
        "required": [INFERRED, EVIDENCE],
        "properties": {
            INFERRED: {"$ref": f"#/$defs/{name}"},
            EVIDENCE: {"$ref": "#/$defs/evidence"},
            PRINTED: {"$ref": "#/$defs/printed"},
        },
    }


def _marker(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """判読不能 or 非公表 (exactly one) with its reason, what was read under 記載 (a group may leave items
    out), and for checkboxes the options read as unticked under 未選択."""
    note = {"$ref": "#/$defs/note"}
    read = {"$ref": schema["$ref"]} if "required" in schema else {"$ref": f"#/$defs/{name}"}
    unticked = {UNTICKED: {"type": "array", "items": {"type": ["string", "number"]}}} if _is_checks(schema) else {}
    return {
        "description": "判読不能(抽出で消失)または非公表。理由を必ず書き、読めた部分は「記載」、"
                       "チェックなしと読めた選択肢は「未選択」に書く。",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            **{kind: note for kind in LOST},
            PARTIAL: {"anyOf": [read, {"type": "null"}]},
            **unticked,
        },
        "oneOf": [{"required": [kind]} for kind in LOST],
    }


def _is_checks(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "array" and schema.get("uniqueItems") is True


def _document(root: Field, title: str) -> dict[str, Any]:
    builder = _YamlSchema()
    ref = builder.group(root.kind.fields, root.key)
    items = builder.defs.pop(ref["$ref"].removeprefix("#/$defs/"))  # the file itself: inline, not a reference
    body = {**items, "properties": {k: v for k, v in items["properties"].items() if k != PRINTED}, **ref}
    del body["$ref"]
    return {"$schema": DIALECT, "title": title, "description": root.description, **body, "$defs": builder.defs}


def schemas() -> dict[str, dict[str, Any]]:
    """File name → schema, for every form and the 団体 record."""
    out = {f"{name}.schema.json": _document(assessment_root(form), name) for name, form in FORMS.items()}
    out["organization.schema.json"] = _document(ORGANIZATION.root, ORGANIZATION.name)
    return out


def dump(schema: dict[str, Any]) -> str:
    """Deterministic JSON: keys sorted, except `properties`, which keep the form's order."""
    return json.dumps(_ordered(schema), ensure_ascii=False, indent=2) + "\n"


def _ordered(value: Any, keep: bool = False) -> Any:
    if isinstance(value, dict):
        keys = list(value) if keep else sorted(value)
        return {k: _ordered(value[k], keep=k == "properties" and not keep) for k in keys}
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value

