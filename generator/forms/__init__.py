"""The official forms, by the name written in an assessment's 様式 key."""

from __future__ import annotations

from generator.forms.entities import check_marks
from generator.forms.full import FULL
from generator.forms.priority import PRIORITY
from generator.forms.spec import Field, Form

FORMS: dict[str, Form] = {form.name: form for form in (PRIORITY, FULL)}

for _form in FORMS.values():
    check_marks([spec for _, spec in _form.walk()], _form.name)

__all__ = ["FORMS", "Field", "Form"]
