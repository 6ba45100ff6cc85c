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
from itertools import pairwise

from generator.forms.entities import TRANSFEREE
from generator.load.content import Assessment
from generator.load.names import normalize
from generator.load.values import at, known
from generator.model.digest import unreadable_files
from generator.model.graph import Entity, FileNode, Graph

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
    value = known(at(a.record, "basic_info", "department", "division"))
    return value if isinstance(value, str) else None


_NEW_BUREAU = re.compile(r"(?:部|局|所|委員会|センター)$")


def departments(name: str) -> int:
    """How many departments one 移転先 text names: 「、」 separates them, and so does a space between two
    bureau names (「芝地区総合支所 麻布地区総合支所」 is two; 「財政部 市民税課」 is one)."""
    count = 0
    for part in re.split(r"[、,]", unicodedata.normalize("NFKC", name)):
        words = part.split()
        count += 1 if words else 0
        count += sum(1 for prev, word in pairwise(words)
                     if _NEW_BUREAU.search(prev) and _NEW_BUREAU.search(word))
    return count


@dataclass
class Receiver:
    """A receiving 委託先, 提供先 or 移転先 with the files it receives; a department's own assessments.

    `unknown`: the file's list could not be read from the source; the receiver stands for that gap.
    """

    entity: Entity
    sources: list[FileNode] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    kind: str = TRANSFEREE.key
    unknown: bool = False


def receivers(graph: Graph, org_code: str, kinds: tuple[str, ...] = (TRANSFEREE.key,)) -> list[Receiver]:
    """Every receiver of the 団体's files, by kind, in first-seen order (assessment id, file, item)."""
    found: dict[str, Receiver] = {}
    own = [a for a in graph.assessments if a.org_code == org_code]
    for kind in kinds:
        lost = unreadable_files(graph, own, kind)
        for a in own:
            for node in graph.files[a.id]:
                for ent in node.links[kind]:
                    rec = found.setdefault(f"{kind}:{ent.key}", Receiver(ent, kind=kind))
                    if node not in rec.sources:
                        rec.sources.append(node)
                if node in lost:
                    gap = Entity(kind, f"unknown:{kind}:{node.url}", "原本から読み取れませんでした", node.url)
                    found[gap.key] = Receiver(gap, [node], kind=kind, unknown=True)
    for rec in found.values():
        if rec.kind != TRANSFEREE.key or rec.unknown:
            continue
        names = units(rec.entity.name) if rec.entity.named else []
        senders = {n.assessment.id for n in rec.sources}
        rec.assessments = [b for b in own if b.id not in senders and (dept := department_of(b))
                           and any(same_department(x, y) for x in names for y in units(dept))]
    return list(found.values())
