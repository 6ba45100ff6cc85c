"""The page of one 評価書 (every item, in form order) and the page of each of its files."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .. import urls
from ..content import Assessment
from ..forms.spec import Field, Repeat
from ..graph import FileNode, Graph
from ..views.status_html import ended_note, status_rows
from ..wareki import WDate
from .form import FormRenderer, anchor_id
from .html import join, link, table, tag
from .timeline import timeline_html

META_KEYS = ("organization", "form", "form_version", "source", "ended")


def form_fields(a: Assessment) -> tuple[Field, ...]:
    return a.form.root.kind.fields


def chapters(graph: Graph, a: Assessment, page_url: str, renderer: FormRenderer) -> list[tuple[str, Markup, Markup]]:
    """(heading, anchor, body) for each chapter, in the printed order of the form."""
    out = _chapters(graph, a, page_url, renderer)
    return [(heading, anchor_id(anchor), body) for heading, anchor, body in out]


def _chapters(graph: Graph, a: Assessment, page_url: str, renderer: FormRenderer) -> list[tuple[str, str, Markup]]:
    out: list[tuple[str, str, Markup]] = []
    for spec in form_fields(a):
        value = a.record.get(spec.key)
        if spec.key == "changes":
            out.append((spec.heading, spec.key, timeline_html(value or [])))
        elif spec.key == "files":
            out.append((spec.heading, spec.key, files_html(graph, a, spec, value or [], page_url, renderer)))
            for sub in spec.kind.fields:
                if sub.chapter:
                    body = renderer.chapter_across(sub, spec, value or [], 3, sub.key)
                    out.append((sub.heading, sub.key, body))
        elif isinstance(spec.kind, Repeat):
            out.append((spec.heading, spec.key, renderer.entries(spec, value or [], 3, spec.key)))
        else:
            out.append(
                (
                    spec.heading,
                    spec.key,
                    renderer.rows((spec,), {spec.key: value}, 3, "")
                    if not hasattr(spec.kind, "fields")
                    else renderer.rows(spec.kind.fields, value or {}, 3, spec.key),
                )
            )
    return out


def files_html(
    graph: Graph, a: Assessment, spec: Field, entries: list[dict[str, Any]], page_url: str, renderer: FormRenderer
) -> Markup:
    """Ⅱ for every file, each with a link to the file's own page."""
    parts = []
    for node, entry in zip(graph.files[a.id], entries, strict=True):
        heading = renderer.heading(3, f"({node.number}) {node.name}", f"files-{node.number}")
        to_page = tag(
            "p",
            link(urls.relative(page_url, node.url), "このファイルのページ(委託先・提供先・移転先・リスク対策)"),
            class_="pia-more",
        )
        parts.append(
            tag(
                "section",
                heading + to_page + renderer.rows(spec.kind.fields, entry, 4, f"files-{node.number}"),
                class_="pia-entry",
            )
        )
    return join(parts) if parts else tag("p", "ファイルの記載なし", class_="pia-empty")


def summary_html(graph: Graph, a: Assessment, page_url: str) -> Markup:
    """Key facts at the top of the page: who, which form, when, status."""
    org = graph.org_of(a)
    rec = a.record
    published: WDate | None = rec["cover"].get("published") if isinstance(rec["cover"], dict) else None
    rows = [
        ("団体", link(urls.relative(page_url, urls.organization(org.code)), org.name)),
        ("評価実施機関", rec["cover"].get("assessor") or ""),
        ("評価書の種類", rec["form"]),
        ("様式の版", rec.get("form_version") or "評価書に印字なし"),
        ("評価書番号", str(a.number)),
        (
            "公表日",
            tag("time", published.wareki, datetime=published.iso) if isinstance(published, WDate) else "記載なし",
        ),
    ]
    ended = rec.get("ended")
    if ended:
        note = f" {ended['note']}" if ended.get("note") else ""
        rows.append(("状態", tag("strong", f"終了({ended['date'].wareki}){note}", class_="pia-ended")))
    else:
        rows.append(("状態", "公表中"))
    if rec.get("source"):
        rows.append(("出典", rec["source"]))
    rows.extend(status_rows(a, page_url))
    body = join(tag("tr", tag("th", k, scope="row") + tag("td", v)) for k, v in rows)
    table_start = Markup('<div class="pia-table-wrap"><table class="pia-items pia-summary"><tbody>')
    return ended_note(a) + table_start + body + Markup("</tbody></table></div>")


def file_links_html(graph: Graph, node: FileNode, page_url: str) -> Markup:
    """The chain from a file: systems of its assessment, 委託先, 提供先, 移転先."""
    systems = [e for e in graph.systems_of[node.assessment.id] if e]
    rows = [
        ("評価書", [link(urls.relative(page_url, urls.assessment(node.assessment.id)), node.assessment.title)]),
        ("システム", [link(urls.relative(page_url, e.url), e.name) for e in systems]),
        ("委託先", [link(urls.relative(page_url, e.url), e.name) for e in node.links["itakusaki"]]),
        ("提供先", [link(urls.relative(page_url, e.url), e.name) for e in node.links["teikyosaki"]]),
        ("移転先", [link(urls.relative(page_url, e.url), e.name) for e in node.links["itensaki"]]),
    ]
    return table(
        ["つながり", "リンク"], [[k, join(v, "、") if v else tag("span", "なし", class_="pia-empty")] for k, v in rows]
    )
