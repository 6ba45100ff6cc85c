"""JSON Schemas: committed copies up to date, valid draft 2020-12, and agreeing with `make check`."""

from __future__ import annotations

import functools
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.forms import FORMS
from generator.outputs.jsonschema_export import SCHEMA_DIR, dump, schemas

from . import real_content
from .casefiles import MINIMAL, json_data, make_case, provenance_content

ROOT = Path(__file__).resolve().parent.parent
MODELINE = "# yaml-language-server: $schema="


def read_data(path: Path) -> object:
    return json_data(yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))


@functools.cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """One validator per schema for the module (schemas() is pure; validators keep no state between calls)."""
    return jsonschema.Draft202012Validator(schemas()[name])


def test_committed_schemas_are_up_to_date() -> None:
    wanted = {name: dump(schema) for name, schema in schemas().items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert sorted(committed) == sorted(wanted), "run `python -m generator schemas`"
    for name, text in wanted.items():
        assert committed[name] == text, f"{name} is stale: run `python -m generator schemas`"


def test_one_schema_per_form() -> None:
    assert sorted(schemas()) == sorted([*(f"{n}.schema.json" for n in FORMS), "organization.schema.json"])


@pytest.mark.parametrize("name", sorted(schemas()))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = schemas()[name]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False


def test_minimal_fixture_validates() -> None:
    data = read_data(MINIMAL / "assessments" / "012033-3.yaml")
    assert list(validator("重点項目評価書.schema.json").iter_errors(data)) == []
    for path in (MINIMAL / "organizations").glob("*.yaml"):
        assert list(validator("organization.schema.json").iter_errors(read_data(path))) == []


def test_provenance_fixture_validates(tmp_path: Path) -> None:
    """推定 (item, tick, group, entry), 判読不能 with 記載/未選択 and 原本の表記 pass the editor schema."""
    data = read_data(provenance_content(tmp_path) / "assessments" / "012033-3.yaml")
    errors = [f"{e.json_path}: {e.message[:200]}" for e in validator("重点項目評価書.schema.json").iter_errors(data)]
    assert errors == []


def test_real_content_that_passes_check_validates() -> None:
    """The schema is never stricter than `make check` on the published content."""
    for assessment in real_content.content().assessments:
        path = Path(assessment.path)  # as shown by `check`: relative to the working directory
        data = read_data(path)
        found = validator(f"{data['様式']}.schema.json").iter_errors(data)
        errors = [f"{e.json_path}: {e.message[:200]}" for e in found]
        assert errors == [], path.name


@pytest.mark.parametrize(
    "case",
    [
        "wrong_choice",
        "unknown_key",
        "missing_required",
        "empty_required",
        "not_integer",
        "wrong_type",
        "multiline_text",
        "withheld_without_reason",
        "marker_unknown_key",
        "checkbox_not_in_list",
        "checkbox_duplicate",
        "checkbox_text_not_allowed",
        "too_many_entries",
        "unknown_form",
        "inferred_without_evidence",
        "inferred_value_not_a_choice",
        "inferred_misspelt_evidence",
    ],
)
def test_broken_fixture_fails_the_schema(case: str, tmp_path: Path) -> None:
    data = read_data(make_case(case, tmp_path / case) / "assessments/012033-3.yaml")
    assert list(validator("重点項目評価書.schema.json").iter_errors(data)) != []


def test_broken_organization_fails_the_schema(tmp_path: Path) -> None:
    data = read_data(make_case("org_unknown_key", tmp_path / "org") / "organizations/131032.yaml")
    assert list(validator("organization.schema.json").iter_errors(data)) != []


def test_files_name_their_schema() -> None:
    """Each file's first line points VS Code at the schema of its own 様式 (or of 団体)."""
    for root in (ROOT / "content", MINIMAL):
        for folder, form in (("organizations", "organization"), ("assessments", None)):
            for path in sorted((root / folder).glob("*.yaml")):
                first = path.read_text(encoding="utf-8").splitlines()[0]
                assert first.startswith(MODELINE), path
                target = (path.parent / first.removeprefix(MODELINE)).resolve()
                assert target == SCHEMA_DIR / f"{form or read_data(path)['様式']}.schema.json", path
