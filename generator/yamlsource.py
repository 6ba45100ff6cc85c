"""Read one YAML file into a node tree that keeps line numbers, or say precisely why not."""

from __future__ import annotations

import yaml

from .problems import Problem

BOM = b"\xef\xbb\xbf"


def compose(path: str, data: bytes) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose YAML nodes (no type resolution surprises: values stay raw text)."""
    if data.startswith(BOM):
        return None, [Problem(path, 1, "", "ファイルの先頭にBOMがあります。UTF-8(BOMなし)で保存してください",
                              "file starts with a byte-order mark; save as UTF-8 without BOM")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "", "UTF-8として読めない文字があります。UTF-8で保存してください",
                              "invalid UTF-8; save the file as UTF-8")]
    if not text.strip() or all(_is_comment(line) for line in text.splitlines()):
        return None, [Problem(path, 1, "", "ファイルが空です", "file is empty")]
    tab = _tab_indent_line(text)
    if tab:
        return None, [Problem(path, tab, "", "字下げにタブ文字が使われています。半角スペースで字下げしてください",
                              "tab used for indentation; indent with spaces")]
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(path, line, "", f"YAMLの構文エラー: {exc.problem}",
                              f"YAML syntax error: {exc.problem}")]
    except yaml.YAMLError as exc:  # pragma: no cover - other scanner errors carry no mark
        return None, [Problem(path, 1, "", f"YAMLの構文エラー: {exc}", f"YAML syntax error: {exc}")]


def _is_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _tab_indent_line(text: str) -> int:
    """First line whose indentation contains a tab (YAML forbids it; PyYAML's message is cryptic)."""
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return number
    return 0
