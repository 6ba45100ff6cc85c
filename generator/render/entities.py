"""Pages of the entities aggregated across assessments and 団体: システム, 委託先, 提供先, 移転先."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..forms.spec import Field
from ..graph import KIND_LABELS, Entity, Graph, Ref
from .context import linker_for
from .form import FormRenderer
from .html import join, link, table, tag

LIST_PATHS = {
    "system": ("basic_info", "systems"),
    "itakusaki": ("files", "outsourcing", "entrustments"),
    "teikyosaki": ("files", "provision_transfer", "provisions"),
    "itensaki": ("files", "provision_transfer", "transfers"),
}


def list_spec(ref: Ref, kind: str) -> Field:
    """The repeating-group Field an occurrence belongs to, from its own form."""
    spec = ref.assessment.form.root
    for key in LIST_PATHS[kind]:
        spec = spec.child(key)
    return spec


def occurrence_html(graph: Graph, entity: Entity, ref: Ref, page_url: str, number: int) -> Markup:
    """One occurrence: where it is (団体, 評価書, ファイル) and every item of its entry."""
    a = ref.assessment
    org = graph.org_of(a)
    where = [
        link(urls.relative(page_url, urls.organization(org.code)), org.name),
        link(urls.relative(page_url, urls.assessment(a.id)), a.title),
    ]
    if ref.file_no is not None:
        node = graph.files[a.id][ref.file_no - 1]
        where.append(link(urls.relative(page_url, node.url), f"ファイル: {node.name}"))
    else:
        where.extend(link(urls.relative(page_url, n.url), f"ファイル: {n.name}") for n in graph.files[a.id])
    spec = list_spec(ref, entity.kind)
    renderer = FormRenderer(linker_for(graph, a, page_url), version=a.record.get("form_version"))
    heading = renderer.heading(2, f"{number}. {org.name} {a.title}({spec.kind.item}{ref.item_no})", f"ref-{number}")
    body = tag("p", join(where, " › "), class_="pia-where") + renderer.rows(
        spec.kind.fields, ref.record, 3, f"ref-{number}"
    )
    return tag("section", heading + body, class_="pia-entry")


def entity_page_body(graph: Graph, entity: Entity, page_url: str) -> Markup:
    orgs = sorted({graph.org_of(r.assessment).name for r in entity.refs})
    facts = [
        ("種類", KIND_LABELS[entity.kind]),
        ("登場回数", f"{len(entity.refs)} 件"),
        ("団体", "、".join(orgs)),
        ("評価書", f"{len(entity.assessments)} 件"),
    ]
    if len(entity.spellings) > 1 or entity.name not in entity.spellings:
        facts.append(("評価書での表記", "、".join(sorted(entity.spellings))))
    summary = join(tag("tr", tag("th", k, scope="row") + tag("td", v)) for k, v in facts)
    parts = [
        Markup('<div class="pia-table-wrap"><table class="pia-items pia-summary"><tbody>')
        + summary
        + Markup("</tbody></table></div>")
    ]
    parts.extend(occurrence_html(graph, entity, ref, page_url, i) for i, ref in enumerate(entity.refs, 1))
    return join(parts)


def entity_index_body(graph: Graph, kind: str, page_url: str) -> Markup:
    rows = []
    for e in graph.sorted_entities(kind):
        orgs = sorted({graph.org_of(r.assessment).name for r in e.refs})
        rows.append(
            [link(urls.relative(page_url, e.url), e.name), "、".join(orgs), f"{len(e.assessments)}", f"{len(e.refs)}"]
        )
    head = [f"{KIND_LABELS[kind]}", "団体", "評価書数", "登場回数"]
    return tag("p", f"{len(rows)} 件", class_="pia-count") + table(head, rows)
