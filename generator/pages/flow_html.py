"""The データの流れ section of a 団体 page: the three flows (委託, 提供, 移転), the diagram and its tables."""

from __future__ import annotations

from markupsafe import Markup

from generator.forms.entities import CONTRACTOR, ENTITY_KINDS, FLOWS, RECIPIENT, TRANSFEREE
from generator.model import urls
from generator.model.digest import display_name, subcontract_of
from generator.model.flow import Receiver, departments, receivers
from generator.model.graph import Graph
from generator.pages.flow_svg import flow_svg
from generator.pages.html import join, link, table, tag

RULE = ("移転先の部署がこのポータルで評価書を公表している場合は、その評価書へのリンクを付けています。"
        "部署の対応は名称で判定します: 部署名を「、」で区切り"
        "(「財政部 市民税課、納税課」は 財政部市民税課 と 財政部納税課)、空白と全角・半角の違いを無視して、"
        "一致するか一方が他方の末尾と一致する(部の名前を省いた課の名前など)ものを同じ部署とみなします。"
        "比べる相手は評価書のⅠ「評価実施機関における担当部署 ①部署」です。")
UNREAD = "原本から読み取れませんでした"
EXPLAIN = "委託は会社などへ取扱いを任せること、提供は他の機関へ渡すこと、移転は同じ団体の他の部署へ渡すことです。"


def _counts(items: list[Receiver]) -> Markup:
    """「委託先 N 件 / 提供先 N 件 / 移転先 N 部署」, each 「以上」 when part of the source is unreadable."""
    out = []
    for kind in FLOWS:
        label, per_organization = ENTITY_KINDS[kind].label, ENTITY_KINDS[kind].per_organization
        known = [r for r in items if r.kind == kind and not r.unknown]
        unit = "部署" if per_organization else "件"  # 移転先 are departments: counted as such
        n = sum(departments(r.entity.name) for r in known) if per_organization else len(known)
        more = "以上(一部のファイルは" + UNREAD + ")" if any(r.kind == kind and r.unknown for r in items) else ""
        out.append(f"{label} {n} {unit}{more}")
    return tag("p", " / ".join(out), class_="pia-count pia-flow-counts")


def _target(r: Receiver, rel) -> Markup:
    if r.unknown:
        return tag("span", UNREAD, class_="pia-unread")
    return link(rel(r.entity.url), display_name(r.entity))


def _subcontract(r: Receiver, node) -> str:
    """再委託 of the 委託事項 of this file that name this contractor."""
    states = {subcontract_of(ref.record) for ref in r.entity.refs
              if ref.assessment.id == node.assessment.id and ref.file_no == node.number}
    return "あり" if "あり" in states else "なし" if states == {"なし"} else "不明"


def _tables(items: list[Receiver], org: str, rel) -> Markup:
    parts = []
    for kind, heads in ((CONTRACTOR.key, ["ファイル", "評価書", CONTRACTOR.label, "再委託"]),
                        (RECIPIENT.key, ["ファイル", "評価書", RECIPIENT.label]),
                        (TRANSFEREE.key, ["移転元のファイル", "評価書", TRANSFEREE.label, "移転先の部署の評価書"])):
        rows = []
        for r in (r for r in items if r.kind == kind):
            for node in r.sources:
                row = [link(rel(node.url), node.name), link(rel(urls.assessment(node.assessment.id)),
                                                            node.assessment.title), _target(r, rel)]
                if kind == CONTRACTOR.key:
                    row.append("—" if r.unknown else _subcontract(r, node))
                if kind == TRANSFEREE.key:
                    row.append(join([link(rel(urls.assessment(a.id)), a.title) for a in r.assessments], "、")
                               if r.assessments else tag("span", "—" if r.unknown else "ポータルに評価書なし",
                                                         class_="pia-empty"))
                rows.append(row)
        label = heads[2]
        if rows:
            parts.append(table(heads, rows, caption=f"{org}のデータの流れ: {label}"))
        else:
            parts.append(tag("p", f"{label}: なし(評価書の記載による)", class_="pia-empty"))
    return join(parts)


def flow_html(graph: Graph, org_code: str, page_url: str) -> Markup:
    """Diagram + tables of every 委託, 提供 and 移転 of the 団体's files (or a note when there is none)."""
    items = receivers(graph, org_code, FLOWS)
    if not items:
        return tag("p", "この団体の評価書には委託先・提供先・移転先の記載がありません。", class_="pia-empty")

    def rel(target: str) -> str:
        return urls.relative(page_url, target)

    org = graph.organizations[org_code].name
    caption_id = f"pia-flow-caption-{org_code}"
    figure = tag("figure", join([
        tag("div", flow_svg(items, rel), class_="pia-flow-scroll"),
        tag("figcaption", f"図: {org}の特定個人情報ファイルの委託先・提供先・移転先(矢印がデータの流れ。"
                          "太い矢印の先の部署は評価書を公表しています。点線は原本から読み取れなかった部分です。"
                          "同じ内容を下の表に示します)", id=caption_id),
    ]), class_="pia-flow")
    explain = tag("p", EXPLAIN)
    return join([explain, _counts(items), figure, _tables(items, org, rel), tag("p", RULE, class_="pia-count")])
