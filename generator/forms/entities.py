"""The portal's entities — システム, 委託先, 提供先, 移転先 — declared once.

Each kind says how residents read it (label, plain words) and where its pages live (folder). Where its name
sits in a record is not written here: it is read from the form tree, from the field marked `entity=<key>`
(`positions`), so a form that moves a field moves the graph, the pages, the counts and the open data with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.forms.spec import Field, Form, Repeat


@dataclass(frozen=True)
class EntityKind:
    """One kind of entity: English `key` for code, the form's `label`, and the words a resident reads."""

    key: str
    label: str  # the form's word: 委託先
    folder: str  # URL folder of its pages (model/urls.py)
    who: str  # what it is, in plain words: 会社など
    per_organization: bool = False  # 移転先 are departments: the same name in two 団体 is two entities
    legacy_folder: str = ""  # the folder its pages had before (old URLs redirect to the new ones)

    @property
    def index_title(self) -> str:
        return f"{self.label}一覧"


SYSTEM = EntityKind("system", "システム", "systems", "事務で使うシステム")
CONTRACTOR = EntityKind("contractor", "委託先", "contractors", "会社など", legacy_folder="itakusaki")
RECIPIENT = EntityKind("recipient", "提供先", "recipients", "他の機関", legacy_folder="teikyosaki")
TRANSFEREE = EntityKind("transferee", "移転先", "transferees", "同じ団体の部署", per_organization=True,
                        legacy_folder="itensaki")

ENTITY_KINDS: dict[str, EntityKind] = {k.key: k for k in (SYSTEM, CONTRACTOR, RECIPIENT, TRANSFEREE)}
FLOWS = (CONTRACTOR.key, RECIPIENT.key, TRANSFEREE.key)  # where a file's data goes: 委託, 提供, 移転
FILE_NAME = "file"  # `entity=` mark of a 特定個人情報ファイル's name: not an entity with pages of its own


@dataclass(frozen=True)
class Position:
    """Where the entries naming one kind sit: the list at `path` (from the assessment, or from one file when
    `in_file`), each entry's name under `name_key`; `entry` is the form's word for one entry (委託事項)."""

    kind: EntityKind
    path: tuple[str, ...]
    name_key: str
    entry: str
    in_file: bool


def _positions_of(form: Form) -> dict[str, Position]:
    out: dict[str, Position] = {}
    for parents, spec in form.walk():
        if not spec.entity or spec.entity == FILE_NAME:
            continue
        lists = [p for p in parents if isinstance(p.kind, Repeat)]
        owner = lists[-1]
        keys = [p.key for p in parents]
        in_file = keys[0] == "files"
        path = tuple(keys[1 if in_file else 0:])
        assert isinstance(owner.kind, Repeat) and path[-1] == owner.key, f"{form.name}: {spec.key} is not in a list"
        out[spec.entity] = Position(ENTITY_KINDS[spec.entity], path, spec.key, owner.kind.item, in_file)
    return out


_FOUND: dict[int, tuple[Form, dict[str, Position]]] = {}  # id(form) → (form kept alive, its positions)


def positions(form: Form) -> dict[str, Position]:
    """Every entity kind the form names, in ENTITY_KINDS order: {kind key: Position}."""
    if id(form) not in _FOUND:
        found = _positions_of(form)
        _FOUND[id(form)] = (form, {key: found[key] for key in ENTITY_KINDS if key in found})
    return _FOUND[id(form)][1]


def check_marks(fields: list[Field], form_name: str) -> None:
    """Fail at import on an `entity=` mark that names no kind (a typo would silently drop a whole graph edge)."""
    for spec in fields:
        if spec.entity and spec.entity != FILE_NAME and spec.entity not in ENTITY_KINDS:
            raise ValueError(f"{form_name}: {spec.key}: entity={spec.entity!r} is not one of {sorted(ENTITY_KINDS)}")
