"""Pages of the entities aggregated across assessments and 団体: システム, 委託先, 提供先, 移転先.

An entity page lists its occurrences as compact table rows (where, which entry, 再委託), at most
PAGE_SIZE per page (pages/pagination.py), so a 委託先 used by hundreds of 団体 never makes one huge page;
every item of an entry is on the file's page (or the assessment's, for システム), one click away.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.forms.entities import CONTRACTOR, ENTITY_KINDS, positions
from generator.load.values import at, known
from generator.model import urls
from generator.model.digest import UNKNOWN, YES, subcontract_of
from generator.model.graph import Entity, Graph, Ref
from generator.model.order import name_key
from generator.pages.html import join, link, table, tag
from generator.pages.pagination import PAGE_SIZE, page_count, page_of, pager

MAX_NAMES = 10



def sorted_entities(graph: Graph, kind: str) -> list[Entity]:
    """五十音-ish order: company forms ignored, unreadable names last."""
    return sorted(graph.entities[kind].values(),
                  key=lambda e: (not e.named, name_key(e.name), e.key))



def page_urls(entity: Entity) -> list[str]:
    """URLs of the entity's pages: its own, then url/2/ … (PAGE_SIZE occurrences each)."""
    return [urls.numbered(entity.url, n) for n in range(1, page_count(len(entity.refs)) + 1)]


def _subcontract_label(states: set[str]) -> str:
    return "あり" if YES in states else "なし" if states == {"なし"} else "不明"


def _occurrence_row(graph: Graph, entity: Entity, ref: Ref, page_url: str) -> list[object]:
    a = ref.assessment
    org = graph.org_of(a)
    where = tag("span", link(urls.relative(page_url, urls.assessment(a.id)), a.title), class_="pia-where")
    where_in_form = positions(a.form)[entity.kind]
    entry = f"{where_in_form.entry}{ref.item_no}"
    if ref.file_no is not None:
        node = graph.files[a.id][ref.file_no - 1]
        detail = link(urls.relative(page_url, node.url), f"{node.name}({entry})")
    else:
        anchor = urls.anchor_id("-".join((*where_in_form.path, str(ref.item_no))))
        detail = link(urls.relative(page_url, urls.assessment(a.id)) + f"#{anchor}", entry)
    row: list[object] = [link(urls.relative(page_url, urls.organization(org.code)), org.name), where, detail]
    if entity.kind == CONTRACTOR.key:
        title = known(at(ref.record, "title"))
        unread = tag("span", "原本から読み取れませんでした", class_="pia-unread")
        row.insert(3, title if isinstance(title, str) else unread)
        state = subcontract_of(ref.record)
        row.append("原本から読み取れませんでした" if state == UNKNOWN else state)
    return row


def entity_page_body(graph: Graph, entity: Entity, page_url: str, n: int = 1) -> Markup:
    """Facts, then occurrences PAGE_SIZE at a time (page n)."""
    orgs = sorted({graph.org_of(r.assessment).name for r in entity.refs})
    facts = [
        ("種類", ENTITY_KINDS[entity.kind].label),
        ("登場回数", f"{len(entity.refs)} 件"),
        ("団体", "、".join(orgs)),
        ("評価書", f"{len(entity.assessments)} 件"),
    ]
    if entity.kind == CONTRACTOR.key:
        facts.append(("再委託", _subcontract_label({subcontract_of(r.record) for r in entity.refs})))
    if len(entity.spellings) > 1 or entity.name not in entity.spellings:
        facts.append(("評価書での表記", "、".join(sorted(entity.spellings))))
    summary = join(tag("tr", tag("th", k, scope="row") + tag("td", v)) for k, v in facts)
    head = ["団体", "評価書", "記載の場所"] + (["委託事項", "再委託"] if entity.kind == CONTRACTOR.key else [])
    refs = page_of(entity.refs, n)
    total = page_count(len(entity.refs))
    rows = [_occurrence_row(graph, entity, ref, page_url) for ref in refs]
    count = tag("p", f"登場 {len(entity.refs)} 件" + (
        f"のうち {(n - 1) * PAGE_SIZE + 1}〜{(n - 1) * PAGE_SIZE + len(refs)} 件目" if total > 1 else ""),
        class_="pia-count")
    return join([
        Markup('<div class="pia-table-wrap"><table class="pia-items pia-summary"><tbody>') + summary
        + Markup("</tbody></table></div>"),
        count,
        table(head, rows, caption=f"{entity.name}が登場する評価書"),
        pager(entity.url, page_url, n, total),
    ])


def index_urls(graph: Graph, kind: str) -> list[str]:
    """The 一覧 of a kind: PAGE_SIZE entities per page."""
    return [urls.numbered(urls.index(kind), n) for n in range(1, page_count(len(graph.entities[kind])) + 1)]


def _names(names: list[str], limit: int = MAX_NAMES) -> str:
    """A bounded list: the first `limit` names, then 「ほか N 件」 (a cell never grows with the corpus)."""
    shown = "、".join(names[:limit])
    return shown + (f" ほか {len(names) - limit} 件" if len(names) > limit else "")


def entity_index_body(graph: Graph, kind: str, page_url: str, n: int = 1) -> Markup:
    """Entities of `kind`, page n; 委託先 also with 事務 and 再委託, filterable in the browser (pia-filter.js)."""
    everything = sorted_entities(graph, kind)
    total = page_count(len(everything))
    rows = []
    for e in page_of(everything, n):
        orgs = sorted({graph.org_of(r.assessment).name for r in e.refs})
        works = sorted({r.assessment.title for r in e.refs})
        row: list[object] = [link(urls.relative(page_url, e.url), e.name), _names(orgs)]
        if kind == CONTRACTOR.key:
            row += [_names(works), _subcontract_label({subcontract_of(r.record) for r in e.refs})]
        row += [f"{len(e.assessments)}"]
        rows.append(row)
    label = ENTITY_KINDS[kind].label
    head = [label, "団体"] + (["事務(評価書)", "再委託"] if kind == CONTRACTOR.key else []) + ["評価書数"]
    body = table(head, rows, caption=f"{label}の一覧(五十音順、株式会社などを除いた名前の順)")
    filters = filter_form(graph, total > 1) if kind == CONTRACTOR.key else Markup("")
    where = f"のうち {(n - 1) * PAGE_SIZE + 1}〜{(n - 1) * PAGE_SIZE + len(rows)} 件目" if total > 1 else ""
    count = tag("p", f"{len(everything)} 件{where}", class_="pia-count")
    return count + filters + body + pager(urls.index(kind), page_url, n, total)


def filter_form(graph: Graph, paged: bool = False) -> Markup:
    """Filters for the 委託先 table; hidden until pia-filter.js runs (the full table works without it)."""
    orgs = sorted({o.name for o in graph.organizations.values()},
                  key=lambda n: name_key(n, next(o.reading for o in graph.organizations.values() if o.name == n)))
    options = tag("option", "すべての団体", value="") + join(tag("option", o, value=o) for o in orgs)
    parts = [
        tag("label", join(["団体 ", Markup('<select name="org">') + options + Markup("</select>")])),
        tag("label", join(["事務 ", Markup('<input type="search" name="work" placeholder="例: 住民基本台帳">')])),
        tag("label", join([Markup('<input type="checkbox" name="sub" value="あり"> '), "再委託ありのみ"])),
        tag("output", "", class_="pia-filter-count", aria_live="polite"),
    ]
    if paged:
        parts.append(tag("span", "(絞り込みはこのページの一覧が対象です。団体ごとの委託先は団体のページにあります)",
                         class_="pia-count"))
    return tag("form", join(parts, " "), class_="pia-filter", hidden="", aria_label="委託先の絞り込み")
