"""The facts a resident asks about, gathered from one or more assessments and de-duplicated.

Who runs the 事務, how many people, which systems, every 委託先 (with 再委託 yes/no/unknown),
every 提供先 and 移転先, and where to ask for one's own data. A list the source does not let
us read is reported as unknown (the file it belongs to), never as empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.load.content import Assessment
from generator.load.values import UNREADABLE, WITHHELD, Marker, known
from generator.model.graph import Entity, FileNode, Graph
from generator.model.order import name_key

YES, NO, UNKNOWN = "あり", "なし", "不明"
KIND_NAMES = {"system": "システム", "itakusaki": "委託先", "teikyosaki": "提供先", "itensaki": "移転先"}
NAME_KEYS = {"system": "name", "itakusaki": "contractor", "teikyosaki": "name", "itensaki": "name"}
LIST_PATHS = {
    "itakusaki": ("outsourcing", "entrustments"),
    "teikyosaki": ("provision_transfer", "provisions"),
    "itensaki": ("provision_transfer", "transfers"),
}


def get(record: Any, *path: str) -> Any:
    """The value at `path`, a Marker if one stands on the way, or None."""
    record = known(record)
    for key in path:
        if isinstance(record, Marker) or not isinstance(record, dict):
            return record if isinstance(record, Marker) else None
        record = known(record.get(key))
    return record


def display_name(entity: Entity) -> str:
    """The entity's name, or for an entry whose name is unreadable, a plain sentence saying so."""
    if not entity.refs or any(isinstance(known(ref.record.get(NAME_KEYS[entity.kind])), str) for ref in entity.refs):
        return entity.name
    ref = entity.refs[0]
    where = f"{ref.assessment.title} {ref.item_no}" if ref.file_no is None else (
        f"ファイル{ref.file_no} {ref.item_no}件目")
    return f"名称を原本から読み取れなかった{KIND_NAMES[entity.kind]}({where})"


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
        return any(isinstance(known(ref.record.get(NAME_KEYS[self.entity.kind])), str) for ref in self.entity.refs)

    @property
    def assessments(self) -> list[Assessment]:
        seen: dict[str, Assessment] = {}
        for node in self.files:
            seen.setdefault(node.assessment.id, node.assessment)
        return list(seen.values())


def subcontract_of(entry: dict[str, Any]) -> str:
    status = get(entry, "subcontract", "status")
    return {"再委託する": YES, "再委託しない": NO}.get(status, UNKNOWN) if isinstance(status, str) else UNKNOWN


def parties(graph: Graph, assessments: list[Assessment], kind: str) -> list[Party]:
    """Every entity of `kind` in the files of `assessments`, merged, in 五十音 order."""
    found: dict[str, Party] = {}
    for a in assessments:
        for node in graph.files[a.id]:
            entries = get(node.record, *LIST_PATHS[kind])
            for entry in entries if isinstance(entries, list) else []:
                ent = graph.entity_of(entry)
                if ent is None:
                    continue
                party = found.setdefault(ent.key, Party(ent))
                if node not in party.files:
                    party.files.append(node)
                if kind == "itakusaki":
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
        for node in graph.files[a.id]:
            path = LIST_PATHS[kind]
            entries = get(node.record, *path)
            lost = hit(entries) or (isinstance(entries, list) and any(hit(known(e)) for e in entries))
            if lost or any(hit(get(node.record, *path[:i])) for i in range(1, len(path))):
                out.append(node)
    return out


@dataclass
class Digest:
    """The summary of one assessment (or all assessments of a 団体)."""

    assessments: list[Assessment]
    systems: list[Entity]
    unnamed_systems: int
    contractors: list[Party]
    providers: list[Party]
    transfers: list[Party]
    unknown: dict[str, list[FileNode]]
    withheld: dict[str, list[FileNode]] = field(default_factory=dict)


def digest(graph: Graph, assessments: list[Assessment]) -> Digest:
    systems: dict[str, Entity] = {}
    unnamed = 0
    for a in assessments:
        entries = get(a.record, "basic_info", "systems")
        for entry in entries if isinstance(entries, list) else []:
            ent = graph.entity_of(entry)
            if ent is not None and isinstance(get(entry, "name"), str):
                systems.setdefault(ent.key, ent)
            else:
                unnamed += 1
    return Digest(
        assessments,
        sorted(systems.values(), key=lambda e: name_key(e.name)),
        unnamed,
        parties(graph, assessments, "itakusaki"),
        parties(graph, assessments, "teikyosaki"),
        parties(graph, assessments, "itensaki"),
        {kind: unreadable_files(graph, assessments, kind) for kind in LIST_PATHS},
        {kind: unreadable_files(graph, assessments, kind, WITHHELD) for kind in LIST_PATHS},
    )
