"""CSV files (UTF-8 with BOM so Excel reads them): 委託, 提供・移転, システム, ファイル.

Each table is declared once — English file name (what one row is, plural), the name it had before (still
published, byte for byte the same), columns with their meaning, row builder — and the オープンデータ page
documents the files and columns from the same declaration.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.forms.entities import CONTRACTOR, RECIPIENT, SYSTEM, TRANSFEREE, positions
from generator.forms.spec import Form
from generator.load.values import Marker, RecordGroup, Tick, at, entries
from generator.load.wareki import WDate
from generator.model import urls
from generator.model.graph import FileNode, Graph

Row = dict[str, str]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula


def neutralise(text: str) -> str:
    """Cell text that a spreadsheet shows as text, never runs: a leading `'` before = + - @ tab CR
    (OWASP "CSV injection"; the JSON keeps the exact value)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value: Any) -> str:
    """Flat text: dates in ISO, ticks as 「label(text)」 joined by ' / ', markers as 【判読不能】 + what survived."""
    if value is None:
        return ""
    if isinstance(value, Marker):
        return f"【{value.kind}】" + (f" {cell(value.partial)}" if value.partial is not None else "")
    if isinstance(value, WDate):
        return value.iso
    if isinstance(value, Tick):
        return value.label + (f"({value.text})" if value.text else "")
    if isinstance(value, RecordGroup):
        return str(len(value.items))
    if isinstance(value, (tuple, list)):
        return " / ".join(cell(v) for v in value)
    return str(value)


def name_of(form: Form, kind: str, entry: dict[str, Any]) -> str:
    """The CSV cell of the name an entry gives an entity of `kind`."""
    return cell(entry.get(positions(form)[kind].name_key))


def listed(node: FileNode, kind: str) -> list[dict[str, Any]]:
    """The file's entries naming `kind` (where they sit is read from the form: forms/entities.py)."""
    where = positions(node.assessment.form).get(kind)
    return entries(at(node.record, *where.path)) if where else []


@dataclass(frozen=True)
class Table:
    """One CSV file: English ASCII name, title, columns (name, meaning), its rows, and its old name (旧名)."""

    name: str
    title: str
    description: str
    columns: tuple[tuple[str, str], ...]
    rows: Callable[[Graph], Iterator[Row]]
    legacy: str = ""  # the file's name before the English names; published too, with the same bytes

    def csv_bytes(self, graph: Graph) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([c for c, _ in self.columns])
        for row in self.rows(graph):
            writer.writerow([neutralise(row.get(c, "")) for c, _ in self.columns])
        return out.getvalue().encode("utf-8-sig")


FILE_COLS = (("団体コード", "全国地方公共団体コード(6桁)"), ("団体", "団体名"), ("評価書ID", "団体コード-評価書番号"),
             ("評価書", "評価書名"), ("ファイル番号", "Ⅱでの順番(1から)"), ("ファイル", "特定個人情報ファイル名"))


def _file_cells(graph: Graph, node: FileNode) -> Row:
    a = node.assessment
    return {"団体コード": a.org_code, "団体": graph.org_of(a).name, "評価書ID": a.id, "評価書": a.title,
            "ファイル番号": str(node.number), "ファイル": node.name, "ファイルのページ": node.url}


def _nodes(graph: Graph) -> Iterator[FileNode]:
    for a in graph.assessments:
        yield from graph.files[a.id]


def _entrustments(graph: Graph) -> Iterator[Row]:
    for node in _nodes(graph):
        for i, e in enumerate(listed(node, CONTRACTOR.key), 1):
            yield {**_file_cells(graph, node), "委託事項番号": str(i), "委託事項": cell(e.get("title")),
                   "委託先": name_of(node.assessment.form, CONTRACTOR.key, e), "取扱者数": cell(e.get("handler_count")),
                   "再委託の有無": cell(at(e, "subcontract", "status")),
                   "再委託事項": cell(at(e, "subcontract", "items"))}


def _provisions_transfers(graph: Graph) -> Iterator[Row]:
    for node in _nodes(graph):
        for kind, key in (("提供", RECIPIENT.key), ("移転", TRANSFEREE.key)):
            for i, r in enumerate(listed(node, key), 1):
                yield {**_file_cells(graph, node), "区分": kind, "番号": str(i),
                       "提供先・移転先": name_of(node.assessment.form, key, r),
                       "法令上の根拠": cell(r.get("legal_basis")), "用途": cell(r.get("purpose")),
                       "方法": cell(r.get("methods")), "時期・頻度": cell(r.get("timing"))}


def _systems(graph: Graph) -> Iterator[Row]:
    for a in graph.assessments:
        where = positions(a.form)[SYSTEM.key]
        for i, (s, ent) in enumerate(zip(entries(at(a.record, *where.path)), graph.systems_of[a.id], strict=True), 1):
            yield {"団体コード": a.org_code, "団体": graph.org_of(a).name, "評価書ID": a.id, "評価書": a.title,
                   "システム番号": str(i), "システムの名称": name_of(a.form, SYSTEM.key, s),
                   "他のシステムとの接続": cell(s.get("connections")), "システムのページ": ent.url if ent else ""}


def _files(graph: Graph) -> Iterator[Row]:
    for node in _nodes(graph):
        r = node.record
        items = at(r, "record_items")
        yield {**_file_cells(graph, node), "ファイルの種類": cell(at(r, "basic", "file_type")),
               "対象となる本人の数": cell(at(r, "basic", "subject_count")),
               "記録される項目": cell(at(r, "basic", "item_count")), "保有開始日": cell(at(r, "basic", "held_since")),
               "事務担当部署": cell(at(r, "basic", "responsible_division")),
               "委託の有無": cell(at(r, "outsourcing", "status")),
               "委託事項数": str(len(listed(node, CONTRACTOR.key))),
               "提供先数": str(len(listed(node, RECIPIENT.key))),
               "移転先数": str(len(listed(node, TRANSFEREE.key))),
               "記録項目数": str(sum(len(g.items) for g in items)) if isinstance(items, tuple) else cell(items)}


PAGE = (("ファイルのページ", "ポータル内のファイルのページ(サイトの最上位からの相対URL)"),)
TABLES = (
    Table("entrustments.csv", "委託", "委託事項ごとに1行(ファイルごと)。", (
        *FILE_COLS, ("委託事項番号", "ファイル内での委託事項の順番"), ("委託事項", "委託事項名"),
        ("委託先", "③/⑥ 委託先名(評価書の表記)"), ("取扱者数", "委託先における取扱者数"),
        ("再委託の有無", "再委託する / 再委託しない"), ("再委託事項", "再委託する事項(改行を含むことがある)"), *PAGE),
        _entrustments, legacy="itaku.csv"),
    Table("provisions-transfers.csv", "提供・移転", "提供先・移転先ごとに1行(ファイルごと)。", (
        *FILE_COLS, ("区分", "提供(他の機関へ) / 移転(同じ機関の他部署へ)"),
        ("番号", "ファイル内での提供先・移転先の順番"),
        ("提供先・移転先", "提供先名・移転先名(評価書の表記)"), ("法令上の根拠", "① 法令上の根拠"),
        ("用途", "② 提供先・移転先における用途"), ("方法", "⑥ 提供・移転の方法(「 / 」区切り)"),
        ("時期・頻度", "⑦ 時期・頻度"), *PAGE), _provisions_transfers, legacy="teikyo-iten.csv"),
    Table("systems.csv", "システム", "評価書のⅠ 2. のシステムごとに1行。", (
        *FILE_COLS[:4], ("システム番号", "評価書内でのシステムの順番"), ("システムの名称", "① システムの名称"),
        ("他のシステムとの接続", "③ 接続している他のシステム(「 / 」区切り)"),
        ("システムのページ", "ポータル内のシステムのページ(名称が判読不能なら空)")), _systems),
    Table("files.csv", "特定個人情報ファイル", "特定個人情報ファイルごとに1行。", (
        *FILE_COLS, ("ファイルの種類", "2.① ファイルの種類"), ("対象となる本人の数", "2.② 対象となる本人の数"),
        ("記録される項目", "2.④ 記録される項目(項目数の区分)"), ("保有開始日", "2.⑤ 保有開始日(ISO 8601)"),
        ("事務担当部署", "2.⑥ 事務担当部署"), ("委託の有無", "4. 委託の有無"), ("委託事項数", "委託事項の数"),
        ("提供先数", "提供先の数"), ("移転先数", "移転先の数"), ("記録項目数", "別添の記録項目の数"), *PAGE),
        _files),
)


def csv_makers(graph: Graph) -> dict[str, Callable[[], bytes]]:
    """Site path → function making that CSV file (the build calls only the ones it needs); a table's old name
    gets the same function, so existing links keep working with the same bytes."""
    return {urls.data_file(name): functools.partial(t.csv_bytes, graph)
            for t in TABLES for name in (t.name, t.legacy) if name}
