"""data/assessments.json: one line per 評価書, so a consumer finds every record file."""

from __future__ import annotations

from typing import Any

from generator.load.content import Assessment
from generator.load.wareki import WDate
from generator.model import urls
from generator.model.graph import Graph
from generator.model.status import reassessment_due
from generator.outputs.opendata import keys as k
from generator.outputs.opendata.records import date_json
from generator.outputs.opendata.schema import DRAFT, STRING
from generator.pages.about import settings


def _date(value: object) -> dict[str, str] | None:
    return date_json(value) if isinstance(value, WDate) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def entry(graph: Graph, a: Assessment) -> dict[str, Any]:
    """Catalogue entry: who, what, when, whether ended, and where the page and the data are."""
    cover, ended = a.record["cover"], a.record.get("ended")
    due = reassessment_due(a)
    return {
        k.ID.name: a.id,
        k.ORG_CODE.name: a.org_code,
        k.ORG_LABEL.name: graph.org_of(a).name,
        k.ASSESSOR.name: _text(cover.get("assessor")),
        k.TITLE.name: a.title,
        k.FORM.name: a.form.name,
        k.FORM_VERSION.name: _text(a.record.get("form_version")),
        k.PUBLISHED.name: _date(cover.get("published")),
        k.DUE.name: due.isoformat() if due else None,
        k.STATUS.name: "終了" if ended else "公表中",
        k.ENDED.name: _date(ended.get("date")) if isinstance(ended, dict) else None,
        k.PAGE.name: urls.assessment(a.id),
        k.DATA.name: urls.assessment_json(a.id),
    }


def catalogue(graph: Graph) -> dict[str, Any]:
    """Every assessment, sorted by id (the order of content/assessments/)."""
    return {k.VERSION.name: k.SCHEMA_VERSION, k.LICENCE_KEY.name: licence(),
            k.ENTRIES.name: [entry(graph, a) for a in graph.assessments]}


def licence() -> dict[str, str]:
    """利用条件 of the open data, from the operator's settings (mkdocs.yml extra.pia)."""
    s = settings()
    return {k.LICENCE_NAME.name: s["licence"], k.LICENCE_URL.name: s["licence_url"],
            k.LICENCE_NOTE.name: s["licence_note"],
            k.SOURCE.name: "各団体が公表した特定個人情報保護評価書(PDF)の転記。違いがあるときは原本が正"}


def catalogue_schema() -> dict[str, Any]:
    """Schema of data/assessments.json (hand-written: the catalogue is not a form)."""
    nullable = {"type": ["string", "null"]}
    date = {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]}
    item = k.closed_object({
        k.ID: {"type": "string", "pattern": r"^\d{6}-\d+$"}, k.ORG_CODE: {"type": "string", "pattern": r"^\d{6}$"},
        k.ORG_LABEL: STRING, k.ASSESSOR: nullable, k.TITLE: STRING, k.FORM: STRING, k.FORM_VERSION: nullable,
        k.PUBLISHED: date, k.DUE: {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        k.STATUS: {"enum": ["公表中", "終了"]}, k.ENDED: date, k.PAGE: STRING, k.DATA: STRING})
    licence = k.closed_object({key: STRING for key in (k.LICENCE_NAME, k.LICENCE_URL, k.LICENCE_NOTE, k.SOURCE)})
    top = k.closed_object({k.VERSION: {"const": k.SCHEMA_VERSION}, k.LICENCE_KEY: licence,
                           k.ENTRIES: {"type": "array", "items": item}})
    return {"$schema": DRAFT, "title": "評価書ポータル: 評価書の一覧", **top, "$defs": {"date": k.DATE_SCHEMA}}

