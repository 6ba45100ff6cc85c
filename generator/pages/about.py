"""このサイトについて and the accessibility statement, from the operator's settings in one place.

The settings live in mkdocs.yml under `extra: pia:` because the theme's footer (licence, operator)
reads the same values there; this module reads that block so the pages and the footer never disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from generator.load.wareki import WDate
from generator.model import urls
from generator.model.graph import Graph
from generator.pages.html import join, link, tag, ul
from generator.pages.markdown import md_page
from generator.pages.pages import ALL, reads

CONFIG = Path(__file__).resolve().parent.parent.parent / "mkdocs.yml"
ABOUT, ACCESSIBILITY = urls.ABOUT, urls.ACCESSIBILITY
REQUIRED = ("operator", "contact", "licence", "licence_url", "licence_note", "ppc_url", "accessibility")


@functools.cache
def settings(config: Path = CONFIG) -> dict[str, Any]:
    """`extra.pia` of mkdocs.yml; every key of REQUIRED must be there (a missing one fails the build)."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    pia = (data.get("extra") or {}).get("pia") or {}
    missing = [k for k in REQUIRED if k not in pia]
    if missing:
        raise ValueError(f"{config.name}: extra.pia: 設定がありません: {', '.join(missing)} (missing settings)")
    return pia


def _external(url: str, text: str) -> Markup:
    return link(url, text, rel="external") if url.startswith(("https://", "http://")) else tag("span", text)


def _wareki(d: date) -> Markup:
    return tag("time", WDate(d.year, d.month, d.day).wareki, datetime=d.isoformat())


def about_body(graph: Graph, today: date, page_url: str = ABOUT) -> Markup:
    s = settings()
    facts = [
        ("運営者", s["operator"]),
        ("問い合わせ先", s["contact"]),
        ("更新日", _wareki(today)),
        ("収録", f"{len(graph.organizations)} 団体、評価書 {len(graph.assessments)} 件"),
        ("データの利用条件", join([_external(s["licence_url"], s["licence"]), f"({s['licence_note']})"])),
    ]
    rows = join(tag("tr", tag("th", k, scope="row") + tag("td", v)) for k, v in facts)
    table = Markup('<div class="pia-table-wrap"><table class="pia-items"><tbody>') + rows + Markup(
        "</tbody></table></div>")
    return tag("div", join([
        tag("p", "このサイトは、地方公共団体が公表している特定個人情報保護評価書(マイナンバーを扱う事務の"
                 "プライバシー影響評価)を、検索・比較しやすい形に転記して公開しています。"),
        tag("p", tag("strong", "このサイトの内容は転記です。原本(団体が公表したPDF)と違いがあるときは、原本が正です。")
            + "読み取れなかった箇所は「原本から読み取れませんでした」と表示し、"
            "推し量った値には「推定」と表示しています。"),
        table,
        tag("h2", "評価書の原本を探す", id="originals"),
        tag("p", join(["すべての評価書の原本は、個人情報保護委員会の",
                       _external(s["ppc_url"], "特定個人情報保護評価のページ(公表された評価書の検索)"),
                       "と、各団体のウェブサイトで公表されています。各評価書のページのタイトルの下にも、"
                       "登録されていれば原本へのリンクがあります。"])),
        tag("h2", "オープンデータ", id="open-data"),
        tag("p", join(["評価書の内容は ", link(urls.relative(page_url, urls.OPEN_DATA), "オープンデータ"),
                       " として JSON と CSV でも提供しています。",
                       f"利用条件は {s['licence']}({s['licence_note']})です。"])),
        tag("h2", "アクセシビリティ", id="accessibility"),
        tag("p", link(urls.relative(page_url, ACCESSIBILITY), "アクセシビリティ方針と試験結果")),
    ]), class_="pia-prose")


def accessibility_body(today: date, page_url: str = ACCESSIBILITY) -> Markup:
    a = settings()["accessibility"]
    facts = [
        ("規格", "JIS X 8341-3:2016(高齢者・障害者等配慮設計指針—情報通信における機器,"
                 "ソフトウェア及びサービス—第3部:ウェブコンテンツ)"),
        ("目標とする適合レベル", a.get("target", "")),
        ("対象", a.get("scope", "")),
        ("試験の方法", a.get("method", "")),
        ("試験の結果", a.get("result", "")),
        ("試験日", a.get("tested", "")),
    ]
    rows = join(tag("tr", tag("th", k, scope="row") + tag("td", v)) for k, v in facts)
    table = Markup('<div class="pia-table-wrap"><table class="pia-items"><tbody>') + rows + Markup(
        "</tbody></table></div>")
    limits = a.get("known_issues") or []
    return tag("div", join([
        tag("p", "このサイトは、誰もが評価書の内容を読めるよう、ウェブアクセシビリティに取り組んでいます。"),
        table,
        tag("h2", "分かっている課題", id="known-issues"),
        ul(limits) if limits else tag("p", "現在、分かっている課題はありません。"),
        tag("p", join(["お気づきの点は ", link(urls.relative(page_url, ABOUT), "このサイトについて"),
                       " の問い合わせ先までお知らせください。"])),
    ]), class_="pia-prose")


def about_pages(graph: Graph, options: Any) -> Iterator[Any]:
    """Page family for pages/families.py FAMILIES: このサイトについて and アクセシビリティ (both in the nav)."""
    yield md_page(ABOUT, reads(ALL), "index.md.j2", title="このサイトについて",
                  description="運営者、問い合わせ先、データの利用条件、原本の探し方",
                  body=lambda: about_body(graph, options.today))
    yield md_page(ACCESSIBILITY, reads(ALL), "index.md.j2", title="アクセシビリティ",
                  description="JIS X 8341-3:2016 への対応と試験結果", body=lambda: accessibility_body(options.today))
