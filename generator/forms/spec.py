"""A small declarative language for the official forms.

Each form (重点項目評価書, 全項目評価書, …) is a tree of `Field`s. The tree is the one
source for validation, rendering order, the editing guide and the JSON Schema export:
the YAML key of a field is its official Japanese label, `key` is the English name used
in code, `no` is the printed numbering (「①」, 「4.」) kept apart from the label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar, TypeVar


@dataclass(frozen=True)
class Kind:
    """Base of all value kinds; `name` is shown in error messages and the guide."""

    name = "値"
    printed: ClassVar[bool] = False  # may be written {値: …, 原本の表記: …} (the source's own wording kept)


@dataclass(frozen=True)
class Text(Kind):
    """One line of text (names, short answers)."""

    name = "文字列(1行)"
    printed = True


@dataclass(frozen=True)
class Url(Text):
    """A web address (https:// or http://): the only kind of value that becomes a link to another site."""

    name = "URL(https:// または http:// で始まる1行)"


@dataclass(frozen=True)
class Rich(Kind):
    """Free text that keeps paragraphs, line breaks and list items."""

    name = "文章(複数行可)"
    printed = True


@dataclass(frozen=True)
class Int(Kind):
    """A whole number (評価書番号, 件数)."""

    name = "整数"


@dataclass(frozen=True)
class Date(Kind):
    """A date in ISO or 和暦, with day or month precision."""

    name = "日付(2023-04-03 / 令和5年4月3日 / 平成27年10月)"


@dataclass(frozen=True)
class Choice(Kind):
    """One label from the official <選択肢>."""

    options: tuple[str, ...] = ()
    name = "選択(1つ)"
    printed = True


@dataclass(frozen=True)
class Checks(Kind):
    """Checkbox group: the list of ticked labels; `with_text` options carry `( … )` text."""

    options: tuple[str, ...] = ()
    with_text: tuple[str, ...] = ()
    name = "チェック(複数選択)"


@dataclass(frozen=True)
class TextList(Kind):
    """A list of one-line texts (e.g. 特定個人情報ファイル名 of I-3)."""

    name = "文字列のリスト"


@dataclass(frozen=True)
class RecordItems(Kind):
    """別添 record items: groups (optional name) of item names, numbered as printed."""

    name = "記録項目のリスト"


@dataclass(frozen=True)
class Group(Kind):
    """A fixed set of named sub-items (a mapping)."""

    fields: tuple[Field, ...] = ()
    name = "項目のまとまり"


@dataclass(frozen=True)
class Repeat(Kind):
    """A repeating group (システム1..n, 委託事項1..n, …): a list of mappings."""

    fields: tuple[Field, ...] = ()
    item: str = ""
    max_items: int = 0
    name = "繰り返し(リスト)"


KINDS: tuple[type[Kind], ...] = (Text, Url, Rich, Int, Date, Choice, Checks, TextList, RecordItems, Group, Repeat)
VALUE_KINDS = KINDS[:-2]  # the leaves: every kind but Group and Repeat
H = TypeVar("H")


def _every_subclass(cls: type) -> set[type]:
    return {sub for direct in cls.__subclasses__() for sub in (direct, *_every_subclass(direct))}


def by_kind(handlers: Mapping[type[Kind], H], kinds: tuple[type[Kind], ...] | None = None) -> Callable[[Kind], H]:
    """A dispatch table with one entry per kind (of `kinds`, default KINDS), checked when the module that declares
    it is imported: a kind some module does not handle stops the program at start-up, not on some value later."""
    kinds = KINDS if kinds is None else kinds
    missing = [k.__name__ for k in kinds if k not in handlers]
    extra = [k.__name__ for k in handlers if k not in kinds]
    if missing or extra:
        raise TypeError(f"by_kind: no handler for {missing}; not a kind here: {extra}")
    table = dict(handlers)
    return lambda kind: table[type(kind)]


@dataclass(frozen=True)
class Field:
    """One item of a form: English `key`, official `label`, printed `no`, value `kind`."""

    key: str
    label: str
    kind: Kind
    description: str
    no: str = ""
    required: bool = True
    entity: str = ""  # the entity kind this value names (forms/entities.py ENTITY_KINDS), or "file"
    chapter: str = ""  # chapter printed separately from its parent (e.g. 別添1)
    example: object = None
    renumbered: tuple[tuple[str, str], ...] = ()  # (様式の版, number printed in that version)

    @property
    def heading(self) -> str:
        """Numbering and label as printed in the form, e.g. 「③委託先名」."""
        return self.heading_in(None)

    def heading_in(self, version: str | None) -> str:
        """The heading as printed in one version of the form (numbers moved between versions)."""
        no = dict(self.renumbered).get(version or "", self.no)
        if not no:
            return self.label
        spaced = no[0] in "ⅠⅡⅢⅣⅤⅥ(（" or no.startswith("別")
        return f"{no} {self.label}" if spaced else f"{no}{self.label}"

    def child(self, key: str) -> Field:
        """Sub-field by English key; KeyError names the missing key."""
        for sub in children(self):
            if sub.key == key:
                return sub
        raise KeyError(f"{self.key}.{key}")


def children(spec: Field) -> tuple[Field, ...]:
    """Sub-fields of a group or repeating group, else empty."""
    if isinstance(spec.kind, (Group, Repeat)):
        return spec.kind.fields
    return ()


@dataclass(frozen=True)
class Form:
    """A whole form: its Japanese name, the style code printed (様式N) and its tree."""

    name: str
    code: str
    root: Field
    versions: tuple[str, ...] = field(default=())

    def walk(self) -> list[tuple[tuple[Field, ...], Field]]:
        """Every field with its ancestors, in form order (for the guide and schema tests)."""
        out: list[tuple[tuple[Field, ...], Field]] = []

        def visit(parents: tuple[Field, ...], spec: Field) -> None:
            out.append((parents, spec))
            for sub in children(spec):
                visit((*parents, spec), sub)

        for sub in children(self.root):
            visit((), sub)
        return out


def group(key: str, label: str, description: str, *fields: Field, no: str = "", **kw) -> Field:
    """Shorthand for a Field of kind Group."""
    return Field(key, label, Group(fields), description, no=no, **kw)


def repeat(key: str, label: str, description: str, item: str, *fields: Field,
           no: str = "", max_items: int = 0, **kw) -> Field:
    """Shorthand for a Field of kind Repeat."""
    return Field(key, label, Repeat(fields, item=item, max_items=max_items), description, no=no, **kw)


if _every_subclass(Kind) != set(KINDS):  # a kind defined above must be listed in KINDS (and so handled everywhere)
    raise TypeError(f"forms/spec.py: KINDS misses {sorted(c.__name__ for c in _every_subclass(Kind) - set(KINDS))}")
