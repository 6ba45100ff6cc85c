"""The checkbox/choice rule of content/README.md, applied to the sources as an independent oracle.

For every YAML value that cites a source line (`000:L72` in its comment, its 根拠 or its 判読不能 note),
the cited line's markup is parsed here, without the generator, and the value must agree with it:
`[ ○ ]`, `〔 ○ 〕` and `checked=""` are read as ticked, `[ ]` as not ticked, and a bare `<input …/>` is
unreadable, so a value resting on one must be 推定 or 判読不能, never a plain read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .conftest import CONTENT

SOURCES = CONTENT / "sources"
FILES = sorted((CONTENT / "assessments").glob("*.yaml"))
TICKED, EMPTY, BARE = "ticked", "empty", "bare"
MARK = re.compile(
    r"\[\s*○\s*\]|〔\s*○\s*〕|\[\s*<input[^>]*>\s*\]|<input[^>]*>|\[\s*\]|〔\s*〕|☐"
)
CHOICES = re.compile(r"<選択肢>|&lt;選択肢|＜選択肢")  # the printed option list: no marks after it
STOP = re.compile(r"\t|\s・|\s{2,}")


@dataclass(frozen=True)
class Option:
    state: str
    label: str


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")


def _state(mark: str) -> str:
    if "○" in mark or "checked" in mark:
        return TICKED
    return BARE if "<input" in mark else EMPTY


def options(line: str) -> list[Option]:
    """The marked options of one source line, in order: each mark with the label printed after it."""
    marks = list(MARK.finditer(line))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
        text = CHOICES.split(line[m.end() : end])[0]
        text = re.sub(r"<[^>]*>", " ", text).replace("]", " ")
        label = _squash(STOP.split(text.strip(), maxsplit=1)[0])
        if label.count(")") > label.count("("):  # the close of a wrapped `その他 ( … )` (003:L51)
            label = label.rstrip(")")
        out.append(Option(_state(m[0]), label))
    return out


def matches(option: Option, label: str) -> bool:
    """`その他` matches `その他(中間サーバー)`; `個人番号` does not match `個人番号対応符号`."""
    want = _squash(label)
    return option.label == want or option.label.startswith(want + "(")


@dataclass
class Value:
    """One YAML value that cites a source line."""

    where: str  # file:line
    how: str  # read / 推定 / 判読不能
    shape: str  # list / choice
    labels: list[str]  # ticked labels (list) or the chosen value (choice)
    inferred: list[str]  # 推定 options inside a partly readable list
    unticked: list[str]
    line: int
    source: str  # the source's number prefix, e.g. 000


def _label(node: yaml.Node) -> str | None:
    """The option label of a list item: `label`, `{label: text}`, `{値: label, 原本の表記: printed}`."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        pairs = {k.value: v for k, v in node.value}
        if "原本の表記" in pairs:
            return pairs["原本の表記"].value
        if "値" in pairs:
            return _label(pairs["値"])
        if "推定" in pairs:
            return _label(pairs["推定"])
        if len(node.value) == 1:
            return node.value[0][0].value
    return None


def _ref(text: str, prefix: str) -> int | None:
    m = re.search(rf"{prefix}:L(\d+)", text)
    return int(m[1]) if m else None


class Collector:
    """Walks one YAML file and collects the values that cite a line of its source."""

    def __init__(self, path: Path):
        self.path = path
        self.raw = path.read_text(encoding="utf-8").split("\n")
        self.values: list[Value] = []
        root = yaml.compose(path.read_text(encoding="utf-8"))
        pairs = {k.value: v for k, v in root.value}
        self.prefix = pairs["出典"].value[:3]
        self.walk(root)

    def comment(self, line: int) -> str:
        text = self.raw[line]
        return text.split(" # ", 1)[1] if " # " in text else ""

    def walk(self, node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self.visit(key, value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self.walk(item)

    def visit(self, key: yaml.Node, value: yaml.Node) -> None:
        pairs = {k.value: v for k, v in value.value} if isinstance(value, yaml.MappingNode) else {}
        if "推定" in pairs and "根拠" in pairs:
            self.add(key, "推定", pairs["推定"], _ref(pairs["根拠"].value, self.prefix))
        elif "判読不能" in pairs:
            self.add(key, "判読不能", pairs.get("記載"), _ref(pairs["判読不能"].value, self.prefix),
                     pairs.get("未選択"))
        elif "値" in pairs and "原本の表記" in pairs:
            self.add(key, "read", pairs["原本の表記"], _ref(self.comment(key.start_mark.line), self.prefix))
        else:
            if isinstance(value, (yaml.ScalarNode, yaml.SequenceNode)):
                line = _ref(self.comment(key.start_mark.line), self.prefix)
                self.add(key, "read", value, line if line is not None else self.item_ref(value))
            self.walk(value)

    def item_ref(self, node: yaml.Node) -> int | None:
        """A read list without a comment of its own: the line its first 推定 option cites."""
        for item in node.value if isinstance(node, yaml.SequenceNode) else ():
            pairs = {k.value: v for k, v in item.value} if isinstance(item, yaml.MappingNode) else {}
            if "根拠" in pairs:
                return _ref(pairs["根拠"].value, self.prefix)
        return None

    def add(self, key: yaml.Node, how: str, node: yaml.Node | None, line: int | None,
            unticked: yaml.Node | None = None) -> None:
        if line is None:
            return
        labels, inferred = [], []
        shape = "list" if isinstance(node, yaml.SequenceNode) or unticked is not None else "choice"
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                name = _label(item)
                inferred_item = isinstance(item, yaml.MappingNode) and "推定" in {k.value for k, _ in item.value}
                (inferred if inferred_item else labels).append(name or "")
        elif isinstance(node, yaml.ScalarNode):
            labels = [node.value]
        untick = [n.value for n in unticked.value] if isinstance(unticked, yaml.SequenceNode) else []
        where = f"{self.path.name}:{key.start_mark.line + 1}"
        self.values.append(Value(where, how, shape, labels, inferred, untick, line, self.prefix))


def _source(prefix: str) -> list[str]:
    path = next(SOURCES.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8").split("\n")


def problems(value: Value, line: str) -> list[str]:
    """What the rule says is wrong with this value, given the markup of its cited line."""
    opts = options(line)
    if not opts:
        return []
    found = {lab: [o for o in opts if matches(o, lab)] for lab in value.labels + value.inferred + value.unticked}
    if value.shape == "choice":
        return _choice(value, line)
    out = []
    bare = [o for o in opts if o.state == BARE]
    for lab in value.labels:
        states = {o.state for o in found[lab]}
        if value.how in ("read", "判読不能") and found[lab] and states != {TICKED}:
            out.append(f"「{lab}」を読めた値としていますが、印は {sorted(states)} です(推定にしてください)")
        if EMPTY in states and TICKED not in states:
            out.append(f"「{lab}」は [ ](チェックなし)と印字されています")
    for lab in value.inferred:
        if {o.state for o in found[lab]} & {TICKED, EMPTY}:
            out.append(f"「{lab}」は推定ですが、印は確かに読めます({found[lab][0].state})")
    for lab in value.unticked:
        if found[lab] and {o.state for o in found[lab]} != {EMPTY}:
            out.append(f"「{lab}」を未選択と読んでいますが、印は {found[lab][0].state} です")
    listed = [_squash(x) for x in value.labels + value.inferred]
    for o in opts:
        if o.state == TICKED and o.label and not any(matches(o, x) for x in listed) and value.how != "判読不能":
            out.append(f"チェックのある「{o.label}」が値にありません")
    unsettled = [o.label for o in bare if not any(matches(o, x) for x in value.inferred)]
    if value.how == "read" and unsettled:  # a plain list says every other option is unticked: not readable here
        out.append(f"素の <input/> の選択肢({'、'.join(unsettled)})があるので、読めた値にはできません")
    if value.how == "推定" and not bare:
        out.append("行の印はすべて確かに読めるので、推定ではなく読めた値です")
    return out


def _choice(value: Value, line: str) -> list[str]:
    """A choice is unreadable when, in the cell that holds it (before any printed option list), several options
    each carry their own bare input: then no mark says which one was chosen (000:L72). One value beside a stray
    input is the value's own text (000:L101 `<input …/> 10人未満 ]`)."""
    want = value.labels[0] if value.labels else ""
    cell = next((c for c in line.split("\t") if any(matches(o, want) for o in options(CHOICES.split(c)[0]))), None)
    if cell is None:
        return []
    opts = options(CHOICES.split(cell)[0])
    labelled = [o for o in opts if o.state == BARE and o.label]
    states = {o.state for o in opts if matches(o, want)}
    if value.how == "read" and len(labelled) >= 2 and states == {BARE}:
        return [f"「{want}」は選択肢ごとの素の <input/> の一つで、選ばれた印が読めません(推定にしてください)"]
    if value.how == "推定" and (TICKED in states or len(labelled) < 2):
        return [f"「{want}」は値の文字が確かに読めるので、推定ではなく読めた値です"]
    return []


def _mentioned(path: Path, prefix: str) -> set[int]:
    """Source lines a YAML file mentions anywhere: `000:L72`, `000:L45-49`, or a bare `L160` in its own notes."""
    out: set[int] = set()
    for m in re.finditer(rf"(?:{prefix}:)?L(\d+)(?:-L?(\d+))?", path.read_text(encoding="utf-8")):
        out.update(range(int(m[1]), int(m[2] or m[1]) + 1))
    return out


def _cases() -> list[tuple[str, Value]]:
    return [(v.where, v) for path in FILES for v in Collector(path).values]


CASES = _cases()


def test_the_rule_reads_the_seed_patterns() -> None:
    """The parser itself, on the patterns the README names."""
    assert options("[ ○ ] 行っていない") == [Option(TICKED, "行っていない")]
    reliable = [Option(TICKED, "庁内連携システム"), Option(EMPTY, "専用線")]
    assert options("〔 ○ 〕庁内連携システム 〔 〕専用線") == reliable
    mixed = '[ <input checked="" type="checkbox"/> ] 紙 [ <input type="checkbox"/> ] 専用線'
    assert [o.state for o in options(mixed)] == [TICKED, BARE]
    assert options('<input type="checkbox"/> 紙 [ ] フラッシュメモリ')[1] == Option(EMPTY, "フラッシュメモリ")
    line = '<input type="checkbox"/> 実施する      <input type="checkbox"/> 実施しない <選択肢> 1) 実施する'
    assert [o.label for o in options(line)] == ["実施する", "実施しない"]


@pytest.mark.parametrize(
    ("source", "line", "shape", "labels"),
    [
        ("000", 72, "choice", ["実施する"]),  # the examples, as they were written before the rule
        ("003", 621, "list", ["専用線"]),
        ("000", 66, "list", ["税務システム"]),
        ("000", 90, "list", ["個人番号", "障害者福祉関係情報"]),
        ("004", 159, "list", ["庁内連携システム"]),
    ],
)
def test_plain_reads_the_rule_forbids_are_caught(source: str, line: int, shape: str, labels: list[str]) -> None:
    value = Value("example", "read", shape, labels, [], [], line, source)
    assert problems(value, _source(source)[line - 1]) != []


def test_every_cited_value_is_checked() -> None:
    """Guard against a collector that silently finds nothing: most checkbox values cite their line."""
    hows = {v.how for _, v in CASES}
    assert len(CASES) > 100 and {"read", "推定", "判読不能"} <= hows


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_unreadable_mark_in_the_source_is_accounted_for(path: Path) -> None:
    """Each body line with a bare input (before the 変更箇所 table) is cited by the YAML: no such line can have been
    transcribed as a plain read without the test above seeing it."""
    prefix = Collector(path).prefix
    lines = _source(prefix)
    end = max(n for n, text in enumerate(lines) if "変更箇所" in text and len(text) < 40)
    mentioned = _mentioned(path, prefix)
    silent = [n for n, text in enumerate(lines[:end], 1)
              if any(o.state == BARE for o in options(text)) and n not in mentioned]
    assert silent == []


@pytest.mark.parametrize(("where", "value"), CASES, ids=[w for w, _ in CASES])
def test_value_agrees_with_the_markup_of_its_cited_line(where: str, value: Value) -> None:
    line = _source(value.source)[value.line - 1]
    assert problems(value, line) == []
