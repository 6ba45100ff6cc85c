"""Status on pages: the 【終了】 note and re-assessment date of an assessment, the home-page list."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from generator.forms.dates import REASSESS_YEARS
from generator.load.content import Assessment
from generator.load.wareki import WDate
from generator.model import urls
from generator.model.graph import Graph
from generator.model.status import due_soon, is_ended, reassessment_due, wareki_of
from generator.pages.html import join, link, table, tag


def _time(d: date) -> Markup:
    return tag("time", wareki_of(d), datetime=d.isoformat())


def ended_note(a: Assessment) -> Markup:
    """A visible note on an ended assessment: still published, as a record."""
    ended = a.record.get("ended")
    if not ended:
        return Markup("")
    day = ended.get("date") if isinstance(ended, dict) else None
    shown = ended.get("note") if isinstance(ended, dict) and isinstance(ended.get("note"), str) else None
    when = tag("time", day.wareki, datetime=day.iso) if isinstance(day, WDate) else "日付不明"
    note = f"評価書の表記: {shown}。" if shown else ""
    text = join(["この評価書は終了しています(終了日: ", when, f")。{note}記録として公開を続けています。"])
    return tag("p", text, class_="pia-ended-note", role="note")


def status_rows(a: Assessment, page_url: str) -> list[tuple[str, Markup | str]]:
    """Extra rows of the summary table: re-assessment date, risk answers, open data."""
    due = reassessment_due(a)
    if is_ended(a):
        shown: Markup | str = "終了しているため対象外"
    elif due:
        shown = _time(due) + f"(公表日から{REASSESS_YEARS}年)"
    else:
        shown = "公表日が不明なため算出できません"
    return [
        ("再評価の目安", shown),
        ("リスク対策の自己評価", link(urls.relative(page_url, urls.assessment_risks(a.id)), "リスクごとの評価の一覧")),
        ("オープンデータ", link(urls.relative_file(page_url, urls.assessment_json(a.id)), f"{a.id}.json")),
    ]


def due_soon_html(graph: Graph, page_url: str, today: date) -> Markup:
    """Assessments whose 5-year date is past or within a year of `today`, the build date."""
    items = due_soon(graph, today)
    basis = tag("p", Markup("公表日から") + f"{REASSESS_YEARS}年の再評価の目安が、基準日(" + _time(today)
                + Markup(")から1年以内または既に過ぎている評価書です。基準日はこのサイトを作成した日です。"),
                class_="pia-count")
    if not items:
        return basis + tag("p", "該当する評価書はありません。", class_="pia-empty")
    rows = [[link(urls.relative(page_url, urls.assessment(a.id)), a.title), graph.org_of(a).name,
             _time(due), tag("strong", "過ぎています", class_="pia-rating pia-rating--2") if due < today else "1年以内"]
            for a, due in items]
    return basis + table(["評価書名", "団体", "再評価の目安", "状況"], rows)
