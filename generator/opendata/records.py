"""One assessment as published JSON: the YAML's Japanese labels, in form order.

The walk follows the form spec (not the record), so every item appears — empty ones as
null or [] — and the keys are the labels a clerk types in content/*.yaml. Dates, markers,
ticks and record items become explicit objects so a consumer never parses Japanese text.
"""

from __future__ import annotations

from typing import Any

from .. import urls
from ..content import Assessment, Organization, assessment_root
from ..forms.spec import Checks, Field, Group, RecordItems, Repeat, TextList
from ..values import PARTIAL, Marker, RecordGroup, Tick
from ..wareki import WDate

SCHEMA_VERSION = "1.0"
TICK_LABEL, TICK_TEXT = "選択肢", "括弧内の記載"
GROUP_NAME, GROUP_ITEMS = "グループ", "項目"


def date_json(value: WDate) -> dict[str, str]:
    """ISO 8601 at the date's own precision (2023-04-03 or 2015-10) and the 和暦 as printed."""
    return {"iso": value.iso, "wareki": value.wareki}


def value_json(spec: Field, value: Any) -> Any:
    """JSON of one item's value (any kind), following `spec`."""
    kind = spec.kind
    if isinstance(value, Marker):
        out: dict[str, Any] = {value.kind: value.note}
        if value.partial is not None:
            out[PARTIAL] = value_json(spec, value.partial)
        return out
    if value is None:
        return [] if isinstance(kind, Repeat) else None
    if isinstance(kind, Group):
        return fields_json(kind.fields, value)
    if isinstance(kind, Repeat):
        return [fields_json(kind.fields, entry) for entry in value]
    if isinstance(value, WDate):
        return date_json(value)
    if isinstance(kind, Checks):
        return [_tick(t) for t in value]
    if isinstance(kind, TextList):
        return list(value)
    if isinstance(kind, RecordItems):
        return [_group(g) for g in value]
    return value


def fields_json(fields: tuple[Field, ...], record: dict[str, Any]) -> dict[str, Any]:
    """A mapping keyed by label, in the order of the form."""
    return {f.label: value_json(f, record.get(f.key)) for f in fields}


def _tick(t: Tick) -> dict[str, str | None]:
    return {TICK_LABEL: t.label, TICK_TEXT: t.text}


def _group(g: RecordGroup) -> dict[str, Any]:
    return {GROUP_NAME: g.name, GROUP_ITEMS: list(g.items)}


def assessment_json(a: Assessment, org: Organization) -> dict[str, Any]:
    """The published file: an envelope (ids, URLs, versions) around the whole record."""
    version = a.record.get("form_version")
    return {
        "schema_version": SCHEMA_VERSION,
        "id": a.id,
        "url": urls.assessment(a.id),
        "json": urls.assessment_json(a.id),
        "種類": a.form.name,
        "様式番号": a.form.code,
        "様式の版": version if isinstance(version, str) else None,
        "団体": {"団体コード": org.code, "名称": org.name, "都道府県": org.prefecture},
        "評価書": value_json(assessment_root(a.form), a.record),
    }
