"""The cross-reference graph: 評価書 → システム → ファイル → 委託先 → 提供先・移転先, and back.

Built once from validated content; pages are rendered from it. Entities are merged by
canonical name (normalisation + aliases); 移転先 are departments, so they are merged
within their 団体 only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.forms.entities import ENTITY_KINDS, FLOWS, SYSTEM, positions
from generator.load.content import Assessment, Content, Organization
from generator.load.names import canonical, normalize
from generator.load.values import Marker, at, entries, known
from generator.model import urls


@dataclass(frozen=True)
class Ref:
    """One occurrence of an entity: in which assessment, which file, which list item."""

    assessment: Assessment
    file_no: int | None
    item_no: int
    record: dict[str, Any] = field(repr=False, compare=False)
    name: object = field(default=None, compare=False)  # the entry's name as recorded (a str or a Marker)


@dataclass
class Entity:
    """A システム, 委託先, 提供先 or 移転先 with every place it occurs."""

    kind: str
    key: str
    name: str
    url: str
    refs: list[Ref] = field(default_factory=list)
    spellings: set[str] = field(default_factory=set)

    @property
    def named(self) -> bool:
        """False when no occurrence's name could be read (the entity then stands for one unreadable entry)."""
        return any(isinstance(known(ref.name), str) for ref in self.refs)

    @property
    def assessments(self) -> list[Assessment]:
        seen: dict[str, Assessment] = {}
        for ref in self.refs:
            seen.setdefault(ref.assessment.id, ref.assessment)
        return [seen[k] for k in sorted(seen)]


@dataclass
class FileNode:
    """A 特定個人情報ファイル of one assessment, with its entity links."""

    assessment: Assessment
    number: int
    record: dict[str, Any] = field(repr=False)
    url: str = ""
    links: dict[str, list[Entity]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        name = known(self.record.get("name"))  # an inferred (推定) name is still the file's name
        return name if isinstance(name, str) else f"ファイル{self.number}(名称判読不能)"

    def risk_blocks(self) -> list[dict[str, Any]]:
        """Ⅲ blocks that name this file (one block may cover several files)."""
        blocks = self.assessment.record.get("risks") or []
        return [b for b in blocks if isinstance(b.get("file_names"), tuple) and self.name in b["file_names"]]


@dataclass
class Graph:
    """Everything the pages need, sorted deterministically."""

    content: Content
    files: dict[str, list[FileNode]]  # assessment id → files
    entities: dict[str, dict[str, Entity]]  # kind → key → entity
    systems_of: dict[str, list[Entity | None]]  # assessment id → systems in form order
    by_record: dict[int, Entity] = field(default_factory=dict)  # id() of a list entry → its entity

    def entity_of(self, entry: object) -> Entity | None:
        """The entity a システム/委託事項/提供先/移転先 entry names (also when its name is unreadable)."""
        return self.by_record.get(id(entry))

    @property
    def organizations(self) -> dict[str, Organization]:
        return self.content.organizations

    @property
    def assessments(self) -> tuple[Assessment, ...]:
        return self.content.assessments

    def org_of(self, a: Assessment) -> Organization:
        return self.content.organizations[a.org_code]

    def sorted_entities(self, kind: str) -> list[Entity]:
        return sorted(self.entities[kind].values(), key=lambda e: (normalize(e.name), e.key))

    def entity_for(self, kind: str, a: Assessment, name: object) -> Entity | None:
        """The entity a (readable) name in assessment `a` refers to."""
        if not isinstance(name, str) or not name:
            return None
        return self.entities[kind].get(_key(kind, a, name, self.content.aliases[kind]))


def _key(kind: str, a: Assessment, name: str, aliases: dict[str, str]) -> str:
    base = normalize(canonical(name, aliases))
    return f"{a.org_code}:{base}" if ENTITY_KINDS[kind].per_organization else base


def _add(
    entities: dict[str, Entity],
    kind: str,
    a: Assessment,
    name: object,
    ref: Ref,
    aliases: dict[str, str],
    by_record: dict[int, Entity],
) -> Entity | None:
    """Record one occurrence; an unreadable name gets an entity of its own (it still has a page).

    An inferred (推定) name links like a read one; the assessment page shows it as 推定.
    """
    name = known(name)
    if isinstance(name, str) and name:
        key, shown = _key(kind, a, name, aliases), canonical(name, aliases)
    elif isinstance(name, Marker):
        key, shown = (
            f"{a.id}:{kind}:{ref.file_no or 0}:{ref.item_no}",
            f"名称判読不能の{ENTITY_KINDS[kind].label}({a.title} {ref.item_no})",
        )
    else:
        return None
    ent = entities.get(key)
    if ent is None:
        ent = entities[key] = Entity(kind, key, shown, urls.entity(kind, key))
    ent.refs.append(ref)
    by_record[id(ref.record)] = ent
    if isinstance(name, str):
        ent.spellings.add(name)
    return ent


def build_graph(content: Content) -> Graph:
    """Link every assessment's systems, files and recipients into shared entities (where each entity's name
    sits is read from the form: forms/entities.py `positions`)."""
    entities: dict[str, dict[str, Entity]] = {kind: {} for kind in ENTITY_KINDS}
    files: dict[str, list[FileNode]] = {}
    systems_of: dict[str, list[Entity | None]] = {}
    by_record: dict[int, Entity] = {}

    def add(kind: str, a: Assessment, item: dict[str, Any], file_no: int | None, item_no: int,
            name_key: str) -> Entity | None:
        ref = Ref(a, file_no, item_no, item, item.get(name_key))
        return _add(entities[kind], kind, a, ref.name, ref, content.aliases[kind], by_record)

    for a in content.assessments:
        where = positions(a.form)
        system = where.get(SYSTEM.key)
        systems_of[a.id] = [add(SYSTEM.key, a, s, None, i, system.name_key)
                            for i, s in enumerate(entries(at(a.record, *system.path)), 1)] if system else []
        nodes = []
        for n, f in enumerate(entries(a.record.get("files")), 1):
            node = FileNode(a, n, f, urls.file(a.id, n), {kind: [] for kind in FLOWS})
            for kind, pos in where.items():
                if pos.in_file:
                    linked = [add(kind, a, item, n, i, pos.name_key)
                              for i, item in enumerate(entries(at(f, *pos.path)), 1)]
                    node.links[kind] = [e for e in linked if e is not None]
            nodes.append(node)
        files[a.id] = nodes
    return Graph(content, files, entities, systems_of, by_record)


def outline(graph: Graph) -> str:
    """Text outline of the graph, one chain per line (for tests and reviews)."""
    lines = []
    for a in graph.assessments:
        lines.append(f"評価書 {a.id} {a.title}")
        lines.extend(f"  システム {e.name}" for e in graph.systems_of[a.id] if e)
        for node in graph.files[a.id]:
            lines.append(f"  ファイル {node.name}")
            for kind, linked in node.links.items():
                lines.extend(f"    {ENTITY_KINDS[kind].label} {e.name}" for e in linked)
    return "\n".join(lines)
