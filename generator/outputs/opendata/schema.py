"""JSON Schema (2020-12) of the published records, generated from the form specs.

It mirrors records.value_json kind by kind, so the schema cannot drift from the data: every
group and repeat becomes a definition (markers may stand in for any item, and a marker's
「記載」 or a 推定's 「値」 reuses the item's definition instead of copying it).

Provenance: `{"推定": true, "値": …, "根拠": …}` is an inferred value (a consumer drops those to keep
only read values); `{"判読不能" | "非公表": reason, "記載": what was read, "未選択": [...]}` a lost one;
`{"値": …, "原本の表記": …}` a read value whose source wording differs from the form.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from generator.forms import FORMS
from generator.forms.spec import (
    Checks,
    Choice,
    Date,
    Field,
    Form,
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
from generator.outputs.opendata import keys as k
from generator.outputs.opendata.records import GROUP_ITEMS, GROUP_NAME, TICK_LABEL, TICK_TEXT

DRAFT = "https://json-schema.org/draft/2020-12/schema"
NULL = {"type": "null"}
STRING = {"type": "string"}
COMMON = {
    "date": k.DATE_SCHEMA,
    "marker": {"type": "object", "additionalProperties": False, "minProperties": 1,
               "description": "判読不能(抽出で消失)または非公表: 理由と、読み取れた記載(記載)、"
                              "チェックなしと読み取れた選択肢(未選択)。",
               "properties": {**{m: STRING for m in LOST}, PARTIAL: True, UNTICKED: {"type": "array", "items": STRING}},
               "oneOf": [{"required": [m]} for m in LOST]},
    "inferred": {"type": "object", "additionalProperties": False, "required": [INFERRED, READ_VALUE, EVIDENCE],
                 "description": "推定した値(原本から読み取れた値ではない): 値と、その根拠"
                                "(何をどこで読み、なぜその値になるか)。",
                 "properties": {INFERRED: {"const": True}, READ_VALUE: True, EVIDENCE: STRING, PRINTED: STRING}},
    "recordItems": {"type": "array", "items": {
        "type": "object", "additionalProperties": False, "required": [GROUP_NAME, GROUP_ITEMS],
        "properties": {GROUP_NAME: {"type": ["string", "null"]}, GROUP_ITEMS: {"type": "array", "items": STRING}}}},
}


def form_id(form: Form) -> str:
    """The prefix of a form's definitions: its 様式 code as printed (様式3), one per form."""
    return form.code


class _JsonSchema:
    """The schema of the published JSON (open data), not of the YAML (outputs/jsonschema_export.py). Collects one
    definition per group/repeat of a form; returns field schemas."""

    def __init__(self, prefix: str, defs: dict[str, Any]):
        self.prefix, self.defs = prefix, defs

    def value(self, spec: Field, path: str) -> dict[str, Any]:
        return SCHEMA_OF(spec.kind)(self, spec.kind, path)

    def structure(self, kind: Group | Repeat, path: str) -> dict[str, Any]:
        name = f"{self.prefix}.{path}"
        props = {f.label: self.field(f, f"{path}.{f.key}") for f in kind.fields} | {PRINTED: STRING}
        obj = {"type": "object", "additionalProperties": False, "required": [f.label for f in kind.fields],
               "properties": props}
        self.defs[f"{name}.read"] = {**obj, "required": []}  # what was read of a 判読不能 group or entry
        if isinstance(kind, Repeat):
            self.defs[f"{name}.entry"] = obj
            entry = self.alternatives({"$ref": f"#/$defs/{name}.entry"}, {"$ref": f"#/$defs/{name}.read"})
            obj = {"type": "array", "items": entry, **({"maxItems": kind.max_items} if kind.max_items else {})}
        self.defs[name] = obj
        return {"$ref": f"#/$defs/{name}"}

    def choice(self, kind: Choice, path: str) -> dict[str, Any]:
        return self.shared("choice", kind.options, {"enum": list(kind.options)})

    def checks(self, kind: Checks, path: str) -> dict[str, Any]:
        return self.shared("checks", kind.options, {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": [TICK_LABEL, TICK_TEXT],
            "properties": {TICK_LABEL: {"enum": list(kind.options)}, TICK_TEXT: {"type": ["string", "null"]},
                           INFERRED: {"const": True}, EVIDENCE: STRING, PRINTED: STRING},
            "dependentRequired": {INFERRED: [EVIDENCE], EVIDENCE: [INFERRED]}}})

    def shared(self, kind: str, options: tuple[str, ...], schema: dict[str, Any]) -> dict[str, Any]:
        """One definition per option list (the same list recurs across items and forms)."""
        name = f"{kind}.{hashlib.sha256('|'.join(options).encode()).hexdigest()[:8]}"
        self.defs[name] = schema
        return {"$ref": f"#/$defs/{name}"}

    def field(self, spec: Field, path: str) -> dict[str, Any]:
        """Value, 推定 (its 値 is a value), 判読不能/非公表 (its 記載 is a value), or null when optional."""
        value = self.value(spec, path)
        read = {"$ref": f"{value['$ref']}.read"} if isinstance(spec.kind, Group) else value
        options = self.alternatives(value, read)["anyOf"]
        if spec.kind.printed:
            options.append({"type": "object", "additionalProperties": False, "required": [READ_VALUE, PRINTED],
                            "properties": {READ_VALUE: value, PRINTED: STRING}})
        nullable = not spec.required and not isinstance(spec.kind, Repeat)
        return {"title": spec.heading, "description": spec.description,
                "anyOf": [*options, *([NULL] if nullable else [])]}

    @staticmethod
    def alternatives(value: dict[str, Any], read: dict[str, Any]) -> dict[str, Any]:
        """The value as read, or inferred (推定), or lost with what was read of it (判読不能/非公表)."""
        inferred = {"$ref": "#/$defs/inferred", "properties": {READ_VALUE: value}}
        return {"anyOf": [value, inferred, {"$ref": "#/$defs/marker", "properties": {PARTIAL: read}}]}


def assessment_schema() -> dict[str, Any]:
    """The schema of data/assessments/<id>.json for every form the portal knows."""
    defs: dict[str, Any] = dict(COMMON)
    branches = []
    for form in FORMS.values():
        ref = _JsonSchema(form_id(form), defs).value(assessment_root(form), "record")
        branches.append({"if": {"properties": {k.FORM.name: {"const": form.name}}},
                         "then": {"properties": {k.RECORD_BODY.name: ref, k.FORM_CODE.name: {"const": form.code}}}})
    org = k.closed_object({k.ORG_CODE: {"type": "string", "pattern": r"^\d{6}$"}, k.ORG_NAME: STRING,
                           k.PREFECTURE: STRING})
    envelope = k.closed_object({
        k.VERSION: {"const": k.SCHEMA_VERSION}, k.ID: {"type": "string", "pattern": r"^\d{6}-\d+$"},
        k.PAGE: STRING, k.DATA: STRING, k.FORM: {"enum": list(FORMS)}, k.FORM_CODE: STRING,
        k.FORM_VERSION: {"type": ["string", "null"]}, k.ORGANIZATION: org, k.RECORD_BODY: {"type": "object"}})
    return {
        "$schema": DRAFT,
        "title": "評価書ポータル: 評価書データ",
        "description": "特定個人情報保護評価書1件の全項目。キーはすべて日本語: 評価書の中は content/ の YAML と同じ"
                       "様式の項目名(様式の順)、それ以外はオープンデータのページの「キーの一覧」の名前。",
        **envelope,
        "allOf": branches,
        "$defs": described_values(dict(sorted(defs.items()))),
    }


def described_values(node: Any) -> Any:
    """Every property named like a value key (推定, 記載, 選択肢 …) without a title gets that key's meaning."""
    if isinstance(node, list):
        return [described_values(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {key: described_values(value) for key, value in node.items()}
    props = out.get("properties")
    if isinstance(props, dict):
        for key in k.VALUE_KEYS:
            spec = props.get(key.name)
            if spec is not None and not (isinstance(spec, dict) and ("title" in spec or "description" in spec)):
                props[key.name] = k.described(key, spec)
    return out


def _fixed(schema: dict[str, Any]) -> Callable[[_JsonSchema, Kind, str], dict[str, Any]]:
    return lambda builder, kind, path: schema


SCHEMA_OF: Callable[[Kind], Callable[[_JsonSchema, Any, str], dict[str, Any]]] = by_kind({
    Group: _JsonSchema.structure,
    Repeat: _JsonSchema.structure,
    Choice: _JsonSchema.choice,
    Checks: _JsonSchema.checks,
    Date: _fixed({"$ref": "#/$defs/date"}),
    RecordItems: _fixed({"$ref": "#/$defs/recordItems"}),
    TextList: _fixed({"type": "array", "items": STRING}),
    Int: _fixed({"type": "integer"}),
    Text: _fixed(STRING),
    Url: _fixed(STRING),
    Rich: _fixed(STRING),
})
