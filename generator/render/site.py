"""All pages of the portal as `{docs path: Markdown text}` — a pure function of the graph."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..graph import KIND_LABELS, FileNode, Graph
from ..views.flow_html import flow_html
from ..views.status_html import due_soon_html
from .assessment import chapters, file_links_html, summary_html
from .context import entry_linker_for, environment, linker_for
from .entities import entity_index_body, entity_page_body
from .form import FormRenderer
from .html import join, link, table, tag
from .indexes import (
    assessment_index_body,
    assessment_rows,
    by_published,
    counts,
    file_index_body,
    organization_body,
    organization_index_body,
)

INDEX_TITLES = {
    "system": "システム一覧",
    "itakusaki": "委託先一覧",
    "teikyosaki": "提供先一覧",
    "itensaki": "移転先一覧",
}


class Pages:
    """Collects rendered pages; refuses to render the same path twice."""

    def __init__(self) -> None:
        self.env = environment()
        self.pages: dict[str, str] = {}

    def add(self, url: str, template: str, **context: object) -> None:
        path = urls.source_path(url)
        assert path not in self.pages, f"page rendered twice: {path}"
        context.setdefault("rel", lambda target: Markup(urls.relative(url, target)))
        self.pages[path] = self.env.get_template(template).render(**context)


def render_site(graph: Graph) -> dict[str, str]:
    """Every page, keyed by its path under the Markdown build folder."""
    pages = Pages()
    _home(pages, graph)
    _assessments(pages, graph)
    _organizations(pages, graph)
    for kind in KIND_LABELS:
        url = urls.index(kind)
        pages.add(url, "index.md.j2", title=INDEX_TITLES[kind], body=entity_index_body(graph, kind, url))
        for entity in graph.sorted_entities(kind):
            pages.add(
                entity.url,
                "entity.md.j2",
                title=entity.name,
                description=f"{KIND_LABELS[kind]}「{entity.name}」が登場する評価書",
                body=entity_page_body(graph, entity, entity.url),
            )
    return dict(sorted(pages.pages.items()))


def _home(pages: Pages, graph: Graph) -> None:
    url = urls.HOME
    latest = table(["評価書名", "団体", "種類", "公表日", "状態"], assessment_rows(graph, by_published(graph)[:5], url))
    browse = tag(
        "ul",
        join(
            tag("li", link(urls.relative(url, target), f"{label}一覧({number} 件)"))
            for label, number, target in counts(graph)
        ),
        class_="pia-browse",
    )
    pages.add(
        url,
        "home.md.j2",
        title="評価書ポータル",
        counts=counts(graph),
        latest=latest,
        browse=browse,
        due=due_soon_html(graph, url),
        hide_toc=True,
    )


def _assessments(pages: Pages, graph: Graph) -> None:
    index = urls.index("assessments")
    pages.add(index, "index.md.j2", title="評価書一覧", body=assessment_index_body(graph, index))
    files_index = urls.index("files")
    pages.add(files_index, "index.md.j2", title="特定個人情報ファイル一覧", body=file_index_body(graph, files_index))
    for a in graph.assessments:
        url = urls.assessment(a.id)
        renderer = FormRenderer(linker_for(graph, a, url), entry_linker_for(graph, url), a.record.get("form_version"))
        pages.add(
            url,
            "assessment.md.j2",
            title=a.title,
            description=f"{graph.org_of(a).name} {a.title}",
            summary=summary_html(graph, a, url),
            chapters=chapters(graph, a, url, renderer),
        )
        for node in graph.files[a.id]:
            _file(pages, graph, node)


def _file(pages: Pages, graph: Graph, node: FileNode) -> None:
    url = node.url
    renderer = FormRenderer(
        linker_for(graph, node.assessment, url),
        entry_linker_for(graph, url),
        node.assessment.record.get("form_version"),
    )
    spec = node.assessment.form.root.child("files")
    record_spec = next((f for f in spec.kind.fields if f.chapter), None)
    record_items = (
        renderer.rows((record_spec,), node.record, 3, "record", skip_chapters=False)
        if record_spec
        else tag("p", "記載なし", class_="pia-empty")
    )
    risk_spec = node.assessment.form.root.child("risks")
    blocks = node.risk_blocks()
    risks = (
        renderer.entries(risk_spec, blocks, 3, "risks")
        if blocks
        else tag(
            "p",
            "このファイルを対象とするリスク対策の記載はありません(判読不能の可能性があります。評価書のページを確認してください)",
            class_="pia-empty",
        )
    )
    pages.add(
        url,
        "file.md.j2",
        title=f"{node.name}({node.assessment.title})",
        links=file_links_html(graph, node, url),
        overview=renderer.rows(spec.kind.fields, node.record, 3, "file"),
        record_items=record_items,
        risks=risks,
    )


def _organizations(pages: Pages, graph: Graph) -> None:
    index = urls.index("organizations")
    pages.add(index, "index.md.j2", title="団体一覧", body=organization_index_body(graph, index))
    for org in graph.organizations.values():
        url = urls.organization(org.code)
        facts = table(
            ["項目", "内容"],
            [["都道府県", org.prefecture], ["全国地方公共団体コード", org.code]]
            + ([["ウェブサイト", link(org.website, org.website, rel="external")]] if org.website else []),
        )
        pages.add(
            url,
            "organization.md.j2",
            title=org.name,
            facts=facts,
            assessments=organization_body(graph, org.code, url),
            flow=flow_html(graph, org.code, url),
        )
