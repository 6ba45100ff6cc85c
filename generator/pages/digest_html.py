"""The plain-language summary at the top of an assessment page and of a 団体 page."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from generator.forms.entities import CONTRACTOR, ENTITY_KINDS, FLOWS
from generator.load.content import Assessment
from generator.load.values import Marker, at, known
from generator.model import urls
from generator.model.digest import UNKNOWN, YES, Digest, Party, digest
from generator.model.flow import departments
from generator.model.graph import FileNode, Graph
from generator.pages.html import join, link, rich_text, tag

Rel = Callable[[str], str]
UNREAD = "原本から読み取れませんでした"
FOLD_AFTER = 8  # longer lists of 提供先/移転先 open on demand (委託先 are always listed)


def unread(text: str = UNREAD) -> Markup:
    return tag("span", text, class_="pia-unread")


def _subcontract(p: Party) -> Markup:
    label = p.subcontract_label
    text = {YES: "再委託あり", UNKNOWN: "再委託の有無は" + UNREAD}.get(label, "再委託なし")
    state = {YES: "yes", UNKNOWN: "unknown"}.get(label, "no")
    return tag("span", text, class_=f"pia-sub pia-sub--{state}")


def _party(p: Party, kind: str, rel: Rel, show_where: bool) -> Markup:
    unnamed = f"名称を原本から読み取れなかった{ENTITY_KINDS[kind].label}(ファイル: {p.files[0].name})"
    name = p.entity.name if p.named else unnamed
    parts = [link(rel(p.entity.url), name)]
    if kind == CONTRACTOR.key:
        parts.append(_subcontract(p))
    if show_where:
        parts.append(tag("span", "(" + "、".join(a.title for a in p.assessments) + ")", class_="pia-where-inline"))
    return join(parts, " ")


def _unknown_item(node: FileNode, kind: str, rel: Rel) -> Markup:
    said = f"の{ENTITY_KINDS[kind].label}は{UNREAD}"
    return join([link(rel(node.url), node.name), tag("span", said, class_="pia-unread")])


def party_list(d: Digest, kind: str, rel: Rel, show_where: bool = False) -> Markup:
    """Every party of `kind`, then the files whose list could not be read; 'none' only when the source says so."""
    parties = d.parties[kind]
    items = [_party(p, kind, rel, show_where) for p in parties]
    items += [_unknown_item(n, kind, rel) for n in d.unknown[kind]]
    withheld = f"の{ENTITY_KINDS[kind].label}は非公表です"
    items += [join([link(rel(n.url), n.name), tag("span", withheld, class_="pia-unread")])
              for n in d.withheld.get(kind, [])]
    if not items:
        return tag("p", f"なし(評価書に{ENTITY_KINDS[kind].label}の記載がありません)", class_="pia-empty")
    body = tag("ul", join(tag("li", i) for i in items), class_="pia-digest-list")
    if kind != CONTRACTOR.key and len(items) > FOLD_AFTER:
        return tag("details", tag("summary", "一覧を表示") + body, class_="pia-fold")
    return body


def _count(d: Digest, kind: str) -> str:
    parties = d.parties[kind]
    more = "以上" if d.unknown[kind] or d.withheld.get(kind) else ""
    if ENTITY_KINDS[kind].per_organization:  # 移転先 are departments: counted as such
        return f"{sum(departments(p.entity.name) for p in parties)} 部署{more}"
    return f"{len(parties)} 件{more}"


def _systems(d: Digest, rel: Rel) -> Markup:
    items: list[Markup | str] = [link(rel(e.url), e.name) for e in d.systems]
    if d.unnamed_systems:
        items.append(unread(f"ほか {d.unnamed_systems} 件は名称を{UNREAD}"))
    return join(items, "、") if items else tag("span", "記載なし", class_="pia-empty")


def _text(value: object) -> Markup:
    if isinstance(value, Marker):
        return unread()
    return rich_text(value) if isinstance(value, str) and value else tag("span", "記載なし", class_="pia-empty")


def _row(label: str, body: Markup | str, count: str | None = None) -> Markup:
    head = join([label, tag("span", count, class_="pia-digest-count")], " ") if count else label
    return tag("div", tag("dt", head) + tag("dd", body), class_="pia-digest-row")


def _flows(d: Digest, rel: Rel, show_where: bool) -> list[Markup]:
    return [
        _row(f"{ENTITY_KINDS[k].label}({ENTITY_KINDS[k].who})", party_list(d, k, rel, show_where), _count(d, k))
        for k in FLOWS
    ]


def assessment_digest_html(graph: Graph, a: Assessment, page_url: str) -> Markup:
    """Who, how many, systems, every recipient, and the contact — before any form item."""

    def rel(target: str) -> str:
        return urls.relative(page_url, target)

    d = digest(graph, [a])
    org = graph.org_of(a)
    business = known(at(a.record, "basic_info", "business"))
    division = known(at(a.record, "basic_info", "department", "division"))
    who = join([link(rel(urls.organization(org.code)), org.name),
                f"(担当: {division})" if isinstance(division, str) and division else ""])
    name = known(at(business, "name"))
    population = known(at(business, "target_population"))
    rows = [
        _row("だれが", who),
        _row("何の事務", join([_text(name) if not isinstance(name, str) else name,
                             f"(対象人数 {population})" if isinstance(population, str) else ""])),
        _row("使うシステム", _systems(d, rel)),
        *_flows(d, rel, show_where=False),
        _row("自分の情報の開示請求・問合せ",
             join([_text(known(at(a.record, "disclosure", "request", "address"))),
                   tag("p", link("#disclosure", "請求の方法と問合せ先の詳細"), class_="pia-more")])),
    ]
    return _section("この評価書の要点", "digest", rows)


def organization_digest_html(graph: Graph, code: str, page_url: str) -> Markup:
    """The same facts across every assessment of a 団体, each recipient with the 事務 it serves."""

    def rel(target: str) -> str:
        return urls.relative(page_url, target)

    own = [a for a in graph.assessments if a.org_code == code]
    d = digest(graph, own)
    contacts = sorted({v for a in own if isinstance(v := known(at(a.record, "disclosure", "request", "address")), str)})
    rows = [
        _row("評価書", join([link(rel(urls.assessment(a.id)), a.title) for a in own], "、"), f"{len(own)} 件"),
        _row("使うシステム", _systems(d, rel)),
        *_flows(d, rel, show_where=len(own) > 1),
        _row("自分の情報の開示請求", join(rich_text(c) for c in contacts) if contacts else unread()),
    ]
    return _section("この団体の評価書の要点", "digest", rows)


def _section(title: str, anchor: str, rows: list[Markup]) -> Markup:
    """The facts as a description list (the template writes the heading, so it is in the table of contents)."""
    return tag("dl", join(rows), class_="pia-digest-facts", aria_label=title)
