"""The page families about the records: each function lists its pages (`Page(path, reads, make)`, pages.py)
without rendering them. The registry that lists every family is `outputs/site.py`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from markupsafe import Markup

from generator.forms.entities import ENTITY_KINDS
from generator.load.content import SOURCE_DIR
from generator.model import urls
from generator.model.graph import Entity, FileNode, Graph
from generator.pages.about import about_pages
from generator.pages.assessment import chapters, file_links_html, summary_html
from generator.pages.context import entry_linker_for, linker_for
from generator.pages.digest_html import organization_digest_html
from generator.pages.entities import entity_index_body, entity_page_body, index_urls, page_urls
from generator.pages.flow_html import flow_html
from generator.pages.form import FormRenderer
from generator.pages.guide import site_pages
from generator.pages.html import join, link, table, tag
from generator.pages.indexes import (
    assessment_index_body,
    assessment_rows,
    by_published,
    counts,
    file_index_body,
    organization_body,
    organization_index_body,
    paged,
)
from generator.pages.markdown import PageOptions, md_page
from generator.pages.pages import ALL, Page, reads
from generator.pages.places import picker_html, prefecture_pages, tasks_html
from generator.pages.risk_pages import risk_pages
from generator.pages.status_html import due_soon_html


def home(graph: Graph, options: PageOptions) -> Iterator[Page]:
    url = urls.HOME

    def latest() -> Markup:
        rows = assessment_rows(graph, by_published(graph)[:5], url)
        return table(["評価書名", "団体", "種類", "公表日", "状態"], rows)

    def browse() -> Markup:
        items = (tag("li", link(urls.relative(url, target), f"{label}一覧({number} 件)"))
                 for label, number, target in counts(graph))
        return tag("ul", join(items), class_="pia-browse")

    yield md_page(url, reads(ALL), "home.md.j2", title="評価書ポータル", counts=lambda: counts(graph),
                  latest=latest, browse=browse, due=lambda: due_soon_html(graph, url, options.today), hide_toc=True,
                  tasks=lambda: tasks_html(url), picker=lambda: picker_html(graph, url))


def assessments(graph: Graph, options: PageOptions) -> Iterator[Page]:
    for n, index in paged(urls.index("assessments"), len(graph.assessments)):
        yield md_page(index, reads(ALL), "index.md.j2", title="評価書一覧" + (f"({n})" if n > 1 else ""),
                      body=lambda index=index, n=n: assessment_index_body(graph, index, n))
    for n, index in paged(urls.index("files"), sum(len(v) for v in graph.files.values())):
        yield md_page(index, reads(ALL), "index.md.j2", title="特定個人情報ファイル一覧" + (f"({n})" if n > 1 else ""),
                      body=lambda index=index, n=n: file_index_body(graph, index, n))
    for a in graph.assessments:
        url = urls.assessment(a.id)

        def renderer(a=a, url=url) -> FormRenderer:
            return FormRenderer(linker_for(graph, a, url), entry_linker_for(graph, url), a.record.get("form_version"))

        yield md_page(url, reads(a.id), "assessment.md.j2", title=a.title,
                      description=f"{graph.org_of(a).name} {a.title}",
                      summary=lambda a=a, url=url: summary_html(graph, a, url),
                      chapters=lambda a=a, url=url, renderer=renderer: chapters(graph, a, url, renderer()))
        for node in graph.files[a.id]:
            yield _file(graph, node)


def _file(graph: Graph, node: FileNode) -> Page:
    url, a = node.url, node.assessment
    spec = a.form.root.child("files")
    risk_spec = a.form.root.child("risks")

    def renderer() -> FormRenderer:
        return FormRenderer(linker_for(graph, a, url), entry_linker_for(graph, url), a.record.get("form_version"))

    def record_items() -> Markup:
        record_spec = next((f for f in spec.kind.fields if f.chapter), None)
        if record_spec is None:
            return tag("p", "記載なし", class_="pia-empty")
        return renderer().rows((record_spec,), node.record, 3, "record", skip_chapters=False)

    def risks() -> Markup:
        blocks = node.risk_blocks()
        if blocks:
            return renderer().entries(risk_spec, blocks, 3, "risks")
        return tag("p", "このファイルを対象とするリスク対策の記載はありません"
                        "(判読不能の可能性があります。評価書のページを確認してください)", class_="pia-empty")

    return md_page(url, reads(a.id), "file.md.j2", title=f"{node.name}({a.title})",
                   links=lambda: file_links_html(graph, node, url),
                   overview=lambda: renderer().rows(spec.kind.fields, node.record, 3, "file"),
                   record_items=record_items, risks=risks)


def organizations(graph: Graph, options: PageOptions) -> Iterator[Page]:
    for n, index in paged(urls.index("organizations"), len(graph.organizations)):
        yield md_page(index, reads(ALL), "index.md.j2", title="団体一覧" + (f"({n})" if n > 1 else ""),
                      body=lambda index=index, n=n: organization_index_body(graph, index, n))
    for org in graph.organizations.values():
        url = urls.organization(org.code)

        def facts(org=org) -> Markup:
            rows = [["都道府県", org.prefecture], ["全国地方公共団体コード", org.code]]
            if org.website:
                rows.append(["ウェブサイト", link(org.website, org.website, rel="external")])
            return table(["項目", "内容"], rows)

        own = [a.id for a in graph.assessments if a.org_code == org.code]
        yield md_page(url, reads(f"org:{org.code}", own), "organization.md.j2", title=org.name, facts=facts,
                      assessments=lambda url=url, org=org: organization_body(graph, org.code, url),
                      flow=lambda url=url, org=org: flow_html(graph, org.code, url),
                      digest=lambda url=url, org=org: organization_digest_html(graph, org.code, url))


def entities(graph: Graph, options: PageOptions) -> Iterator[Page]:
    for kind in ENTITY_KINDS.values():
        for n, url in enumerate(index_urls(graph, kind.key), 1):
            yield md_page(url, reads(ALL), "index.md.j2", title=kind.index_title + (f"({n})" if n > 1 else ""),
                          body=lambda kind=kind, url=url, n=n: entity_index_body(graph, kind.key, url, n))
        for entity in graph.sorted_entities(kind.key):
            yield from _entity(graph, entity)


def _entity(graph: Graph, entity: Entity) -> Iterator[Page]:
    for n, url in enumerate(page_urls(entity), 1):
        yield md_page(url, reads(r.assessment.id for r in entity.refs), "entity.md.j2",
                      title=entity.name if n == 1 else f"{entity.name}({n})",
                      description=f"{ENTITY_KINDS[entity.kind].label}「{entity.name}」が登場する評価書",
                      body=lambda url=url, n=n: entity_page_body(graph, entity, url, n))


def risks(graph: Graph, options: PageOptions) -> Iterable[Page]:
    return risk_pages(graph)


def guide(graph: Graph, options: PageOptions) -> Iterator[Page]:
    for sub, title, text in site_pages():
        front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
        yield Page(urls.source_path(urls.GUIDE + sub), reads(), lambda front=front, text=text: front + text)


def sources(graph: Graph, options: PageOptions) -> Iterator[Page]:
    """The source text each assessment was transcribed from, as it is in content/sources/ (its bytes are part of
    the build's salt, so a changed text is published again)."""
    if options.content_dir is None:
        return
    cited: dict[str, list[str]] = {}
    for a in graph.assessments:
        name = a.record.get("source")
        if isinstance(name, str) and name in graph.content.sources:
            cited.setdefault(name, []).append(a.id)
    folder = options.content_dir / SOURCE_DIR
    for name, ids in sorted(cited.items()):
        yield Page(urls.source_text(name), reads(ids), lambda name=name: (folder / name).read_bytes())


def about(graph: Graph, options: PageOptions) -> Iterable[Page]:
    return about_pages(graph, options)


def prefectures(graph: Graph, options: PageOptions) -> Iterable[Page]:
    return prefecture_pages(graph, options)
