"""The データの流れ section of a 団体 page: explanation, the diagram and its table equivalent."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..graph import Graph
from ..render.html import join, link, table, tag
from .flow import receivers
from .flow_svg import flow_svg

RULE = ("移転先の部署がこのポータルで評価書を公表している場合は、その評価書へのリンクを付けています。"
        "部署の対応は名称で判定します: 部署名を「、」で区切り"
        "(「財政部 市民税課、納税課」は 財政部市民税課 と 財政部納税課)、空白と全角・半角の違いを無視して、"
        "一致するか一方が他方の末尾と一致する(部の名前を省いた課の名前など)ものを同じ部署とみなします。"
        "比べる相手は評価書のⅠ「評価実施機関における担当部署 ①部署」です。")


def flow_html(graph: Graph, org_code: str, page_url: str) -> Markup:
    """Diagram + table of every 移転 of the 団体's files (or a note when there is none)."""
    items = receivers(graph, org_code)
    if not items:
        return tag("p", "この団体の評価書には移転先(同じ団体の他部署への移転)の記載がありません。", class_="pia-empty")

    def rel(target: str) -> str:
        return urls.relative(page_url, target)

    org = graph.organizations[org_code].name
    rows = []
    for r in items:
        own = join([link(rel(urls.assessment(a.id)), a.title) for a in r.assessments], "、") if r.assessments else (
            tag("span", "ポータルに評価書なし", class_="pia-empty"))
        for node in r.sources:
            rows.append([link(rel(node.url), node.name), link(rel(urls.assessment(node.assessment.id)),
                                                             node.assessment.title),
                         link(rel(r.entity.url), r.entity.name), own])
    linked = sum(1 for r in items if r.assessments)
    caption_id = f"pia-flow-caption-{org_code}"
    figure = tag("figure", join([
        tag("div", flow_svg(items, rel), class_="pia-flow-scroll"),
        tag("figcaption", f"図: {org}の特定個人情報ファイルの移転先(矢印が移転。太い矢印の先の部署は"
                          "評価書を公表しています。同じ内容を下の表に示します)", id=caption_id),
    ]), class_="pia-flow")
    summary = tag("p", f"移転先 {len(items)} 部署(うち評価書を公表している部署 {linked})", class_="pia-count")
    return join([tag("p", RULE), summary, figure,
                 table(["移転元のファイル", "評価書", "移転先", "移転先の部署の評価書"], rows,
                       caption=f"{org}のデータの流れ(表)")])
