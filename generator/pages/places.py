"""Finding one's own 団体: the home page's 都道府県 picker and one small page per 都道府県.

The home page lists the 47 都道府県 (grouped by region, plain links); each 都道府県 page lists its
団体 in 五十音 order (by 読み). Neither grows with the corpus beyond one 都道府県's bodies (at most
a few hundred links), so the picker works with thousands of 団体 without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from generator.forms.entities import CONTRACTOR
from generator.load.content import Organization
from generator.model import urls
from generator.model.graph import Graph
from generator.model.order import name_key
from generator.pages.html import join, link, table, tag
from generator.pages.markdown import md_page
from generator.pages.pages import reads

PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)  # JIS X 0401 order: the 都道府県 code is the index + 1 (= the first two digits of a 団体コード)

REGIONS = (("北海道・東北", 1, 7), ("関東", 8, 14), ("中部", 15, 23), ("近畿", 24, 30), ("中国", 31, 35),
           ("四国", 36, 39), ("九州・沖縄", 40, 47))


def by_prefecture(graph: Graph) -> dict[int, list[Organization]]:
    """団体 per 都道府県 code, each list in 五十音 order (読み, else the name)."""
    out: dict[int, list[Organization]] = {}
    for org in graph.organizations.values():
        out.setdefault(int(org.code[:2]), []).append(org)
    return {k: sorted(v, key=lambda o: (name_key(o.name, o.reading), o.code)) for k, v in sorted(out.items())}


def picker_html(graph: Graph, page_url: str) -> Markup:
    """47 都道府県 by region; those with 団体 in the portal link to their page, with the count."""
    found = by_prefecture(graph)
    groups = []
    for region, first, last in REGIONS:
        items = []
        for code in range(first, last + 1):
            name = PREFECTURES[code - 1]
            if code in found:
                items.append(link(urls.relative(page_url, urls.prefecture(code)), f"{name}({len(found[code])})"))
            else:
                items.append(tag("span", name, class_="pia-empty", title="収録している団体はまだありません"))
        groups.append(tag("div", tag("h3", region, class_="pia-region") + tag(
            "ul", join(tag("li", i) for i in items), class_="pia-prefectures"), class_="pia-region-group"))
    return tag("div", join(groups), class_="pia-picker")


def tasks_html(page_url: str) -> Markup:
    """Entry points worded as the questions residents bring."""
    def card(question: str, answer: str, href: str) -> Markup:
        body = tag("span", question, class_="pia-task-q") + tag("span", answer, class_="pia-task-a")
        return tag("li", link(href, body, class_="pia-task"))

    items = [
        card("どの会社が私の情報を扱う?", "お住まいの団体を選ぶと、委託先の会社と再委託の有無が分かります。",
             "#pick"),
        card("自分の情報の開示を請求したい", "団体のページの「自分の情報の開示請求」に請求先の窓口があります。",
             "#pick"),
        card("委託先の会社から探す", "会社名の一覧(団体・事務・再委託で絞り込み)",
             urls.relative(page_url, urls.index(CONTRACTOR.key))),
    ]
    return tag("ul", join(items), class_="pia-tasks")


def prefecture_body(graph: Graph, code: int, orgs: list[Organization], page_url: str) -> Markup:
    counts: dict[str, int] = {}
    for a in graph.assessments:
        counts[a.org_code] = counts.get(a.org_code, 0) + 1
    rows = [[link(urls.relative(page_url, urls.organization(o.code)), o.name), o.reading or "",
             str(counts.get(o.code, 0))] for o in orgs]
    lead = tag("p", f"{PREFECTURES[code - 1]}の団体 {len(orgs)} 件(五十音順)。団体を選ぶと、委託先・提供先・移転先と"
                    "開示請求の窓口が分かります。", class_="pia-count")
    back = tag("p", link(urls.relative(page_url, urls.HOME) + "#pick", "都道府県の一覧へ戻る"), class_="pia-more")
    return lead + table(["団体", "読み", "評価書数"], rows) + back


def prefecture_pages(graph: Graph, options: Any) -> Iterator[Any]:
    """Page family (pages/families.py FAMILIES): one page per 都道府県 that has 団体 in the portal."""
    for code, orgs in by_prefecture(graph).items():
        url = urls.prefecture(code)
        own = [a.id for a in graph.assessments if a.org_code in {o.code for o in orgs}]
        yield md_page(url, reads([f"org:{o.code}" for o in orgs], own), "index.md.j2",
                      title=f"{PREFECTURES[code - 1]}の団体",
                      body=lambda code=code, orgs=orgs, url=url: prefecture_body(graph, code, orgs, url))
