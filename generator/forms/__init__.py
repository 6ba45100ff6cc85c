"""The official forms, by the name written in an assessment's 様式 key."""

from __future__ import annotations

from generator.forms.juten import JUTEN
from generator.forms.spec import Field, Form

FORMS: dict[str, Form] = {JUTEN.name: JUTEN}

try:  # the 全項目評価書 is defined in its own module
    from generator.forms.zenkomoku import ZENKOMOKU

    FORMS[ZENKOMOKU.name] = ZENKOMOKU
except ImportError:  # pragma: no cover - during bootstrap only
    pass

__all__ = ["FORMS", "Field", "Form"]
