"""The official forms, by the name written in an assessment's 様式 key."""

from __future__ import annotations

from generator.forms.entities import check_marks
from generator.forms.juten import JUTEN
from generator.forms.spec import Field, Form
from generator.forms.zenkomoku import ZENKOMOKU

FORMS: dict[str, Form] = {form.name: form for form in (JUTEN, ZENKOMOKU)}

for _form in FORMS.values():
    check_marks([spec for _, spec in _form.walk()], _form.name)

__all__ = ["FORMS", "Field", "Form"]
