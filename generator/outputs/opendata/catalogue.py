"""data/assessments.json: one line per 評価書, so a consumer finds every record file."""

from __future__ import annotations

from typing import Any

from generator.load.content import Assessment
from generator.load.wareki import WDate
from generator.model import urls
from generator.model.graph import Graph
from generator.model.status import reassessment_due
from generator.outputs.opendata.records import SCHEMA_VERSION, date_json
from generator.outputs.opendata.schema import DRAFT, STRING
from generator.pages.about import settings

DATE = {"type": ["object", "null"], "additionalProperties": False, "required": ["iso", "wareki"],
        "properties": {"iso": STRING, "wareki": STRING}}


def _date(value: object) -> dict[str, str] | None:
    return date_json(value) if isinstance(value, WDate) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def entry(graph: Graph, a: Assessment) -> dict[str, Any]:
    """Catalogue entry: who, what, when, whether ended, and where the page and the data are."""
    cover, ended = a.record["cover"], a.record.get("ended")
    due = reassessment_due(a)
    return {
        "id": a.id,
        "団体コード": a.org_code,
        "団体": graph.org_of(a).name,
        "評価実施機関": _text(cover.get("assessor")),
        "評価書名": a.title,
        "種類": a.form.name,
        "様式の版": _text(a.record.get("form_version")),
        "公表日": _date(cover.get("published")),
        "再評価の目安": due.isoformat() if due else None,
        "status": "終了" if ended else "公表中",
        "終了日": _date(ended.get("date")) if isinstance(ended, dict) else None,
        "url": urls.assessment(a.id),
        "json": urls.assessment_json(a.id),
    }


def catalogue(graph: Graph) -> dict[str, Any]:
    """Every assessment, sorted by id (the order of content/assessments/)."""
    return {"schema_version": SCHEMA_VERSION, "licence": licence(),
            "assessments": [entry(graph, a) for a in graph.assessments]}


def licence() -> dict[str, str]:
    """利用条件 of the open data, from the operator's settings (mkdocs.yml extra.pia)."""
    s = settings()
    return {"name": s["licence"], "url": s["licence_url"], "note": s["licence_note"],
            "出典": "各団体が公表した特定個人情報保護評価書(PDF)の転記。違いがあるときは原本が正"}


def catalogue_schema() -> dict[str, Any]:
    """Schema of data/assessments.json (hand-written: the catalogue is not a form)."""
    nullable = {"type": ["string", "null"]}
    props = {"id": {"type": "string", "pattern": r"^\d{6}-\d+$"},
             "団体コード": {"type": "string", "pattern": r"^\d{6}$"}, "団体": STRING, "評価実施機関": nullable,
             "評価書名": STRING, "種類": STRING, "様式の版": nullable,
             "公表日": DATE, "再評価の目安": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
             "status": {"enum": ["公表中", "終了"]}, "終了日": DATE, "url": STRING, "json": STRING}
    item = {"type": "object", "additionalProperties": False, "required": list(props), "properties": props}
    return {"$schema": DRAFT, "title": "評価書ポータル: 評価書の一覧", "type": "object", "additionalProperties": False,
            "required": ["schema_version", "licence", "assessments"],
            "properties": {"schema_version": {"const": SCHEMA_VERSION},
                           "licence": {"type": "object", "additionalProperties": False,
                                       "required": ["name", "url", "note", "出典"],
                                       "properties": {k: STRING for k in ("name", "url", "note", "出典")}},
                           "assessments": {"type": "array", "items": item}}}
