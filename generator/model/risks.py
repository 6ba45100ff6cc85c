"""リスク対策の比較: every risk item of Ⅲ, grouped by its (normalised) label across forms.

A risk item is a group of the リスク対策 block that ends with 「リスクへの対策は十分か」
(stats.risk_items). The same label can occur in two sections (目的外の入手 under 入手 and under
情報提供ネットワークシステムとの接続), so a label's page keeps its sections apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.forms import FORMS
from generator.forms.spec import Field, Form, Rich
from generator.load.content import Assessment
from generator.load.names import normalize
from generator.load.values import Marker, at
from generator.model import urls
from generator.model.graph import Graph
from generator.model.stats import risk_items

CHAPTER = "risks"


@dataclass(frozen=True)
class RiskItem:
    """One risk of a form: its section, label and key path inside a リスク対策 block."""

    section: Field
    spec: Field
    path: tuple[str, ...]

    @property
    def key(self) -> str:
        return normalize(self.spec.label)

    @property
    def section_key(self) -> str:
        return normalize(self.section.label)


@dataclass(frozen=True)
class Answer:
    """How one リスク対策 block of one assessment answered one risk item."""

    assessment: Assessment
    block_no: int
    block: dict[str, Any]
    item: RiskItem

    @property
    def value(self) -> Any:
        return at(self.block, *self.item.path)

    @property
    def sufficiency(self) -> Any:
        value = self.value
        return value.get("sufficiency") if isinstance(value, dict) else value

    @property
    def not_applicable(self) -> tuple[str, ...]:
        """Ticked 「…しない」 boxes of the section (the answers are blank then)."""
        ticks = at(self.block, self.item.path[0], "not_applicable")
        return tuple(t.label for t in ticks) if isinstance(ticks, tuple) else ()

    @property
    def files(self) -> tuple[str, ...]:
        names = self.block.get("file_names")
        return names if isinstance(names, tuple) else ()

    @property
    def anchor(self) -> str:
        """Id of the deepest heading the assessment page renders for this item (a marker stops the walk)."""
        parts, value = [CHAPTER, str(self.block_no)], self.block
        for key in self.item.path:
            if isinstance(value, Marker):
                break
            parts.append(key)
            value = value.get(key) if isinstance(value, dict) else None
        return str(urls.anchor_id("-".join(parts)))

    @property
    def excerpt(self) -> str | None:
        """The item's first free-text answer (措置の内容), for a glance."""
        value = self.value
        for sub in self.item.spec.kind.fields if isinstance(value, dict) else ():
            text = value.get(sub.key)
            if isinstance(sub.kind, Rich) and isinstance(text, str) and text.strip():
                return text
        return None



def items_of(form: Form) -> list[RiskItem]:
    spec = form.root.child(CHAPTER)
    return [RiskItem(spec.child(path[0]), _spec_at(spec, path), path) for path in risk_items(spec)]


def _spec_at(spec: Field, path: tuple[str, ...]) -> Field:
    for key in path:
        spec = spec.child(key)
    return spec


def labels() -> dict[str, str]:
    """Normalised label → label as printed, in form order (重点 first, then 全項目's own)."""
    out: dict[str, str] = {}
    for form in FORMS.values():
        for item in items_of(form):
            out.setdefault(item.key, item.spec.label)
    return out


def assessment_answers(a: Assessment) -> list[Answer]:
    """Every answer of one assessment, in block and form order."""
    blocks = a.record.get(CHAPTER)
    return [Answer(a, i, block, item) for i, block in enumerate(blocks if isinstance(blocks, list) else [], 1)
            for item in items_of(a.form) if at(block, *item.path[:1]) is not None]


def answers(graph: Graph) -> dict[str, list[Answer]]:
    """Normalised label → every answer to it (assessment id, block, form order)."""
    out: dict[str, list[Answer]] = {key: [] for key in labels()}
    for a in graph.assessments:
        for answer in assessment_answers(a):
            out[answer.item.key].append(answer)
    return out
