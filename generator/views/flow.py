"""データの流れ: which departments (移転先) receive a 団体's files, and which of them run an
assessment of their own in the portal.

Matching rule (departments are written freely, so it is deliberately simple and documented
on the page): a department text is split on 「、」 into units; a unit without its own bureau
(部・局・室・所・委員会・センター) inherits the bureau of the first unit, so 「財政部 市民税課、納税課」
is 財政部市民税課 + 財政部納税課. Units are normalised (NFKC, no spaces). A 移転先 unit matches an
assessment's Ⅰ「評価実施機関における担当部署 ①部署」 unit when they are equal or one ends with the
other (a 課 written without its 部), within the same 団体 and never the transferring assessment.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..content import Assessment
from ..graph import Entity, FileNode, Graph
from ..names import normalize

_BUREAU = re.compile(r"^(.*(?:部|局|室|所|委員会|センター))(.+)$")
MIN_UNIT = 3  # shorter texts (「課」) never match by suffix


def units(name: str) -> list[str]:
    """Normalised department units of one text: 「財政部 市民税課、納税課」 → [財政部市民税課, 財政部納税課]."""
    parts = [normalize(p) for p in re.split(r"[、,]", unicodedata.normalize("NFKC", name)) if normalize(p)]
    if not parts:
        return []
    bureau = _BUREAU.match(parts[0])
    prefix = bureau.group(1) if bureau else ""
    return [parts[0], *(p if _BUREAU.match(p) or not prefix else prefix + p for p in parts[1:])]


def same_department(a: str, b: str) -> bool:
    """Equal units, or one ends with the other (the shorter at least MIN_UNIT characters)."""
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= MIN_UNIT and long_.endswith(short))


def department_of(a: Assessment) -> str | None:
    value: object = a.record
    for key in ("basic_info", "department", "division"):
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, str) else None


@dataclass
class Receiver:
    """A receiving department (移転先 entity) with the files it receives and its own assessments."""

    entity: Entity
    sources: list[FileNode] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)


def receivers(graph: Graph, org_code: str) -> list[Receiver]:
    """Every 移転先 of the 団体's files, in first-seen order (assessment id, file, item)."""
    found: dict[str, Receiver] = {}
    own = [a for a in graph.assessments if a.org_code == org_code]
    for a in own:
        for node in graph.files[a.id]:
            for ent in node.links["itensaki"]:
                rec = found.setdefault(ent.key, Receiver(ent))
                if node not in rec.sources:
                    rec.sources.append(node)
    for rec in found.values():
        names = units(rec.entity.name) if any(isinstance(r.record.get("name"), str) for r in rec.entity.refs) else []
        senders = {n.assessment.id for n in rec.sources}
        rec.assessments = [b for b in own if b.id not in senders and (dept := department_of(b))
                           and any(same_department(x, y) for x in names for y in units(dept))]
    return list(found.values())
