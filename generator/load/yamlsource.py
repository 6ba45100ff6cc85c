"""Read one YAML file into a node tree that keeps line numbers, or say precisely why not.

Content comes by pull request from many hands, so a file is also checked against limits (size, value
length, list length, nesting, expanded size with aliases) and for characters that never belong in text,
before anything walks it: no file can make `check` or the build slow, huge or crash.
"""

from __future__ import annotations

import re

import yaml

from generator.load.limits import MAX_FILE_BYTES, describe, scan_nodes, too_deep
from generator.load.problems import Problem

BOM = b"\xef\xbb\xbf"


def compose(path: str, data: bytes) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose YAML nodes (no type resolution surprises: values stay raw text), within the limits."""
    if len(data) > MAX_FILE_BYTES:
        return None, [too_large(path, len(data))]
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
        node = _compose(text)
    except yaml.reader.ReaderError as exc:  # a raw control character: PyYAML refuses it, without a line
        return None, [_reader_problem(path, text, exc)]
    except RecursionError:  # PyYAML composes recursively: thousands of [ or - levels
        return None, [too_deep(path, 1)]
    except yaml.MarkedYAMLError as exc:
        line, ja, en = _syntax_error(text, exc)
        return None, [Problem(path, line, "", f"YAMLの構文エラー: {exc.problem}{ja}",
                              f"YAML syntax error: {exc.problem}{en}")]
    except yaml.YAMLError as exc:  # pragma: no cover - other scanner errors carry no mark
        return None, [Problem(path, 1, "", f"YAMLの構文エラー: {exc}", f"YAML syntax error: {exc}")]
    found = scan_nodes(path, node) if node is not None else []
    return (None, found) if found else (node, [])


def _compose(text: str) -> yaml.Node | None:
    """libyaml's composer when installed (about 9× faster, the same nodes and line marks); for any text it
    would refuse, and for text PyYAML's reader refuses, the pure-Python one, so errors read exactly as before."""
    if hasattr(yaml, "CSafeLoader") and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return yaml.compose(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _reader_problem(path: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    line = text[: exc.position].count("\n") + 1
    column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    ja, en = describe(text[exc.position]) if exc.position < len(text) else ("制御文字", "control character")
    return Problem(path, line, "", f"使えない文字 {ja} が {column} 文字目にあります。削除してください",
                   f"{en} at character {column}; remove it")


def too_large(path: str, size: int) -> Problem:
    return Problem(path, 1, "", f"ファイルが大きすぎます({size:,} バイト)。1ファイル {MAX_FILE_BYTES:,} バイトまでです",
                   f"file too large ({size:,} bytes); at most {MAX_FILE_BYTES:,} bytes per file")


def _is_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _tab_indent_line(text: str) -> int:
    """First line whose indentation contains a tab (YAML forbids it; PyYAML's message is cryptic)."""
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return number
    return 0


_QUOTE_HINT = ("(この行の引用符が閉じられていないようです)", " (unclosed quote on this line?)")
_NO_SPACE_KEY = re.compile(r"^\s*(?:- )?[^\s#'\"\[{][^:#]*:[^\s:/]")


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str, str]:
    """Line and hint for a syntax error: PyYAML often notices a typo only lines later."""
    line = exc.problem_mark.line + 1 if exc.problem_mark else 1
    local = exc.context and exc.context.startswith(("while scanning", "while parsing a flow"))
    if local and exc.context_mark:
        line = exc.context_mark.line + 1  # the quote, key or bracket that was never finished
        if exc.context == "while scanning a quoted scalar":
            return line, _QUOTE_HINT[0], _QUOTE_HINT[1]
    elif quote := _multiline_quote(text, exc.problem_mark.index if exc.problem_mark else len(text)):
        return quote, _QUOTE_HINT[0], _QUOTE_HINT[1]
    if exc.problem and exc.problem.startswith(_INDENT_PROBLEMS) and (slip := _indent_slip(text, line)):
        return slip, _INDENT_HINT[0], _INDENT_HINT[1]
    lines = text.splitlines()
    for number in (line,) if local else (line, line - 1):
        if 0 < number <= len(lines) and _NO_SPACE_KEY.match(lines[number - 1]):
            return number, "(「:」の後に半角スペースが必要です)", " (put a space after ':')"
    return line, "", ""


def _multiline_quote(text: str, before: int) -> int:
    """Start line of the first quoted scalar spanning lines before `before` (an unclosed quote ate them)."""
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= before:
                break
            quoted = isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
            if quoted and token.end_mark.line > token.start_mark.line:
                return token.start_mark.line + 1
    except yaml.YAMLError:
        pass
    return 0


_INDENT_PROBLEMS = ("mapping values are not allowed here", "expected <block end>", "did not find expected key")
_INDENT_HINT = (
    "(字下げがずれています。この行の字下げを、同じまとまりの他の項目とそろえてください。入れ子は半角スペース2つずつです)",
    " (indentation slip on this line: align it with the other items of its group, 2 spaces per level)",
)
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")


def _indent_slip(text: str, upto: int) -> int:
    """The last line at or before `upto` whose indentation breaks the 2-space nesting (0 if none).

    PyYAML reports an indentation slip where it gives up, often the line after the slip; this finds
    the line a clerk has to fix. Block scalar (|) contents and comments are skipped. A slipped line is
    then read as if indented correctly, so the correct lines after it are not blamed.
    """
    slip, child, scalar, levels = 0, None, None, [0]
    for number, line in enumerate(text.splitlines()[:upto], 1):
        indent = len(line) - len(line.lstrip(" "))
        if scalar is not None and (not line.strip() or indent > scalar):
            continue
        scalar = None
        if _is_comment(line):
            continue
        if indent > levels[-1]:
            if child is not None and indent != child:
                slip, indent = number, child
            elif child is None:
                slip = number
            levels.append(indent)
        else:
            while levels[-1] > indent:
                levels.pop()
            if levels[-1] != indent:
                slip = number
                levels.append(indent)
        body = line.strip()
        dash = body.startswith("- ")
        if dash:
            levels.append(indent + 2)  # the mapping inside a list item
        opens = body.endswith(":") or bool(re.search(r":\s+#", body))
        child = (indent + 2 if dash else indent) + 2 if opens else (indent + 2 if dash else None)
        scalar = indent if _BLOCK_SCALAR.search(body) else None
    return slip
