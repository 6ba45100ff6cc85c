"""Pages of リスク対策の比較: the index, one page per risk label, and each assessment's answers."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from markupsafe import Markup

from generator.forms.choices import SUFFICIENCY
from generator.load.values import Marker
from generator.model import urls
from generator.model.graph import Graph
from generator.model.risks import Answer, answers, assessment_answers, items_of, labels
from generator.pages import pagination
from generator.pages.html import join, link, table, tag
from generator.pages.markdown import md_page
from generator.pages.pages import ALL, Page, reads
from generator.pages.pagination import page_count, page_of, pager

EXCERPT = 80


def rating(answer: Answer) -> Markup:
    """The 評価 (リスクへの対策は十分か) as a badge; blank answers say why."""
    value = answer.sufficiency
    if isinstance(value, Marker):
        return tag("span", value.kind, class_="pia-rating pia-rating--marker")
    if isinstance(value, str):
        return tag("span", value, class_=f"pia-rating pia-rating--{SUFFICIENCY.index(value)}")
    if answer.not_applicable:
        return tag("span", f"該当なし({'・'.join(answer.not_applicable)})", class_="pia-empty")
    return tag("span", "記載なし", class_="pia-empty")


def _excerpt(answer: Answer) -> str:
    text = " ".join((answer.excerpt or "").split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def _measure(answer: Answer, page_url: str) -> Markup:
    href = urls.relative(page_url, urls.assessment(answer.assessment.id)) + "#" + answer.anchor
    text = tag("span", _excerpt(answer)) + Markup(" ") if answer.excerpt else ""
    return tag("span", join([text, link(href, "評価書で全文を見る")]), class_="pia-prose")


def _tally(items: list[Answer]) -> str:
    counts = Counter(a.sufficiency for a in items if isinstance(a.sufficiency, str))
    return " / ".join(f"{label} {counts[label]}" for label in SUFFICIENCY)


def label_page_body(graph: Graph, key: str, items: list[Answer], page_url: str, n: int = 1) -> Markup:
    """One table per Ⅲ section where the label occurs: who answered what, with a link to the measure.

    Page n shows PAGE_SIZE answers; the counts above each table are always over all answers."""
    base = urls.risk(key)
    total = page_count(len(items))
    shown = {id(a) for a in page_of(items, n)}
    parts = [tag("p", "各評価書がこのリスクにどう答えたか(リスクへの対策は十分か)を並べています。"
                      "評価は各団体の自己評価です。「評価書で全文を見る」から措置の内容の全文へ移動できます。")]
    if not items:
        parts.append(tag("p", "このリスクに回答している評価書はまだありません。", class_="pia-empty"))
    sections: dict[str, list[Answer]] = {}
    for a in items:
        sections.setdefault(a.item.section_key, []).append(a)
    for group in sections.values():
        section = group[0].item.section
        rows = [[graph.org_of(a.assessment).name,
                 link(urls.relative(page_url, urls.assessment(a.assessment.id)), a.assessment.title)
                 + tag("span", f"({a.assessment.form.name})", class_="pia-count"),
                 "、".join(a.files) or "記載なし", rating(a), _measure(a, page_url)]
                for a in group if id(a) in shown]
        if not rows:
            continue
        parts.append(Markup(f"## {section.heading} {{ #{section.key} }}"))
        count = f"{len({a.assessment.id for a in group})} 件の評価書・{len(group)} 件の回答({_tally(group)})"
        parts.append(tag("p", count, class_="pia-count")
                     + table(["団体", "評価書", "対象ファイル", "評価", "措置の内容"], rows,
                             class_="pia-table pia-risk"))
    if total > 1:
        note = tag("p", f"{len(items)} 件の回答を {pagination.PAGE_SIZE} 件ずつ {total} ページに分けています"
                        f"(このページは {n} ページ目)。", class_="pia-count")
        parts.insert(1, note + pager(base, page_url, n, total))
        parts.append(pager(base, page_url, n, total))
    return join(parts, "\n\n")


def index_body(graph: Graph, found: dict[str, list[Answer]], page_url: str) -> Markup:
    """Every risk label, with where it occurs and how it was rated."""
    rows = []
    for key, label in labels().items():
        items = found[key]
        sections = "、".join(dict.fromkeys(a.item.section.label for a in items)) or "(回答なし)"
        rows.append([link(urls.relative(page_url, urls.risk(key)), label), sections,
                     str(len({a.assessment.id for a in items})), _tally(items)])
    intro = tag("p", "評価書のⅢ(リスク対策)の各リスクについて、団体ごとの回答を比べられます。"
                     "重点項目評価書と全項目評価書で同じ名前のリスクは1つのページにまとめています。"
                     "評価書ごとの一覧は各評価書のページからたどれます。")
    return intro + table(["リスク", "区分", "評価書数", "評価(件数)"], rows)


def assessment_body(graph: Graph, aid: str, mine: list[Answer], page_url: str) -> Markup:
    """One assessment's answers to every risk item, one table per リスク対策 block."""
    mine.sort(key=lambda a: (a.block_no, [i.path for i in items_of(a.assessment.form)].index(a.item.path)))
    parts = [tag("p", join(["評価書のⅢ(リスク対策)の各リスクへの回答(リスクへの対策は十分か)の一覧です。",
                            link(urls.relative(page_url, urls.RISKS), "リスク対策の比較"), "もご覧ください。"]),
                 class_="pia-prose")]
    if not mine:
        parts.append(tag("p", "リスク対策の記載はありません。", class_="pia-empty"))
    for block_no, group in groupby(mine, key=lambda a: a.block_no):
        items = list(group)
        rows = [[a.item.section.label,
                 link(urls.relative(page_url, urls.assessment(aid)) + "#" + a.anchor, a.item.spec.label), rating(a),
                 link(urls.relative(page_url, urls.risk(a.item.key)), "他の団体と比べる")] for a in items]
        parts.append(Markup(f"## リスク対策{block_no} {{ #block-{block_no} }}"))
        parts.append(tag("p", "対象ファイル: " + ("、".join(items[0].files) or "記載なし"), class_="pia-count")
                     + table(["区分", "リスク", "評価", "比較"], rows, class_="pia-table pia-risk"))
    return join(parts, "\n\n")


def risk_pages(graph: Graph) -> Iterator[Page]:
    """Every page of this family: the index and each risk label read ALL; an assessment's answers read it only."""

    found = functools.cache(lambda: answers(graph))
    yield md_page(urls.RISKS, reads(ALL), "index.md.j2", title="リスク対策の比較",
                  description="評価書ごとのリスク対策の自己評価を比べる",
                  body=lambda: index_body(graph, found(), urls.RISKS))
    counts = {key: len(items) for key, items in found().items()}
    for key, label in labels().items():
        for n in range(1, page_count(counts.get(key, 0)) + 1):
            url = urls.numbered(urls.risk(key), n)
            yield md_page(url, reads(ALL), "index.md.j2", title=label if n == 1 else f"{label}({n})",
                          description=f"「{label}」への各評価書の回答",
                          body=lambda key=key, url=url, n=n: label_page_body(graph, key, found()[key], url, n))
    for a in graph.assessments:
        url = urls.assessment_risks(a.id)
        yield md_page(url, reads(a.id), "index.md.j2", title=f"リスク対策の自己評価({a.title})",
                      description=f"{graph.org_of(a).name} {a.title} のリスク対策への回答",
                      body=lambda a=a, url=url: assessment_body(graph, a.id, assessment_answers(a), url))
