"""JSON Schema (2020-12) of the published records, generated from the form specs.

It mirrors records.value_json kind by kind, so the schema cannot drift from the data: every
group and repeat becomes a definition (markers may stand in for any item, and a marker's
「記載」 reuses the item's definition instead of copying it).
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..content import assessment_root
from ..forms import FORMS
from ..forms.spec import Checks, Choice, Date, Field, Form, Group, Int, RecordItems, Repeat, TextList
from ..values import MARKERS, PARTIAL
from .records import GROUP_ITEMS, GROUP_NAME, SCHEMA_VERSION, TICK_LABEL, TICK_TEXT

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FORM_IDS = {"重点項目評価書": "juten", "全項目評価書": "zenkomoku"}
NULL = {"type": "null"}
STRING = {"type": "string"}
COMMON = {
    "date": {"type": "object", "additionalProperties": False, "required": ["iso", "wareki"],
             "properties": {"iso": {"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"}, "wareki": STRING}},
    "marker": {"type": "object", "additionalProperties": False, "minProperties": 1,
               "properties": {**{m: STRING for m in MARKERS}, PARTIAL: True},
               "oneOf": [{"required": [m]} for m in MARKERS]},
    "recordItems": {"type": "array", "items": {
        "type": "object", "additionalProperties": False, "required": [GROUP_NAME, GROUP_ITEMS],
        "properties": {GROUP_NAME: {"type": ["string", "null"]}, GROUP_ITEMS: {"type": "array", "items": STRING}}}},
}


def form_id(form: Form) -> str:
    return FORM_IDS.get(form.name, f"form{list(FORMS).index(form.name)}")


class _Builder:
    """Collects one definition per group/repeat of a form; returns field schemas."""

    def __init__(self, prefix: str, defs: dict[str, Any]):
        self.prefix, self.defs = prefix, defs

    def value(self, spec: Field, path: str) -> dict[str, Any]:
        kind = spec.kind
        if isinstance(kind, (Group, Repeat)):
            name = f"{self.prefix}.{path}"
            obj = {"type": "object", "additionalProperties": False, "required": [f.label for f in kind.fields],
                   "properties": {f.label: self.field(f, f"{path}.{f.key}") for f in kind.fields}}
            if isinstance(kind, Repeat):
                obj = {"type": "array", "items": obj, **({"maxItems": kind.max_items} if kind.max_items else {})}
            self.defs[name] = obj
            return {"$ref": f"#/$defs/{name}"}
        if isinstance(kind, Choice):
            return self.shared("choice", kind.options, {"enum": list(kind.options)})
        if isinstance(kind, Checks):
            return self.shared("checks", kind.options, {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": [TICK_LABEL, TICK_TEXT],
                "properties": {TICK_LABEL: {"enum": list(kind.options)}, TICK_TEXT: {"type": ["string", "null"]}}}})
        if isinstance(kind, Date):
            return {"$ref": "#/$defs/date"}
        if isinstance(kind, RecordItems):
            return {"$ref": "#/$defs/recordItems"}
        if isinstance(kind, TextList):
            return {"type": "array", "items": STRING}
        return {"type": "integer"} if isinstance(kind, Int) else STRING

    def shared(self, kind: str, options: tuple[str, ...], schema: dict[str, Any]) -> dict[str, Any]:
        """One definition per option list (the same list recurs across items and forms)."""
        name = f"{kind}.{hashlib.sha256('|'.join(options).encode()).hexdigest()[:8]}"
        self.defs[name] = schema
        return {"$ref": f"#/$defs/{name}"}

    def field(self, spec: Field, path: str) -> dict[str, Any]:
        """Value, or a 判読不能/非公表 marker (its 記載 is a value), or null when the item is optional."""
        value = self.value(spec, path)
        marker = {"$ref": "#/$defs/marker", "properties": {PARTIAL: value}}
        nullable = not spec.required and not isinstance(spec.kind, Repeat)
        return {"title": spec.heading, "description": spec.description,
                "anyOf": [value, marker, *([NULL] if nullable else [])]}


def assessment_schema() -> dict[str, Any]:
    """The schema of data/assessments/<id>.json for every form the portal knows."""
    defs: dict[str, Any] = dict(COMMON)
    branches = []
    for form in FORMS.values():
        ref = _Builder(form_id(form), defs).value(assessment_root(form), "record")
        branches.append({"if": {"properties": {"種類": {"const": form.name}}},
                         "then": {"properties": {"評価書": ref, "様式番号": {"const": form.code}}}})
    org = {"type": "object", "additionalProperties": False, "required": ["団体コード", "名称", "都道府県"],
           "properties": {"団体コード": {"type": "string", "pattern": r"^\d{6}$"}, "名称": STRING, "都道府県": STRING}}
    return {
        "$schema": DRAFT,
        "title": "評価書ポータル: 評価書データ",
        "description": "特定個人情報保護評価書1件の全項目。キーは content/ の YAML と同じ日本語の項目名で、様式の順。",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "id", "url", "json", "種類", "様式番号", "様式の版", "団体", "評価書"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "id": {"type": "string", "pattern": r"^\d{6}-\d+$"},
            "url": STRING, "json": STRING,
            "種類": {"enum": list(FORMS)},
            "様式番号": STRING,
            "様式の版": {"type": ["string", "null"]},
            "団体": org,
            "評価書": {"type": "object"},
        },
        "allOf": branches,
        "$defs": dict(sorted(defs.items())),
    }
