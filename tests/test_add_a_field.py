"""Issue #14's exercise, kept as a test: one optional item added to 様式3 (重点項目評価書) in the form spec, and
nothing else, reaches every output — validation (a bad value is an error with file:line), the assessment page, the
open-data JSON and its schema, the editors' JSON Schema, the editing guide and a new file's scaffold."""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.commands.scaffold import scaffold
from generator.forms import FORMS
from generator.forms.common import text
from generator.forms.priority import PRIORITY
from generator.forms.spec import Form
from generator.load.content import load_content
from generator.load.problems import ContentError
from generator.model import urls
from generator.model.graph import build_graph
from generator.outputs.jsonschema_export import schemas
from generator.outputs.opendata.schema import assessment_schema
from generator.outputs.site import render_site
from generator.pages.guide import guide_text

from .conftest import CONTENT

NEW = text("hotline", "評価書専用の問い合わせ電話", "評価書についての問い合わせを受ける電話番号。", required=False)
VALUE = "0134-32-4111(内線 9999)"
AID = "012033-3"


def with_new_item(form: Form) -> Form:
    """`form` with NEW as the last item of Ⅰ 基本情報 (what an engineer writes in forms/priority.py)."""
    basic = form.root.child("basic_info")
    grown = replace(basic, kind=replace(basic.kind, fields=(*basic.kind.fields, NEW)))
    fields = tuple(grown if f.key == "basic_info" else f for f in form.root.kind.fields)
    return replace(form, root=replace(form.root, kind=replace(form.root.kind, fields=fields)))


@pytest.fixture
def grown_form(monkeypatch: pytest.MonkeyPatch) -> Form:
    form = with_new_item(PRIORITY)
    monkeypatch.setitem(FORMS, PRIORITY.name, form)
    return form


def content_with(tmp_path: Path, line: str) -> Path:
    """content/ with `line` added under 基本情報 of 012033-3 (at the end of that mapping)."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root, ignore=shutil.ignore_patterns("sources"))
    path = root / "assessments" / f"{AID}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    end = lines.index(next(x for x in lines if x.startswith("特定個人情報ファイルの概要:")))
    lines.insert(end, f"  {NEW.label}: {line}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_the_new_item_reaches_pages_and_open_data(grown_form: Form, tmp_path: Path) -> None:
    graph = build_graph(load_content(content_with(tmp_path, json.dumps(VALUE, ensure_ascii=False))))
    site = render_site(graph)
    page = site[urls.source_path(urls.assessment(AID))]
    shown = html.unescape(page)  # the page escapes - and ( as entities
    assert NEW.label in shown and VALUE in shown
    record = json.loads(site[urls.assessment_json(AID)])
    assert json.dumps(record, ensure_ascii=False).count(f'"{NEW.label}": "{VALUE}"') == 1


def test_a_bad_value_of_the_new_item_is_an_error_with_its_line(grown_form: Form, tmp_path: Path) -> None:
    root = content_with(tmp_path, "[一覧ではなく1行の文字列]")
    with pytest.raises(ContentError) as caught:
        load_content(root)
    shown = "\n".join(str(p) for p in caught.value.problems)
    assert f"{AID}.yaml:" in shown and NEW.label in shown, shown


def test_the_new_item_is_documented_everywhere(grown_form: Form) -> None:
    assert NEW.label in json.dumps(assessment_schema(), ensure_ascii=False)
    editors = schemas()[f"{PRIORITY.name}.schema.json"]
    assert NEW.label in json.dumps(editors, ensure_ascii=False)
    assert NEW.label in guide_text() and NEW.description in guide_text()
    assert f"  {NEW.label}: " in scaffold(grown_form, "012033", 99, "x.json")
