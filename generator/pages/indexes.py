"""一覧 pages for 評価書, 団体 and ファイル, and the home page figures."""

from __future__ import annotations

from markupsafe import Markup

from generator.forms.entities import CONTRACTOR, ENTITY_KINDS, FLOWS, RECIPIENT, SYSTEM, TRANSFEREE
from generator.load.content import Assessment
from generator.load.wareki import WDate
from generator.model import urls
from generator.model.digest import unreadable_files
from generator.model.graph import FileNode, Graph
from generator.model.order import name_key
from generator.pages.html import link, table, tag
from generator.pages.pagination import PAGE_SIZE, page_count, page_of, pager


def published(a: Assessment) -> WDate | None:
    value = a.record["cover"].get("published")
    return value if isinstance(value, WDate) else None


def by_published(graph: Graph) -> list[Assessment]:
    """Newest 公表日 first; id breaks ties so the order is stable."""
    return sorted(
        graph.assessments,
        key=lambda a: (tuple(-x for x in published(a).sort_key()) if published(a) else (0, 0, 0), a.id),
    )


def _date(a: Assessment) -> Markup | str:
    d = published(a)
    return tag("time", d.wareki, datetime=d.iso) if d else "記載なし"


def assessment_rows(graph: Graph, items: list[Assessment], page_url: str) -> list[list[object]]:
    return [
        [
            link(urls.relative(page_url, urls.assessment(a.id)), a.title),
            graph.org_of(a).name,
            a.form.name,
            _date(a),
            "終了" if a.record.get("ended") else "公表中",
        ]
        for a in items
    ]


def paged(base: str, rows: int) -> list[tuple[int, str]]:
    """(n, url) of each page of a list of `rows` rows (PAGE_SIZE per page; page 1 is `base`)."""
    return [(n, urls.numbered(base, n)) for n in range(1, page_count(rows) + 1)]


def _count(total: int, shown: int, n: int, order: str) -> Markup:
    where = f"のうち {(n - 1) * PAGE_SIZE + 1}〜{(n - 1) * PAGE_SIZE + shown} 件目" if page_count(total) > 1 else ""
    return tag("p", f"{total} 件{where}({order})", class_="pia-count")


def assessment_index_body(graph: Graph, page_url: str, n: int = 1) -> Markup:
    items = by_published(graph)
    rows = assessment_rows(graph, list(page_of(items, n)), page_url)
    base = urls.index("assessments")
    return (_count(len(items), len(rows), n, "公表日の新しい順")
            + table(["評価書名", "団体", "種類", "公表日", "状態"], rows)
            + pager(base, page_url, n, page_count(len(items))))


def organization_index_body(graph: Graph, page_url: str, n: int = 1) -> Markup:
    everything = sorted(graph.organizations.values(), key=lambda o: (name_key(o.name, o.reading), o.code))
    orgs = page_of(everything, n)
    rows = [
        [
            link(urls.relative(page_url, urls.organization(o.code)), o.name),
            o.reading or "",
            o.prefecture,
            o.code,
            str(sum(1 for a in graph.assessments if a.org_code == o.code)),
        ]
        for o in orgs
    ]
    total = page_count(len(everything))
    return (_count(len(everything), len(rows), n, "五十音順")
            + table(["団体", "読み", "都道府県", "団体コード", "評価書数"], rows)
            + pager(urls.index("organizations"), page_url, n, total))


def organization_body(graph: Graph, code: str, page_url: str) -> Markup:
    items = [a for a in by_published(graph) if a.org_code == code]
    return table(
        ["評価書名", "団体", "種類", "公表日", "状態"],
        assessment_rows(graph, items, page_url),
        caption="公表している評価書",
    )


def _number(node: FileNode, lost: dict[str, list[FileNode]], *kinds: str) -> str:
    """How many recipients a file lists; 「以上」 when part of its list could not be read."""
    n = sum(len(node.links[k]) for k in kinds)
    return f"{n} 以上(一部は原本から読み取れませんでした)" if any(node in lost[k] for k in kinds) else str(n)


def file_index_body(graph: Graph, page_url: str, n: int = 1) -> Markup:
    rows = []
    first, last = (n - 1) * PAGE_SIZE, n * PAGE_SIZE
    seen = 0
    for a in graph.assessments:
        files = graph.files[a.id]
        seen, before = seen + len(files), seen
        if seen <= first or before >= last:
            continue
        lost = {kind: unreadable_files(graph, [a], kind) for kind in FLOWS}

        for i, node in enumerate(files, before):
            if not first <= i < last:
                continue
            rows.append(
                [
                    link(urls.relative(page_url, node.url), node.name),
                    graph.org_of(a).name,
                    link(urls.relative(page_url, urls.assessment(a.id)), a.title),
                    _number(node, lost, CONTRACTOR.key),
                    _number(node, lost, RECIPIENT.key, TRANSFEREE.key),
                ]
            )
    total = sum(len(v) for v in graph.files.values())
    return (_count(total, len(rows), n, "評価書の番号順")
            + table(["ファイル名", "団体", "評価書", "委託先数", "提供先・移転先数"], rows)
            + pager(urls.index("files"), page_url, n, page_count(total)))


def counts(graph: Graph) -> list[tuple[str, int, str]]:
    """(label, number, index url) for the home page."""
    return [
        ("団体", len(graph.organizations), urls.index("organizations")),
        ("評価書", len(graph.assessments), urls.index("assessments")),
        (SYSTEM.label, len(graph.entities[SYSTEM.key]), urls.index(SYSTEM.key)),
        ("特定個人情報ファイル", sum(len(v) for v in graph.files.values()), urls.index("files")),
    ] + [(ENTITY_KINDS[kind].label, len(graph.entities[kind]), urls.index(kind)) for kind in FLOWS]
