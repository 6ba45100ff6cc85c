"""The facts a resident asks about, gathered from one or more assessments and de-duplicated.

Who runs the 事務, how many people, which systems, every 委託先 (with 再委託 yes/no/unknown),
every 提供先 and 移転先, and where to ask for one's own data. A list the source does not let
us read is reported as unknown (the file it belongs to), never as empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.forms.entities import CONTRACTOR, ENTITY_KINDS, FLOWS, SYSTEM, positions
from generator.load.content import Assessment
from generator.load.values import UNREADABLE, WITHHELD, Marker, at, entries, known
from generator.model.graph import Entity, FileNode, Graph
from generator.model.order import name_key

YES, NO, UNKNOWN = "あり", "なし", "不明"


def display_name(entity: Entity) -> str:
    """The entity's name, or for an entry whose name is unreadable, a plain sentence saying so."""
    if not entity.refs or entity.named:
        return entity.name
    ref = entity.refs[0]
    where = f"{ref.assessment.title} {ref.item_no}" if ref.file_no is None else (
        f"ファイル{ref.file_no} {ref.item_no}件目")
    return f"名称を原本から読み取れなかった{ENTITY_KINDS[entity.kind].label}({where})"


@dataclass
class Party:
    """A 委託先/提供先/移転先 across the files of the assessments read, with where it occurs."""

    entity: Entity
    files: list[FileNode] = field(default_factory=list)
    subcontract: set[str] = field(default_factory=set)

    @property
    def subcontract_label(self) -> str:
        """あり if any 委託事項 says so; なし only if every one says so; else 不明."""
        if YES in self.subcontract:
            return YES
        return NO if self.subcontract == {NO} else UNKNOWN

    @property
    def named(self) -> bool:
        """False when the source does not let us read the name (the entity stands for one entry)."""
        return self.entity.named

    @property
    def assessments(self) -> list[Assessment]:
        seen: dict[str, Assessment] = {}
        for node in self.files:
            seen.setdefault(node.assessment.id, node.assessment)
        return list(seen.values())


def subcontract_of(entry: dict[str, Any]) -> str:
    status = known(at(entry, "subcontract", "status"))
    return {"再委託する": YES, "再委託しない": NO}.get(status, UNKNOWN) if isinstance(status, str) else UNKNOWN


def parties(graph: Graph, assessments: list[Assessment], kind: str) -> list[Party]:
    """Every entity of `kind` in the files of `assessments`, merged, in 五十音 order."""
    found: dict[str, Party] = {}
    for a in assessments:
        where = positions(a.form).get(kind)
        for node in graph.files[a.id] if where else []:
            for entry in entries(at(node.record, *where.path)):
                ent = graph.entity_of(entry)
                if ent is None:
                    continue
                party = found.setdefault(ent.key, Party(ent))
                if node not in party.files:
                    party.files.append(node)
                if kind == CONTRACTOR.key:
                    party.subcontract.add(subcontract_of(entry))
    return sorted(found.values(), key=lambda p: (not p.named, name_key(p.entity.name), p.entity.key))


def unreadable_files(
    graph: Graph, assessments: list[Assessment], kind: str, marker: str = UNREADABLE
) -> list[FileNode]:
    """Files whose list of `kind` (or a group above it, or an entry) is a 判読不能 marker (or `marker`)."""

    def hit(value: object) -> bool:
        return isinstance(value, Marker) and value.kind == marker

    out = []
    for a in assessments:
        where = positions(a.form).get(kind)
        for node in graph.files[a.id] if where else []:
            path = where.path
            listed = known(at(node.record, *path))
            lost = hit(listed) or (isinstance(listed, list) and any(hit(known(e)) for e in listed))
            if lost or any(hit(known(at(node.record, *path[:i]))) for i in range(1, len(path))):
                out.append(node)
    return out


@dataclass
class Digest:
    """The summary of one assessment (or all assessments of a 団体)."""

    assessments: list[Assessment]
    systems: list[Entity]
    unnamed_systems: int
    parties: dict[str, list[Party]]  # flow kind (forms/entities.py FLOWS) → its parties
    unknown: dict[str, list[FileNode]]
    withheld: dict[str, list[FileNode]] = field(default_factory=dict)


def digest(graph: Graph, assessments: list[Assessment]) -> Digest:
    systems: dict[str, Entity] = {}
    unnamed = 0
    for a in assessments:
        where = positions(a.form).get(SYSTEM.key)
        for entry in entries(at(a.record, *where.path)) if where else []:
            ent = graph.entity_of(entry)
            if ent is not None and isinstance(known(at(entry, where.name_key)), str):
                systems.setdefault(ent.key, ent)
            else:
                unnamed += 1
    return Digest(
        assessments,
        sorted(systems.values(), key=lambda e: name_key(e.name)),
        unnamed,
        {kind: parties(graph, assessments, kind) for kind in FLOWS},
        {kind: unreadable_files(graph, assessments, kind) for kind in FLOWS},
        {kind: unreadable_files(graph, assessments, kind, WITHHELD) for kind in FLOWS},
    )
