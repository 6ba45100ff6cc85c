"""content/synonyms.yaml: groups of words the search treats as one (マイナンバー ⇄ 個人番号), applied in the
browser at query time. Kept as content so clerks review it like any other data; checked with file and line.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from generator.load.problems import ContentError, Problem
from generator.load.yamlsource import compose
from generator.outputs.search.tokenize import normalize

FILE = "synonyms.yaml"
ITEM = "同義語"


def _problem(path: str, node: yaml.Node, ja: str, en: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, ITEM, ja, en)


def _group(path: str, node: yaml.Node, seen: dict[str, int], problems: list[Problem]) -> list[str]:
    """One [語, 別の語, …] entry, or [] after recording what is wrong with it."""
    if not isinstance(node, yaml.SequenceNode) or len(node.value) < 2:
        problems.append(_problem(path, node, "[語, 別の語, …] の形で 2 語以上を書いてください",
                                 "expected a list of two or more words"))
        return []
    words = []
    for item in node.value:
        text = item.value.strip() if isinstance(item, yaml.ScalarNode) and isinstance(item.value, str) else ""
        key = normalize(text)
        if not key or any(c.isspace() for c in key):
            problems.append(_problem(path, item, f"「{text}」: 空白を含まない語を書いてください",
                                     "a word must be non-empty and contain no spaces"))
        elif key in seen:
            problems.append(_problem(path, item, f"「{text}」は {seen[key]} 行目の組にもあります。"
                                     "1 つの組にまとめてください", f"word already in the group on line {seen[key]}"))
        else:
            seen[key] = node.start_mark.line + 1
            words.append(text)
    return words if len(words) >= 2 else []


def load_synonyms(content_dir: Path) -> list[list[str]]:
    """Groups in file order; [] when the file is absent; ContentError listing every problem otherwise."""
    path = Path(content_dir) / FILE
    if not path.exists():
        return []
    shown = os.path.relpath(path)
    node, problems = compose(shown, path.read_bytes())
    if node is not None and not isinstance(node, yaml.SequenceNode):
        problems.append(_problem(shown, node, "「- [語, 別の語]」の行を並べたリストで書いてください",
                                 "expected a list of groups"))
    groups: list[list[str]] = []
    seen: dict[str, int] = {}
    if isinstance(node, yaml.SequenceNode):
        for entry in node.value:
            group = _group(shown, entry, seen, problems)
            if group:
                groups.append(group)
    if problems:
        raise ContentError(problems)
    return groups
