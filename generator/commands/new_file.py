"""`make new`: start an assessment file from the scaffold, for a registered 団体, never over an existing file."""

from __future__ import annotations

import os
from pathlib import Path

from generator.commands.scaffold import scaffold
from generator.forms import FORMS
from generator.load.content import ASSESSMENT_DIR, ORG_DIR
from generator.outputs.jsonschema_export import SCHEMA_DIR


class NewFileError(Exception):
    """Why no file was written (Japanese, then English in parentheses, like `make check`)."""


def new_assessment(content: Path, org: str, form_name: str, number: int) -> Path:
    """Write content/assessments/<org>-<number>.yaml with every item of the form empty; returns its path."""
    if form_name not in FORMS:
        raise NewFileError(f"様式が不明です: 「{form_name}」。選べる値: {' / '.join(FORMS)} (unknown form)")
    if number < 1:
        raise NewFileError(f"評価書番号は1以上の整数にしてください: {number} (number must be 1 or more)")
    orgs = content / ORG_DIR
    if not (orgs / f"{org}.yaml").is_file():
        known = " / ".join(sorted(p.stem for p in orgs.glob("*.yaml"))) or "なし"
        raise NewFileError(
            f"団体「{org}」が {orgs} にありません。先に登録してください。登録済み: {known}"
            f" (unknown organization '{org}')"
        )
    target = content / ASSESSMENT_DIR / f"{org}-{number}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": refuse to overwrite, even in a race
            out.write(scaffold(FORMS[form_name], org, number, schema_ref(target, form_name)))
    except FileExistsError:
        raise NewFileError(f"{target} は既にあります。上書きしません (file exists; not overwritten)") from None
    return target


def schema_ref(target: Path, form_name: str) -> str:
    """The schema path as the file's modeline gives it: relative to the file (../../generator/schemas/…)."""
    schema = SCHEMA_DIR / f"{form_name}.schema.json"
    return Path(os.path.relpath(schema, target.parent.resolve())).as_posix()
