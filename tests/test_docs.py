"""Every item of every form is documented: the guide, the schema and error messages all show it."""

from __future__ import annotations

from generator.forms import FORMS
from generator.forms.meta import ORGANIZATION, assessment_meta
from generator.forms.spec import Field, Form, children


def _all_fields() -> list[tuple[str, Field]]:
    forms: list[Form] = [*FORMS.values(), ORGANIZATION]
    out = [(form.name, spec) for form in forms for _, spec in form.walk()]
    out += [("評価書のメタ情報", spec) for top in assessment_meta() for spec in (top, *children(top))]
    return out


def test_every_field_has_a_description() -> None:
    missing = [f"{form}: {spec.heading} ({spec.key})" for form, spec in _all_fields() if not spec.description.strip()]
    assert missing == []


def test_every_field_has_a_label_and_key() -> None:
    bad = [f"{form}: {spec!r}" for form, spec in _all_fields() if not spec.label.strip() or not spec.key.isidentifier()]
    assert bad == []


def test_every_form_has_a_description_and_code() -> None:
    for form in FORMS.values():
        assert form.root.description.strip() and form.code, form.name
