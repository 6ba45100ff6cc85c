"""content/ read with plain PyYAML: the clerk's own words as an oracle that shares no code with the generator."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import yaml

from .conftest import CONTENT

# The form's item labels under which a record names a システム, a file, a 委託先, a 提供先 and a 移転先.
SYSTEM, FILE, FILES = "システムの名称", "特定個人情報ファイル名", "特定個人情報ファイルの概要"
CONTRACTOR, RECIPIENT, TRANSFEREE = "委託先名", "提供先名", "移転先名"


def records() -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, record) of every assessment file, sorted by id."""
    for path in sorted((CONTENT / "assessments").glob("*.yaml")):
        yield path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))


def record(aid: str) -> dict[str, Any]:
    return yaml.safe_load((CONTENT / "assessments" / f"{aid}.yaml").read_text(encoding="utf-8"))


def named(node: Any, label: str) -> Iterator[str]:
    """Every name under `label` anywhere in `node`: the text, or the value of a {推定: …} (a 判読不能 name has none)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == label and isinstance(value, str):
                yield value
            elif key == label and isinstance(value, dict) and isinstance(value.get("推定"), str):
                yield value["推定"]
            else:
                yield from named(value, label)
    elif isinstance(node, list):
        for value in node:
            yield from named(value, label)


def entries(node: Any, label: str) -> list[Any]:
    """The value under `label` of every entry that has it, whatever it is (text, 推定 or 判読不能)."""
    if isinstance(node, dict):
        own = [node[label]] if label in node else []
        return own + [v for key, value in node.items() if key != label for v in entries(value, label)]
    if isinstance(node, list):
        return [v for value in node for v in entries(value, label)]
    return []


def squash(text: str) -> str:
    """NFKC without whitespace or 「(以下「…」という。)」: the same name however a page spaces it."""
    return re.sub(r"\(以下「[^」]*」という。?\)", "", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))


def canonical_names() -> dict[str, str]:
    """content/aliases.yaml: squashed variant → the spelling its page is titled with."""
    data = yaml.safe_load((CONTENT / "aliases.yaml").read_text(encoding="utf-8")) or {}
    return {squash(v): name for table in data.values() for name, variants in table.items() for v in variants}


def fidelity() -> dict[str, dict[str, Any]]:
    """content/fidelity.yaml: per assessment, one cited source line per counted thing (checked by test_fidelity)."""
    return yaml.safe_load((CONTENT / "fidelity.yaml").read_text(encoding="utf-8"))
