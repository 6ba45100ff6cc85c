"""Check a YAML node tree against a form spec and turn it into plain records.

The walk collects every problem (never stops at the first) and keeps the YAML line of
each. Records are dicts keyed by the spec's English keys, so code never depends on the
Japanese labels a clerk types.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from typing import Any

import yaml

from generator.forms.spec import (
    Checks,
    Choice,
    Date,
    Field,
    Group,
    Int,
    Kind,
    RecordItems,
    Repeat,
    Rich,
    Text,
    TextList,
    Url,
    by_kind,
)
from generator.load.limits import MAX_INT_DIGITS
from generator.load.problems import Problem
from generator.load.values import (
    EVIDENCE,
    INFERRED,
    MARKERS,
    PARTIAL,
    PRINTED,
    READ_VALUE,
    RECORD_MARKER,
    RECORD_PRINTED,
    UNTICKED,
    Entries,
    Marker,
    Printed,
    RecordGroup,
    Tick,
)
from generator.load.wareki import DateError, parse_date
from generator.load.weburl import ALLOWED_SCHEMES, is_web_url

NULL_TAG = "tag:yaml.org,2002:null"


class Walker:
    """Validates nodes of one file; `problems` accumulates across calls."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.keys: dict[int, yaml.Node] = {}  # id of a value node → its key, to point at `表紙:` not its first item
        self.unknown: list[str] = []  # unknown keys of the mapping read last (to spot typos of missing keys)

    def error(self, node: yaml.Node, item: str, ja: str, en: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, item, ja, en))

    def value(self, spec: Field, node: yaml.Node | None, item: str) -> Any:
        """Validate one field's node (None when the key is absent)."""
        if node is None or _is_null(node):
            if spec.required and not isinstance(spec.kind, Repeat):
                where = node if node is not None else None
                if where is not None:
                    self.error(where, item, "未記入です。この項目は必須です", "required item is empty")
            return [] if isinstance(spec.kind, Repeat) else None
        if isinstance(node, yaml.MappingNode) and _marker_key(node) == INFERRED:
            return self.inferred(spec, node, item)
        if isinstance(node, yaml.MappingNode) and _marker_key(node):
            return self.marker(spec, node, item)
        if isinstance(node, yaml.MappingNode) and _has_key(node, READ_VALUE) and not isinstance(spec.kind, Group):
            return self.printed_value(spec, node, item)
        return self.plain(spec.kind, spec, node, item)

    def plain(self, kind: Kind, spec: Field, node: yaml.Node, item: str) -> Any:
        return READERS(kind)(self, spec, node, item)

    # -- markers -------------------------------------------------------------------------
    def marker(self, spec: Field, node: yaml.MappingNode, item: str) -> Marker | None:
        """判読不能/非公表 with its reason; 記載 keeps what was read (checkboxes: 未選択 the options read unticked)."""
        kind = _marker_key(node)
        allowed = (kind, PARTIAL, UNTICKED) if isinstance(spec.kind, Checks) else (kind, PARTIAL)
        pairs = self.marker_pairs(node, item, kind, allowed)
        note = self.note(node, pairs.get(kind), item, f"{kind}の理由(抽出元の行など)を書いてください",
                         f"give the reason for {kind} (e.g. the seed line)")
        if note is None:
            return None
        partial = pairs.get(PARTIAL)
        value = self.partial(spec, partial, item) if partial is not None and not _is_null(partial) else None
        unticked = self.unticked(spec, pairs.get(UNTICKED), value, item)
        return Marker(kind, note, value, unticked)

    def inferred(self, spec: Field, node: yaml.MappingNode, item: str) -> Any:
        """`{推定: value, 根拠: evidence}`: the value is validated as if it were read; the evidence is required."""
        pairs = self.marker_pairs(node, item, INFERRED, (INFERRED, EVIDENCE, PRINTED))
        note = self.note(node, pairs.get(EVIDENCE), item,
                         f"推定には「{EVIDENCE}」(何をどこで読み、なぜその値になるか)を書いてください",
                         f"a {INFERRED} value needs '{EVIDENCE}': what was read where, and why it implies the value")
        inner = pairs[INFERRED]
        if _is_null(inner) or (isinstance(inner, yaml.MappingNode) and _marker_key(inner)):
            self.error(node, item, f"「{INFERRED}」には推定した値そのものを書いてください",
                       f"'{INFERRED}' takes the inferred value itself")
            return None
        value = self.plain(spec.kind, spec, inner, item)
        printed = self.printed_text(pairs.get(PRINTED), item)
        if note is None or value is None:
            return None
        marker = Marker(INFERRED, note, None if isinstance(spec.kind, (Group, Repeat)) else value, printed=printed)
        if isinstance(spec.kind, Group):
            value[RECORD_MARKER] = marker
            return value
        return Entries(value, marker) if isinstance(spec.kind, Repeat) else marker

    def marker_pairs(self, node: yaml.MappingNode, item: str, kind: str, allowed: tuple[str, ...]) -> dict:
        pairs = {k.value: v for k, v in node.value}
        extra = sorted(set(pairs) - set(allowed))
        keys = "と".join(f"「{k}」" for k in allowed)
        hint = _hint(extra[0], allowed, 0.5) if extra else ""  # keys are short: 根処 → 根拠
        self.unknown = extra  # a misspelt 根拠 is reported here only, not again as missing
        if extra:
            self.error(
                node,
                item,
                f"{kind}の指定に使えるキーは{keys}だけです(不明なキー: {', '.join(extra)}){hint}",
                f"a {kind} marker takes only {' and '.join(repr(k) for k in allowed)} (unknown: {', '.join(extra)})",
            )
        return pairs

    def note(self, node: yaml.Node, value: yaml.Node | None, item: str, ja: str, en: str) -> str | None:
        if value is None and self.unknown:  # the unknown key was probably this one, misspelt: already reported
            return None
        if not isinstance(value, yaml.ScalarNode) or not value.value.strip():
            self.error(node, item, ja, en)
            return None
        return value.value.strip()

    def partial(self, spec: Field, node: yaml.Node, item: str) -> Any:
        """What was read of a 判読不能 value: like the value, but a group may leave out items."""
        if isinstance(node, yaml.MappingNode) and _marker_key(node):
            self.error(node, item, f"「{PARTIAL}」には読み取れた記載だけを書いてください(推定などは外に書きます)",
                       f"'{PARTIAL}' takes only what was read; write a marker outside it")
            return None
        if isinstance(spec.kind, Group):
            return self.group(spec, node, item, complete=False)
        return self.plain(spec.kind, spec, node, item)

    def unticked(self, spec: Field, node: yaml.Node | None, ticks: Any, item: str) -> tuple[str, ...]:
        """Options of a partly readable checkbox list that were read as not ticked."""
        if node is None or _is_null(node):
            return ()
        labels = [self.scalar(e, item, "選択肢") for e in self.sequence(node, item) or ()]
        kind: Checks = spec.kind
        ticked = {t.label for t in ticks} if isinstance(ticks, tuple) else set()
        out: list[str] = []
        for entry, label in zip(node.value, labels, strict=True):
            if label is None:
                continue
            label = label.strip()
            if label not in kind.options:
                self.error(entry, item, f"選択肢にない値です: 「{label}」。選べる値: {' / '.join(kind.options)}"
                           f"{_hint(label, kind.options)}", f"not one of the options: '{label}'")
            elif label in ticked or label in out:
                self.error(entry, item, f"「{label}」が{PARTIAL}と{UNTICKED}に重ねて書かれています",
                           f"'{label}' is listed twice in '{PARTIAL}'/'{UNTICKED}'")
            else:
                out.append(label)
        return tuple(out)

    def printed_value(self, spec: Field, node: yaml.MappingNode, item: str) -> Any:
        """`{値: value, 原本の表記: source wording}`: a read value whose printed wording differs from the form."""
        fields = self.mapping(node, item, (READ_VALUE, PRINTED))
        if fields is None:
            return None
        if not spec.kind.printed:
            self.error(node, item, f"「{PRINTED}」は文字列・選択肢・チェックの選択肢・項目のまとまりに付けられます",
                       f"'{PRINTED}' applies to text, choices, checkbox options and groups")
            return None
        value = self.plain(spec.kind, spec, fields[READ_VALUE], item) if READ_VALUE in fields else None
        printed = self.printed_text(fields.get(PRINTED), item)
        if printed is None and PRINTED not in fields:
            self.error(node, item, f"「{READ_VALUE}」と一緒に「{PRINTED}」を書いてください",
                       f"'{READ_VALUE}' goes with '{PRINTED}'")
        return Printed(value, printed) if value and printed else value

    def printed_text(self, node: yaml.Node | None, item: str) -> str | None:
        text = self.scalar(node, item, "1行の文字列") if node is not None and not _is_null(node) else None
        return text.strip() or None if text is not None else None

    # -- scalars -------------------------------------------------------------------------
    def scalar(self, node: yaml.Node, item: str, what: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.error(
                node,
                item,
                f"{what}を書いてください(リストやまとまりは使えません)",
                f"expected {_EN.get(what, what)}, got a {_shape(node)}",
            )
            return None
        return node.value

    def text(self, spec: Field, node: yaml.Node, item: str) -> str | None:
        raw = self.scalar(node, item, "1行の文字列")
        if raw is not None and "\n" in raw.strip():
            self.error(node, item, "この項目は1行で書いてください", "this item takes a single line")
        return raw.strip() if raw is not None else None

    def rich(self, spec: Field, node: yaml.Node, item: str) -> str | None:
        raw = self.scalar(node, item, "文章")
        return raw.strip("\n").rstrip() if raw is not None else None

    def integer(self, spec: Field, node: yaml.Node, item: str) -> int | None:
        raw = self.scalar(node, item, "整数")
        if raw is None:
            return None
        if not raw.strip().isdecimal():  # isdigit() admits ① and ², which int() rejects
            self.error(
                node, item, f"整数を書いてください(「{raw}」は整数ではありません)", f"expected an integer, got '{raw}'"
            )
            return None
        if len(raw.strip()) > MAX_INT_DIGITS:
            self.error(node, item, f"数が大きすぎます({len(raw.strip()):,} 桁。{MAX_INT_DIGITS} 桁まで)",
                       f"number too large ({len(raw.strip()):,} digits; at most {MAX_INT_DIGITS})")
            return None
        return int(raw)

    def url(self, spec: Field, node: yaml.Node, item: str) -> str | None:
        """A web address: only https:/http: may become a link (javascript: and data: links run code)."""
        raw = self.text(spec, node, item)
        if raw is None or is_web_url(raw):
            return raw
        allowed = [f"{s}://" for s in ALLOWED_SCHEMES]
        self.error(node, item,
                   f"URLは {' か '.join(allowed)} で始まるウェブのアドレスだけ書けます(「{raw[:80]}」は使えません)",
                   f"only web addresses starting with {' or '.join(allowed)} are allowed, got '{raw[:80]}'")
        return None

    def date(self, spec: Field, node: yaml.Node, item: str):
        raw = self.scalar(node, item, "日付")
        if raw is None:
            return None
        try:
            return parse_date(raw)
        except DateError as err:
            self.error(node, item, err.ja, err.en)
            return None

    def choice(self, spec: Field, node: yaml.Node, item: str) -> str | None:
        raw = self.scalar(node, item, "選択肢")
        if raw is None:
            return None
        options = spec.kind.options
        if raw.strip() not in options:
            self.error(
                node,
                item,
                f"選択肢にない値です: 「{raw}」。選べる値: {' / '.join(options)}{_hint(raw, options)}",
                f"not one of the choices: '{raw}'; allowed: {' / '.join(options)}",
            )
            return None
        return raw.strip()

    # -- lists ---------------------------------------------------------------------------
    def sequence(self, node: yaml.Node, item: str) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, item, "「- 」で始まるリストで書いてください", f"expected a list, got a {_shape(node)}")
            return None
        return node.value

    def checks(self, spec: Field, node: yaml.Node, item: str) -> tuple[Tick, ...] | None:
        entries = self.sequence(node, item)
        if entries is None:
            return None
        kind: Checks = spec.kind
        ticks: list[Tick] = []
        for entry in entries:
            tick = self.tick(kind, entry, item)
            if tick and any(t.label == tick.label for t in ticks):
                self.error(entry, item, f"「{tick.label}」が2回あります", f"'{tick.label}' is listed twice")
            elif tick:
                ticks.append(tick)
        return tuple(ticks)

    def tick(self, kind: Checks, entry: yaml.Node, item: str) -> Tick | None:
        """`label`, `label: text`, `{推定: label, 根拠: …}` or `{値: label, 原本の表記: …}`."""
        if isinstance(entry, yaml.MappingNode) and _marker_key(entry) == INFERRED:
            pairs = self.marker_pairs(entry, item, INFERRED, (INFERRED, EVIDENCE, PRINTED))
            note = self.note(entry, pairs.get(EVIDENCE), item,
                             f"推定には「{EVIDENCE}」(何をどこで読み、なぜその選択肢になるか)を書いてください",
                             f"a {INFERRED} option needs '{EVIDENCE}'")
            inner = self.tick(kind, pairs[INFERRED], item)
            printed = self.printed_text(pairs.get(PRINTED), item)
            return dataclasses.replace(inner, evidence=note, printed=printed) if inner and note else None
        if isinstance(entry, yaml.MappingNode) and _has_key(entry, READ_VALUE):
            fields = self.mapping(entry, item, (READ_VALUE, PRINTED))
            inner = self.tick(kind, fields[READ_VALUE], item) if fields and READ_VALUE in fields else None
            printed = self.printed_text(fields.get(PRINTED), item) if fields else None
            return dataclasses.replace(inner, printed=printed) if inner else None
        if isinstance(entry, yaml.MappingNode) and len(entry.value) == 1:
            key, val = entry.value[0]
            label, text = key.value, self.scalar(val, item, "括弧内の記載") if not _is_null(val) else None
        elif isinstance(entry, yaml.ScalarNode) and not _is_null(entry):
            label, text = entry.value, None
        else:
            self.error(
                entry,
                item,
                "チェックした選択肢の名前を書いてください(括弧内の記載は「選択肢: 記載」)",
                "expected an option label, or 'label: text' for an option with ( … ) text",
            )
            return None
        if label not in kind.options:
            self.error(
                entry,
                item,
                f"選択肢にない値です: 「{label}」。選べる値: {' / '.join(kind.options)}{_hint(label, kind.options)}",
                f"not one of the options: '{label}'; allowed: {' / '.join(kind.options)}",
            )
            return None
        if text is not None and label not in kind.with_text:
            self.error(entry, item, f"「{label}」には括弧内の記載を付けられません", f"'{label}' takes no ( … ) text")
        return Tick(label, text.strip() if text else None)

    def text_list(self, spec: Field, node: yaml.Node, item: str) -> tuple[str, ...] | None:
        entries = self.sequence(node, item)
        if entries is None:
            return None
        values = [self.scalar(e, f"{item}[{i}]", "文字列") for i, e in enumerate(entries, 1)]
        return tuple(v.strip() for v in values if v)

    def record_items(self, spec: Field, node: yaml.Node, item: str) -> tuple[RecordGroup, ...] | None:
        entries = self.sequence(node, item)
        if entries is None:
            return None
        if all(isinstance(e, yaml.ScalarNode) for e in entries):
            return (RecordGroup(None, tuple(e.value.strip() for e in entries)),)
        groups = []
        for i, entry in enumerate(entries, 1):
            where = f"{item}[{i}]"
            fields = self.mapping(entry, where, ("グループ", "項目"))
            if fields is None:
                continue
            label = fields.get("グループ")
            name = None if label is None or _is_null(label) else self.scalar(label, f"{where} > グループ", "文字列")
            items = self.text_list(spec, fields["項目"], f"{where} > 項目") if "項目" in fields else None
            if "項目" not in fields:
                self.error(entry, where, "「項目」がありません", "missing '項目'")
            groups.append(RecordGroup(name.strip() if name else None, items or ()))
        return tuple(groups)

    # -- groups --------------------------------------------------------------------------
    def mapping(
        self, node: yaml.Node, item: str, allowed: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node] | None:
        """Key → value node of a mapping; reports duplicate and unknown keys (`optional` keys: allowed, not listed)."""
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node, item, "「項目名: 値」のまとまりで書いてください", f"expected a mapping, got a {_shape(node)}"
            )
            return None
        out: dict[str, yaml.Node] = {}
        self.unknown = []
        for key, val in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            if name in out:
                self.error(key, _join(item, name), f"項目「{name}」が2回書かれています", f"duplicate key '{name}'")
            elif name not in allowed and name not in optional:
                self.unknown.append(name)
                self.error(
                    key,
                    _join(item, name),
                    f"この場所にない項目です: 「{name}」。書ける項目: {' / '.join(allowed)}{_hint(name, allowed)}",
                    f"unknown key '{name}'; allowed here: {' / '.join(allowed)}",
                )
            else:
                out[name] = val
                self.keys[id(val)] = key
        return out

    def group(self, spec: Field, node: yaml.Node, item: str, complete: bool = True) -> dict[str, Any] | None:
        """A mapping of the group's items (+ 原本の表記); `complete=False` for what was read of a 判読不能 group."""
        fields = spec.kind.fields
        labels = tuple(f.label for f in fields)
        found = self.mapping(node, item, labels, optional=(PRINTED,))
        if found is None:
            return None
        misspelt = {_close(name, labels) for name in self.unknown}  # one error per typo, not also 「ありません」
        record: dict[str, Any] = {}
        if PRINTED in found:
            record[RECORD_PRINTED] = self.printed_text(found[PRINTED], _join(item, PRINTED))
        for sub in fields:
            where = _join(item, sub.heading)
            if sub.label not in found and not complete:
                continue
            if sub.label not in found:
                if sub.required and sub.label not in misspelt:
                    self.error(
                        self.keys.get(id(node), node),
                        where,
                        f"必須の項目「{sub.label}」がありません",
                        f"required item '{sub.label}' is missing",
                    )
                record[sub.key] = [] if isinstance(sub.kind, Repeat) else None
            else:
                record[sub.key] = self.value(sub, found[sub.label], where)
        return record

    def repeat(self, spec: Field, node: yaml.Node, item: str) -> list[dict[str, Any]]:
        entries = self.sequence(node, item) or []
        kind: Repeat = spec.kind
        if kind.max_items and len(entries) > kind.max_items:
            self.error(
                node,
                item,
                f"{kind.item}は{kind.max_items}件までです({len(entries)}件あります)",
                f"at most {kind.max_items} entries, found {len(entries)}",
            )
        group = Field(spec.key, spec.label, Group(kind.fields), spec.description)
        records = []
        for i, entry in enumerate(entries, 1):
            record = self.entry(group, entry, f"{item}[{i}]")
            if record is not None:
                record["_line"] = entry.start_mark.line + 1
                records.append(record)
        return records

    def entry(self, group: Field, node: yaml.Node, item: str) -> dict[str, Any] | None:
        """One repeated entry; a marker may stand for the whole entry (kept under `_marker`)."""
        kind = _marker_key(node) if isinstance(node, yaml.MappingNode) else None
        if kind is None:
            return self.group(group, node, item)
        if kind == INFERRED:
            return self.inferred(group, node, item)
        marker = self.marker(group, node, item)
        if marker is None:
            return None
        record: dict[str, Any] = {f.key: [] if isinstance(f.kind, Repeat) else None for f in group.kind.fields}
        record.update(marker.partial if isinstance(marker.partial, dict) else {})
        record[RECORD_MARKER] = marker
        return record


def _join(item: str, name: str) -> str:
    return f"{item} > {name}" if item else name


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and (node.tag == NULL_TAG or (node.value == "" and node.style is None))


def _marker_key(node: yaml.MappingNode) -> str | None:
    keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    return next((k for k in keys if k in MARKERS), None)


def _has_key(node: yaml.MappingNode, key: str) -> bool:
    return any(isinstance(k, yaml.ScalarNode) and k.value == key for k, _ in node.value)


def _shape(node: yaml.Node) -> str:
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "scalar")


def _hint(raw: str, options: tuple[str, ...], cutoff: float = 0.6) -> str:
    close = _close(raw, options, cutoff)
    return f"。もしかして「{close}」?" if close else ""


_NUMBER = re.compile(r"\d+(?:,\d{3})*")


def _numbers(text: str) -> tuple[str, ...]:
    return tuple(n.replace(",", "") for n in _NUMBER.findall(unicodedata.normalize("NFKC", text)))


def _close(raw: str, options: tuple[str, ...], cutoff: float = 0.6) -> str | None:
    """The option a clerk most likely meant: same numbers first (10人以下 → 10人未満, not 1,000人以上)."""
    numbers = _numbers(raw)
    same = [o for o in options if numbers and _numbers(o) == numbers]
    if same:
        return max(same, key=lambda o: difflib.SequenceMatcher(None, raw, o).ratio())
    close = difflib.get_close_matches(raw, options, n=1, cutoff=cutoff)
    return close[0] if close else None


_EN = {
    "1行の文字列": "a single line of text",
    "文章": "text",
    "整数": "an integer",
    "日付": "a date",
    "選択肢": "one of the choices",
    "文字列": "text",
    "括弧内の記載": "text",
}


READERS = by_kind({
    Text: Walker.text,
    Url: Walker.url,
    Rich: Walker.rich,
    Int: Walker.integer,
    Date: Walker.date,
    Choice: Walker.choice,
    Checks: Walker.checks,
    TextList: Walker.text_list,
    RecordItems: Walker.record_items,
    Group: Walker.group,
    Repeat: Walker.repeat,
})
