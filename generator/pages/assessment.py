"""The page of one 評価書 (every item, in form order) and the page of each of its files."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.forms.entities import ENTITY_KINDS, FLOWS
from generator.forms.spec import Field, Repeat, Text
from generator.load.content import Assessment
from generator.load.values import Marker
from generator.load.wareki import WDate
from generator.model import urls
from generator.model.digest import unreadable_files
from generator.model.graph import FileNode, Graph
from generator.pages.digest_html import UNREAD, assessment_digest_html
from generator.pages.form import FormRenderer
from generator.pages.html import join, link, table, tag
from generator.pages.status_html import ended_note, status_rows
from generator.pages.timeline import timeline_html
from generator.pages.value_html import marker_html


def form_fields(a: Assessment) -> tuple[Field, ...]:
    return a.form.root.kind.fields


def chapters(graph: Graph, a: Assessment, page_url: str, renderer: FormRenderer) -> list[tuple[str, Markup, Markup]]:
    """(heading, anchor, body) for each chapter, in the printed order of the form."""
    out = [
        ("この評価書の要点", "digest", assessment_digest_html(graph, a, page_url)),
        ("評価書の基本事項", "facts", facts_html(graph, a, page_url)),
        *_chapters(graph, a, page_url, renderer),
        ("転記の記録", "transcription", transcription_html(a, page_url, graph.content.sources)),
    ]
    return [(heading, urls.anchor_id(anchor), with_source_links(a, body)) for heading, anchor, body in out]


def with_source_links(a: Assessment, body: Markup) -> Markup:
    """Every 「原本から読み取れませんでした」 box links to the original PDF, once its URL is recorded."""
    url = a.record.get("source_url")
    if not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        return body
    label = tag("strong", UNREAD, class_="pia-marker-label")
    return Markup(body.replace(label, label + Markup(" ") + link(url, "原本(PDF)で確認する", rel="external")))


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
                    out.append((sub.heading, sub.key, fold(body, f"{sub.heading}({len(value or [])} ファイル)")))
        elif isinstance(spec.kind, Repeat):
            body = renderer.entries(spec, value or [], 3, spec.key)
            count = len(value) if isinstance(value, list) else 0
            out.append((spec.heading, spec.key, fold(body, f"{spec.kind.item} {count} 件") if count else body))
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


def fold(body: Markup, what: str) -> Markup:
    """Long content closed by default (native <details>; opened by a link to a heading inside and when printed)."""
    return tag("details", tag("summary", f"{what}を表示") + body, class_="pia-fold")


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
        rows = renderer.rows(spec.kind.fields, entry, 4, f"files-{node.number}")
        parts.append(tag("section", heading + to_page + fold(rows, f"({node.number}) の記載"), class_="pia-entry"))
    return join(parts) if parts else tag("p", "ファイルの記載なし", class_="pia-empty")


def summary_html(graph: Graph, a: Assessment, page_url: str) -> Markup:
    """Right under the title: the official original, and the 【終了】 note if any."""
    return source_html(a) + ended_note(a)


def _meta_value(value: object) -> Markup | str | None:
    """A top-level value that may be a marker (推定 様式の版 …) shown like any form value."""
    if isinstance(value, Marker):
        return marker_html(value, Field("value", "", Text(), ""), lambda *_: None)
    return value if isinstance(value, str) and value else None


def facts_html(graph: Graph, a: Assessment, page_url: str) -> Markup:
    """Key facts: who, which form, when, status."""
    org = graph.org_of(a)
    rec = a.record
    published: WDate | None = rec["cover"].get("published") if isinstance(rec["cover"], dict) else None
    rows = [
        ("団体", link(urls.relative(page_url, urls.organization(org.code)), org.name)),
        ("評価実施機関", rec["cover"].get("assessor") or ""),
        ("評価書の種類", rec["form"]),
        ("様式の版", _meta_value(rec.get("form_version")) or "評価書に印字なし"),
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
    rows.extend(status_rows(a, page_url))
    body = join(tag("tr", tag("th", k, scope="row") + tag("td", v)) for k, v in rows)
    table_start = Markup('<div class="pia-table-wrap"><table class="pia-items pia-summary"><tbody>')
    return table_start + body + Markup("</tbody></table></div>")


def file_links_html(graph: Graph, node: FileNode, page_url: str) -> Markup:
    """The chain from a file: systems of its assessment, 委託先, 提供先, 移転先."""
    systems = [e for e in graph.systems_of[node.assessment.id] if e]
    rows = [
        ("評価書", [link(urls.relative(page_url, urls.assessment(node.assessment.id)), node.assessment.title)]),
        ("システム", [link(urls.relative(page_url, e.url), e.name) for e in systems]),
    ]
    rows += [(ENTITY_KINDS[kind].label, [link(urls.relative(page_url, e.url), e.name) for e in node.links[kind]])
             for kind in FLOWS]
    lost = {ENTITY_KINDS[kind].label: unreadable_files(graph, [node.assessment], kind) for kind in FLOWS}
    shown = []
    for label, items in rows:
        if node in lost.get(label, ()):
            items = [*items, tag("span", f"{'一部を' if items else ''}{UNREAD}", class_="pia-unread")]
        none = tag("span", "なし(評価書の記載による)", class_="pia-empty")
        shown.append([label, join(items, "、") if items else none])
    return table(["つながり", "リンク"], shown)


def _external(url: object, text: str) -> Markup | str:
    """A link to an http(s) address recorded in the YAML; anything else stays text."""
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        return link(url, text, rel="external")
    return tag("span", "未登録", class_="pia-empty")


def source_html(a: Assessment) -> Markup:
    """The official original next to the title: PDF, the page listing it, and when it was fetched."""
    rec = a.record
    retrieved = rec.get("retrieved")
    when = tag("time", retrieved.wareki, datetime=retrieved.iso) if isinstance(retrieved, WDate) else (
        tag("span", "未登録", class_="pia-empty"))
    if not any(rec.get(k) for k in ("source_url", "listing_url", "retrieved")):
        parts = [join(["原本(PDF)の所在: ", tag("span", "未登録", class_="pia-empty")])]
    else:
        parts = [
            join(["原本(PDF): ", _external(rec.get("source_url"), "団体が公表している評価書")]),
            join(["掲載ページ: ", _external(rec.get("listing_url"), "団体のページ")]),
            join(["取得日: ", when]),
        ]
    note = tag("span", "PDFから転記したページです。違いがあるときは原本が正です。", class_="pia-count")
    return tag("p", join([join(parts, " / "), note], " "), class_="pia-source")


def transcription_html(a: Assessment, page_url: str = "", published: tuple[str, ...] = ()) -> Markup:
    """転記の記録: where the text was taken from (file names, not for residents' first read); the source text
    links to its published copy when content/sources/ holds it."""
    source = a.record.get("source")
    shown = (link(urls.relative_file(page_url, urls.source_text(source)), source) if source in published
             else source or "記録なし")
    rows = [("転記に使った資料", shown),
            ("評価書のファイル", f"content/assessments/{a.id}.yaml")]
    body = join(tag("tr", tag("th", k, scope="row") + tag("td", v)) for k, v in rows)
    table_html = Markup('<div class="pia-table-wrap"><table class="pia-items"><tbody>') + body + Markup(
        "</tbody></table></div>")
    intro = tag("p", "PDFから読み取った文字を転記した際の記録です。"
                     "読み取れなかった箇所の理由は各項目の「転記の記録」にあります。")
    return tag("details", tag("summary", "転記の記録") + intro + table_html, class_="pia-transcription")
