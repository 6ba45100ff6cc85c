"""Which pages the search indexes, with their kind, 団体, 評価書の種類 and 公表日.

Only pages that answer a citizen's question directly are indexed (評価書, ファイル, システム,
委託先, 提供先, 移転先, 団体); 一覧 pages and the home page only repeat them.
"""

from __future__ import annotations

import re

from generator.forms.entities import ENTITY_KINDS
from generator.load.wareki import WDate
from generator.model import urls
from generator.model.graph import Graph
from generator.outputs.search.index import SearchDoc
from generator.outputs.search.text import plain_text

FRONT_MATTER_END = "\n---\n"
HEADING = re.compile(r"^#+ (.*?)(?: \{ #[\w-]+ \})?$", re.MULTILINE)
# A file page repeats its assessment's Ⅱ, 別添 record items and Ⅲ; the assessment page is indexed
# with all of them, so a file page is indexed by its title and its links (システム, 委託先, 提供先,
# 移転先): the index stays small and a search for a 委託先 still finds the files it handles.
FILE_PAGE_END = "## Ⅱ 特定個人情報ファイルの概要"


def _body(markdown: str, end_marker: str | None = None) -> str:
    """Page text without front matter and heading syntax, HTML turned into lines of text."""
    text = markdown.split(FRONT_MATTER_END, 1)[1] if markdown.startswith("---\n") else markdown
    if end_marker and end_marker in text:
        text = text[: text.index(end_marker)]
    return plain_text(HEADING.sub(r"\1", text))


def page_facts(graph: Graph) -> dict[str, tuple[str, str, str, str, str]]:
    """url → (title, kind, 団体, 種類, 公表日) for every indexed page."""
    facts: dict[str, tuple[str, str, str, str, str]] = {}
    for a in graph.assessments:
        org = graph.org_of(a).name
        published = a.record["cover"].get("published")
        date = published.iso if isinstance(published, WDate) else ""
        facts[urls.assessment(a.id)] = (a.title, "評価書", org, a.form.name, date)
        for node in graph.files[a.id]:
            facts[node.url] = (f"{node.name}({a.title})", "ファイル", org, a.form.name, date)
    for kind in ENTITY_KINDS.values():
        label = kind.label
        for e in graph.entities[kind.key].values():
            orgs = "、".join(sorted({graph.org_of(r.assessment).name for r in e.refs}))
            facts[e.url] = (e.name, label, orgs, "", "")
    for org in graph.organizations.values():
        facts[urls.organization(org.code)] = (org.name, "団体", org.name, "", "")
    return facts


def search_doc(url: str, facts: tuple[str, str, str, str, str], markdown: str) -> SearchDoc:
    """The SearchDoc of one rendered page, from its facts (page_facts) and its Markdown."""
    title, kind, org, form, published = facts
    body = _body(markdown, FILE_PAGE_END if kind == "ファイル" else None)
    return SearchDoc(url, title, kind, org, form, published, body)


def search_docs(graph: Graph, pages: dict[str, str | bytes]) -> list[SearchDoc]:
    """SearchDocs for the indexed pages, from their rendered Markdown."""
    docs = []
    for url, facts in sorted(page_facts(graph).items()):
        text = pages[urls.source_path(url)]
        assert isinstance(text, str)
        docs.append(search_doc(url, facts, text))
    return docs
