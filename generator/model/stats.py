"""Counts per assessment (the fidelity table of content/README.md), computed from records."""

from __future__ import annotations

from typing import Any

from generator.forms.entities import CONTRACTOR, RECIPIENT, SYSTEM, TRANSFEREE, positions
from generator.forms.spec import Field, Group, Repeat, children
from generator.load.content import Assessment
from generator.load.values import INFERRED, UNREADABLE, WITHHELD, Marker, at, entries, known, record_marker


def risk_items(spec: Field) -> list[tuple[str, ...]]:
    """Key paths of every risk item in a リスク対策 block (a group that ends with 十分か)."""
    out: list[tuple[str, ...]] = []

    def visit(path: tuple[str, ...], node: Field) -> None:
        if isinstance(node.kind, Group) and any(c.key == "sufficiency" for c in node.kind.fields):
            out.append(path)
            return
        for sub in children(node):
            visit((*path, sub.key), sub)

    for sub in children(spec):
        visit((sub.key,), sub)
    return out


def assessment_stats(a: Assessment) -> dict[str, int]:
    """The eight counts `stats --json` reports for one assessment (entries that were read); where each list
    sits is read from the form (forms/entities.py)."""
    r = a.record
    where = positions(a.form)
    files = entries(r.get("files"))

    def in_files(kind: str) -> list[dict[str, Any]]:
        return [e for f in files for e in entries(at(f, *where[kind].path))] if kind in where else []

    contracts = in_files(CONTRACTOR.key)
    risk_spec = a.form.root.child("risks")
    paths = risk_items(risk_spec)
    return {
        "systems": len(entries(at(r, *where[SYSTEM.key].path))) if SYSTEM.key in where else 0,
        "files": len(files),
        "entrustments": len(contracts),
        "subcontracted": sum(1 for e in contracts if known(at(e, "subcontract", "status")) == "再委託する"),
        "provisions": len(in_files(RECIPIENT.key)),
        "transfers": len(in_files(TRANSFEREE.key)),
        "risks": sum(1 for block in entries(r.get("risks")) for p in paths if at(block, *p) is not None),
        "changes": len(entries(r.get("changes"))),
    }


def unreadable_values(record: Any, path: str = "") -> list[tuple[str, Marker]]:
    """Every 判読不能/非公表 marker in a record with its key path (for the fidelity table)."""
    out: list[tuple[str, Marker]] = []
    if isinstance(record, Marker):
        out.append((path, record))
    elif isinstance(record, dict):
        for key, value in record.items():
            out.extend(unreadable_values(value, f"{path}.{key}" if path else key))
    elif isinstance(record, list):
        for i, value in enumerate(record, 1):
            out.extend(unreadable_values(value, f"{path}[{i}]"))
    return out


def labelled_markers(fields: tuple[Field, ...], record: Any, path: str = "") -> list[tuple[str, Marker]]:
    """Markers with the path of Japanese labels a clerk sees (e.g. 特定個人情報ファイルの概要[1] > 入手元)."""
    out: list[tuple[str, Marker]] = []
    for spec in fields:
        value = record.get(spec.key) if isinstance(record, dict) else None
        where = f"{path} > {spec.label}" if path else spec.label
        if isinstance(value, Marker):
            out.append((where, value))
        elif isinstance(value, dict):
            out.extend(_with_record_marker(where, value, labelled_markers(children(spec), value, where)))
        elif isinstance(value, list):
            out.extend(_with_record_marker(where, value, []))
            for i, entry in enumerate(value, 1):
                inner = labelled_markers(children(spec), entry, f"{where}[{i}]")
                out.extend(_with_record_marker(f"{where}[{i}]", entry, inner))
        elif isinstance(value, tuple):  # inferred ticks of a checkbox list
            guessed = [t for t in value if getattr(t, "evidence", None)]
            out.extend((f"{where} > {t.label}", Marker(INFERRED, t.evidence)) for t in guessed)
    return out


def _with_record_marker(where: str, value: Any, inner: list[tuple[str, Marker]]) -> list[tuple[str, Marker]]:
    """The marker of a whole group, entry or list first, then the markers inside it."""
    marker = record_marker(value)
    return [(where, marker), *inner] if marker is not None else inner


def marker_lines(a: Assessment) -> list[str]:
    """Markdown list lines for the fidelity table: `- 項目のパス: 判読不能 — note (seed line)`."""
    return [f"- {path}: **{m.kind}** — {' '.join(m.note.split())}"
            for path, m in labelled_markers(a.form.root.kind.fields, a.record)]


READ = "読み取り"
PROVENANCE = (READ, INFERRED, UNREADABLE, WITHHELD)


def provenance_counts(a: Assessment) -> dict[str, int]:
    """How each filled-in item of an assessment is known: read / 推定 / 判読不能 / 非公表.

    One count per leaf item that has a value (blank items are not counted); a 判読不能/非公表
    marker counts once wherever it stands (an item, a group, an entry); every item inside an
    inferred group, entry or list counts as 推定; a checkbox list with an inferred tick is 推定.
    """
    counts = dict.fromkeys(PROVENANCE, 0)
    _count(a.form.root.kind.fields, a.record, counts, None)
    return counts


def _count(fields: tuple[Field, ...], record: Any, counts: dict[str, int], forced: str | None) -> None:
    for spec in fields:
        _count_value(spec, record.get(spec.key) if isinstance(record, dict) else None, counts, forced)


def _count_value(spec: Field, value: Any, counts: dict[str, int], forced: str | None) -> None:
    marker = value if isinstance(value, Marker) else record_marker(value)
    if marker is not None and not marker.inferred:
        counts[marker.kind] += 1
        return
    forced = INFERRED if marker is not None else forced
    if isinstance(value, Marker):  # an inferred leaf
        counts[INFERRED] += 1
    elif isinstance(spec.kind, Group) and isinstance(value, dict):
        _count(spec.kind.fields, value, counts, forced)
    elif isinstance(spec.kind, Repeat) and isinstance(value, list):
        for entry in value:
            _count_value(Field(spec.key, spec.label, Group(spec.kind.fields), ""), entry, counts, forced)
    elif value not in (None, "", (), []):
        inferred_tick = isinstance(value, tuple) and any(getattr(t, "evidence", None) for t in value)
        counts[forced or (INFERRED if inferred_tick else READ)] += 1


def provenance_table(assessments: list[Assessment]) -> list[str]:
    """Markdown table for content/README.md: one row per assessment, a column per provenance."""
    lines = [f"| 評価書 | {' | '.join(PROVENANCE)} |", "|---|" + "---:|" * len(PROVENANCE)]
    for a in assessments:
        counts = provenance_counts(a)
        lines.append(f"| {a.id} | {' | '.join(str(counts[k]) for k in PROVENANCE)} |")
    return lines
