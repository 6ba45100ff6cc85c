"""feed.xml: an Atom 1.0 feed of publications (公表日) and changes (変更箇所, one entry per date).

Links are relative and resolve against the feed's own URL (feed.xml sits at the site root),
so the site needs no configured site_url and works under any host or base path. Ids are
urn:uuid (UUID v5 of a fixed key), so an entry keeps its id across builds; `updated` comes
from the content dates only (00:00 JST), never from the clock.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import groupby

from generator.load.wareki import WDate
from generator.model import urls
from generator.model.graph import Graph

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACE = uuid.UUID("6b0c1c1e-8f3a-5d2e-9a51-7069612d706f")  # fixed: changing it changes every id
TITLE = "評価書ポータル 更新情報"
SUMMARY_ITEMS = 5


@dataclass(frozen=True)
class Entry:
    key: str
    date: WDate
    title: str
    summary: str
    href: str
    author: str
    category: str

    @property
    def updated(self) -> str:
        return f"{self.date.year:04d}-{self.date.month:02d}-{self.date.day or 1:02d}T00:00:00+09:00"


def entry_id(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}"


def _line(text: object, limit: int = 60) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def entries(graph: Graph) -> list[Entry]:
    """Every publication and every change date, newest first (ties: assessment id, 公表 before 変更)."""
    out: list[Entry] = []
    for a in graph.assessments:
        org, page = graph.org_of(a).name, urls.assessment(a.id)
        published = a.record["cover"].get("published")
        if isinstance(published, WDate):
            text = f"{org}が{a.form.name}「{a.title}」を{published.wareki}に公表しました。"
            out.append(Entry(f"assessment:{a.id}:published:{published.iso}", published, f"公表: {a.title}({org})",
                             text, page, org, "公表"))
        changes = a.record.get("changes")
        dated = [c for c in changes if isinstance(c.get("date"), WDate)] if isinstance(changes, list) else []
        dated.sort(key=lambda c: c["date"].sort_key())
        for _, group in groupby(dated, key=lambda c: c["date"].sort_key()):
            rows = list(group)
            day: WDate = rows[0]["date"]
            items = " / ".join(_line(r.get("item")) for r in rows[:SUMMARY_ITEMS])
            more = f" ほか{len(rows) - SUMMARY_ITEMS}件" if len(rows) > SUMMARY_ITEMS else ""
            out.append(Entry(f"assessment:{a.id}:changes:{day.iso}", day, f"変更: {a.title}({org}、{len(rows)}件)",
                             f"{day.wareki}の変更 {len(rows)} 件: {items}{more}", f"{page}#changes", org, "変更"))
    return sorted(out, key=lambda e: (tuple(-x for x in e.date.sort_key()), e.key.split(":")[1], e.category != "公表",
                                      e.key))


def _add(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
    el.text = text
    return el


def feed_xml(graph: Graph) -> bytes:
    """The feed document (UTF-8, XML declaration, indented)."""
    ET.register_namespace("", ATOM)
    items = entries(graph)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "ja"})
    _add(root, "id", entry_id("feed"))
    _add(root, "title", TITLE)
    _add(root, "subtitle", "特定個人情報保護評価書の公表と変更箇所(変更日ごと)")
    _add(root, "updated", items[0].updated if items else "1970-01-01T00:00:00Z")
    _add(_add(root, "author"), "name", "評価書ポータル")
    _add(root, "link", rel="self", type="application/atom+xml", href=urls.FEED)
    _add(root, "link", rel="alternate", type="text/html", href="./")
    for e in items:
        el = _add(root, "entry")
        _add(el, "id", entry_id(e.key))
        _add(el, "title", e.title)
        _add(el, "updated", e.updated)
        _add(_add(el, "author"), "name", e.author)
        _add(el, "link", rel="alternate", type="text/html", href=e.href)
        _add(el, "category", term=e.category)
        _add(el, "summary", e.summary)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
