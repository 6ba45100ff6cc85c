"""One assessment as published JSON: the YAML's Japanese labels, in form order.

The walk follows the form spec (not the record), so every item appears — empty ones as
null or [] — and the keys are the labels a clerk types in content/*.yaml. Dates, markers,
ticks and record items become explicit objects so a consumer never parses Japanese text.

How each value is known is explicit too: an inferred value is `{"推定": true, "値": …, "根拠": …}`
(filter on `"推定" in value`), a lost one `{"判読不能" | "非公表": reason, "記載": what was read}`,
and a source wording that differs from the form adds `"原本の表記"`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
    children,
)
from generator.load.content import Assessment, Organization, assessment_root
from generator.load.values import (
    EVIDENCE,
    INFERRED,
    PARTIAL,
    PRINTED,
    READ_VALUE,
    RECORD_PRINTED,
    UNTICKED,
    Marker,
    Printed,
    RecordGroup,
    Tick,
    record_marker,
)
from generator.load.wareki import WDate
from generator.model import urls
from generator.outputs.opendata import keys as k

TICK_LABEL, TICK_TEXT = k.TICK_LABEL.name, k.TICK_TEXT.name
GROUP_NAME, GROUP_ITEMS = k.GROUP_NAME.name, k.GROUP_ITEMS.name


def date_json(value: WDate) -> dict[str, str]:
    """ISO 8601 at the date's own precision (2023-04-03 or 2015-10) and the 和暦 as printed."""
    return {k.ISO.name: value.iso, k.WAREKI.name: value.wareki}


def value_json(spec: Field, value: Any) -> Any:
    """JSON of one item's value (any kind), following `spec`."""
    if isinstance(value, Marker):
        return marker_json(spec, value)
    if value is None:
        return [] if isinstance(spec.kind, Repeat) else None
    if isinstance(value, Printed):
        return {READ_VALUE: str(value), PRINTED: value.printed}
    if isinstance(value, WDate):
        return date_json(value)
    return JSON_OF(spec.kind)(spec, value)


def _repeat_json(spec: Field, value: Any) -> Any:
    entries = [record_json(spec.kind.fields, entry) for entry in value]
    marker = record_marker(value)
    return inferred_json(marker, entries) if marker else entries


def _as_is(spec: Field, value: Any) -> Any:
    return value


JSON_OF: Callable[[Kind], Callable[[Field, Any], Any]] = by_kind({
    Group: lambda spec, value: record_json(spec.kind.fields, value),
    Repeat: _repeat_json,
    Checks: lambda spec, value: [_tick(t) for t in value],
    TextList: lambda spec, value: list(value),
    RecordItems: lambda spec, value: [_group(g) for g in value],
    Text: _as_is,
    Url: _as_is,
    Rich: _as_is,
    Int: _as_is,
    Date: _as_is,  # a WDate is handled above; a date the YAML left as text stays text
    Choice: _as_is,
})


def marker_json(spec: Field, marker: Marker) -> dict[str, Any]:
    """推定 as {推定: true, 値, 根拠}; 判読不能/非公表 as {kind: reason, 記載?: what was read, 未選択?: options}."""
    if marker.inferred:
        return inferred_json(marker, value_json(spec, marker.partial))
    out: dict[str, Any] = {marker.kind: marker.note}
    if isinstance(marker.partial, dict):  # what was read of a group or entry: only those items
        read = marker.partial
        out[PARTIAL] = {f.label: value_json(f, read[f.key]) for f in children(spec) if f.key in read}
    elif marker.partial is not None:
        out[PARTIAL] = value_json(spec, marker.partial)
    if marker.unticked:
        out[UNTICKED] = list(marker.unticked)
    return out


def inferred_json(marker: Marker, value: Any) -> dict[str, Any]:
    out = {INFERRED: True, READ_VALUE: value, EVIDENCE: marker.note}
    return {**out, PRINTED: marker.printed} if marker.printed else out


def record_json(fields: tuple[Field, ...], record: dict[str, Any]) -> dict[str, Any]:
    """A group or entry, with its 原本の表記 and, when the whole record is inferred or lost, its marker."""
    marker = record_marker(record)
    if marker is not None and not marker.inferred:
        return marker_json(Field("", "", Group(fields), ""), marker)
    out = fields_json(fields, record)
    if record.get(RECORD_PRINTED):
        out[PRINTED] = record[RECORD_PRINTED]
    return inferred_json(marker, out) if marker else out


def fields_json(fields: tuple[Field, ...], record: dict[str, Any]) -> dict[str, Any]:
    """A mapping keyed by label, in the order of the form."""
    return {f.label: value_json(f, record.get(f.key)) for f in fields}


def _tick(t: Tick) -> dict[str, Any]:
    out: dict[str, Any] = {TICK_LABEL: t.label, TICK_TEXT: t.text}
    if t.evidence is not None:
        out |= {INFERRED: True, EVIDENCE: t.evidence}
    return {**out, PRINTED: t.printed} if t.printed else out


def _group(g: RecordGroup) -> dict[str, Any]:
    return {GROUP_NAME: g.name, GROUP_ITEMS: list(g.items)}


def assessment_json(a: Assessment, org: Organization) -> dict[str, Any]:
    """The published file: an envelope (ids, URLs, versions) around the whole record."""
    version = a.record.get("form_version")
    return {
        k.VERSION.name: k.SCHEMA_VERSION,
        k.ID.name: a.id,
        k.PAGE.name: urls.assessment(a.id),
        k.DATA.name: urls.assessment_json(a.id),
        k.FORM.name: a.form.name,
        k.FORM_CODE.name: a.form.code,
        k.FORM_VERSION.name: version if isinstance(version, str) else None,
        k.ORGANIZATION.name: {k.ORG_CODE.name: org.code, k.ORG_NAME.name: org.name, k.PREFECTURE.name: org.prefecture},
        k.RECORD_BODY.name: value_json(assessment_root(a.form), a.record),
    }
