"""Limits on one content file, and the characters text may not contain.

The real files are far inside these limits (largest 0.3 MB, longest value about 2,000 characters, 148
entries in a list, 10 levels, 4,200 nodes); a file beyond them is a mistake or an attack, and would
otherwise make `check` and the build run for minutes and use gigabytes. Aliases (`*name`) count as
often as they are used, so a few lines of aliases repeated in lists cannot expand to millions of
values. The editing guide states every limit from the constants here.
"""

from __future__ import annotations

import re

import yaml

from generator.load.problems import Problem

MAX_FILE_BYTES = 2_000_000
MAX_VALUE_CHARS = 20_000
MAX_LIST_ENTRIES = 1_000
MAX_DEPTH = 30
MAX_NODES = 50_000  # values, keys, lists and mappings, counting each use of an alias
MAX_INT_DIGITS = 9  # int() refuses 4,300+ digits; no count or number on a form is this long
MAX_ERRORS_SHOWN = 100  # `check` prints this many problems, then how many more there are

LIMITS = (
    ("1ファイルの大きさ", f"{MAX_FILE_BYTES:,} バイト"),
    ("1つの値の長さ", f"{MAX_VALUE_CHARS:,} 文字"),
    ("1つのリストの項目数", f"{MAX_LIST_ENTRIES:,} 件"),
    ("入れ子の深さ", f"{MAX_DEPTH} 段"),
    ("整数の桁数", f"{MAX_INT_DIGITS} 桁"),
    ("1ファイルの値・キーの総数(エイリアス「*名前」は使った回数だけ数える)", f"{MAX_NODES:,} 個"),
)

CHARACTER_RULES = (
    "制御文字(タブ・改行以外の U+0000–U+001F、U+007F–U+009F): フィードなどの XML を壊すため",
    "文字の向きを変える制御文字(U+202A–U+202E、U+2066–U+2069): 表示を偽装できるため",
    "幅のない見えない文字(U+200B–U+200D、U+2060、U+FEFF): 同じに見える別の名前(委託先など)ができるため",
    "単独のサロゲート(\\ud800 など): 文字として不正なため",
)

# Characters that never belong in the text of an assessment: they break XML (control characters),
# disguise text (bidi overrides), or make two names look the same (zero-width characters).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_KIND = (
    (re.compile("[\u202a-\u202e\u2066-\u2069]"), "文字の向きを変える制御文字", "bidirectional control character"),
    (re.compile("[\u200b-\u200d\u2060\ufeff]"), "幅のない見えない文字", "zero-width character"),
    (re.compile("[\ud800-\udfff]"), "単独のサロゲート(不正な文字)", "lone surrogate"),
)


def forbidden_char(text: str) -> tuple[int, str] | None:
    """(1-based position, the character) of the first character text may not contain, else None."""
    found = _FORBIDDEN.search(text)
    return (found.start() + 1, found.group()) if found else None


def describe(char: str) -> tuple[str, str]:
    """Japanese and English name of a forbidden character, with its code point."""
    code = f"U+{ord(char):04X}"
    for pattern, ja, en in _KIND:
        if pattern.match(char):
            return f"{ja}({code})", f"{en} ({code})"
    return f"制御文字({code})", f"control character ({code})"


def char_problem(path: str, line: int, item: str, text: str) -> Problem | None:
    hit = forbidden_char(text)
    if hit is None:
        return None
    ja, en = describe(hit[1])
    return Problem(path, line, item, f"使えない文字 {ja} が {hit[0]} 文字目にあります。削除してください",
                   f"{en} at character {hit[0]}; remove it")


def scan_nodes(path: str, root: yaml.Node) -> list[Problem]:
    """Problems of limits and characters in a composed file; stops early once the node cap is reached."""
    problems: list[Problem] = []
    stack: list[tuple[yaml.Node, int, str]] = [(root, 1, "")]
    count = 0
    while stack:
        node, depth, item = stack.pop()
        count += 1
        if count > MAX_NODES:
            return [_at(path, node, item, f"値が多すぎます(エイリアスの展開を含め {MAX_NODES:,} 個まで)",
                        f"too many values (at most {MAX_NODES:,}, counting each use of an alias)")]
        if depth > MAX_DEPTH:
            return [too_deep(path, node.start_mark.line + 1, item)]
        if isinstance(node, yaml.ScalarNode):
            problems.extend(_scalar(path, node, item))
        elif isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_LIST_ENTRIES:
                problems.append(_at(path, node, item, f"リストの項目が多すぎます({len(node.value):,} 件。"
                                    f"{MAX_LIST_ENTRIES:,} 件まで)",
                                    f"list too long ({len(node.value):,} entries; at most {MAX_LIST_ENTRIES:,})"))
                continue
            stack.extend((v, depth + 1, f"{item}[{i}]") for i, v in reversed(list(enumerate(node.value, 1))))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                label = key.value if isinstance(key, yaml.ScalarNode) else ""
                where = f"{item} > {_short(label)}" if item else _short(label)
                stack.extend(((value, depth + 1, where), (key, depth + 1, item)))
    return problems


def too_deep(path: str, line: int, item: str = "") -> Problem:
    ja, en = f"入れ子が深すぎます({MAX_DEPTH} 段まで)", f"nesting deeper than {MAX_DEPTH} levels"
    return Problem(path, line, item, ja, en)


def _scalar(path: str, node: yaml.ScalarNode, item: str) -> list[Problem]:
    text = node.value
    if len(text) > MAX_VALUE_CHARS:
        return [_at(path, node, item, f"値が長すぎます({len(text):,} 文字。{MAX_VALUE_CHARS:,} 文字まで)",
                    f"value too long ({len(text):,} characters; at most {MAX_VALUE_CHARS:,})")]
    bad = char_problem(path, node.start_mark.line + 1, item, text)
    if bad:
        return [bad]
    if text and not text.strip() and node.style:
        return [_at(path, node, item, "空白だけの値です。空欄にするなら何も書かないでください",
                    "value is only spaces; leave it empty instead")]
    return []


def _short(label: str) -> str:
    """A key as shown in a problem: never thousands of characters, never a forbidden character."""
    label = _FORBIDDEN.sub("?", label)
    return label if len(label) <= 40 else label[:40] + "…"


def _at(path: str, node: yaml.Node, item: str, ja: str, en: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, item, ja, en)
