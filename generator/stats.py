"""Counts per assessment (the fidelity table of content/README.md), computed from records."""

from __future__ import annotations

from typing import Any

from .content import Assessment
from .forms.spec import Field, Group, children
from .values import Marker


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


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(record, dict):
            return None
        record = record.get(key)
    return record


def assessment_stats(a: Assessment) -> dict[str, int]:
    """The eight counts `stats --json` reports for one assessment."""
    r = a.record
    files = r.get("files") or []
    entrust = [e for f in files for e in (_get(f, ("outsourcing", "entrustments")) or [])]
    risk_spec = next(f for f in a.form.root.kind.fields if f.key == "risks")
    paths = risk_items(risk_spec)
    return {
        "systems": len(_get(r, ("basic_info", "systems")) or []),
        "files": len(files),
        "itaku": len(entrust),
        "saiitaku": sum(1 for e in entrust if _get(e, ("subcontract", "status")) == "再委託する"),
        "teikyo": sum(len(_get(f, ("provision_transfer", "provisions")) or []) for f in files),
        "iten": sum(len(_get(f, ("provision_transfer", "transfers")) or []) for f in files),
        "risks": sum(1 for block in r.get("risks") or [] for p in paths if _get(block, p) is not None),
        "henko": len(r.get("changes") or []),
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
            out.extend(labelled_markers(children(spec), value, where))
        elif isinstance(value, list):
            for i, entry in enumerate(value, 1):
                out.extend(labelled_markers(children(spec), entry, f"{where}[{i}]"))
    return out


def marker_lines(a: Assessment) -> list[str]:
    """Markdown list lines for the fidelity table: `- 項目のパス: 判読不能 — note (seed line)`."""
    return [f"- {path}: **{m.kind}** — {' '.join(m.note.split())}"
            for path, m in labelled_markers(a.form.root.kind.fields, a.record)]
