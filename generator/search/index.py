"""Build-time search index: lunr.py over pre-tokenised fields, plus each page's text for phrase checks.

Why ship the text: bigram lookups over-approximate (`東京都` would match a page with `東京` and `京都` far
apart), so the browser verifies every phrase as a substring of the page's normalised text before showing it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.field_ref import FieldRef

from .tokenize import display, tokens

KINDS = ("評価書", "システム", "ファイル", "委託先", "提供先", "移転先", "団体", "ページ")
FIELDS = (("title", 10), ("meta", 3), ("body", 1))
SITE_DIR = "assets/pia-search/"
INDEX_NAME = "index.json"
ASSET_DIR = Path(__file__).resolve().parents[2] / "theme" / "assets" / "pia-search"
ASSETS = ("search.css", "search.js", "tokenize.js", "worker.js")
FORMAT = 1


@dataclass(frozen=True)
class SearchDoc:
    """One page of the portal as the search sees it; url is site-relative ('assessments/012033-3/')."""

    url: str
    title: str
    kind: str
    org: str
    form: str
    published: str
    body: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.url}: unknown search kind {self.kind!r}")
        if self.url.startswith("/") or "://" in self.url:
            raise ValueError(f"{self.url}: search URLs are site-relative")


def _shipped(doc: SearchDoc) -> dict[str, str]:
    """What the browser gets for one page: short keys, text already NFKC'd (but not lower-cased, for display)."""
    return {"u": doc.url, "t": display(doc.title), "k": doc.kind, "o": display(doc.org), "f": display(doc.form),
            "p": doc.published, "b": display(doc.body)}


def _fields(shipped: dict[str, str]) -> dict[str, list[str]]:
    """Token lists per lunr field; meta fields are tokenised one by one so no bigram spans two of them."""
    meta = [t for key in ("o", "f", "k", "p") for t in tokens(shipped[key])]
    return {"title": tokens(shipped["t"]), "meta": meta, "body": tokens(shipped["b"])}


class _TermBuilder(Builder):
    """lunr.py's Builder fed term lists directly.

    Builder.add runs lunr's Tokenizer, which deep-copies a metadata dict per token: most of the build time for
    Japanese text (one unigram and one bigram per character). add_terms records exactly what Builder.add records
    for an empty pipeline and no metadata (tests compare both); scoring, vectors and serialisation stay lunr's.
    """

    def add_terms(self, doc_ref: str, fields: dict[str, list[str]]) -> None:
        self._documents[doc_ref] = {}
        self.document_count += 1
        for field_name in self._fields:
            terms = fields[field_name]
            field_ref = str(FieldRef(doc_ref, field_name))
            self.field_term_frequencies[field_ref] = frequencies = Counter(terms)
            self.field_lengths[field_ref] = len(terms)
            for term in frequencies:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][doc_ref] = {}


def _utf16(term: str) -> bytes:
    return term.encode("utf-16-be")


def build_payload(docs: list[SearchDoc]) -> dict:
    """The index JSON as a dict: docs sorted by URL, refs are positions in `docs`."""
    ordered = sorted(docs, key=lambda d: d.url)
    urls = [d.url for d in ordered]
    if len(set(urls)) != len(urls):
        raise ValueError("duplicate search document URLs")
    shipped = [_shipped(d) for d in ordered]
    builder = _TermBuilder()  # empty pipelines: no stemmer, stop words or trimmer (they would eat Japanese)
    builder.ref("id")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(shipped):
        builder.add_terms(str(ref), _fields(doc))
    index = builder.build().serialize()
    # lunr.js inserts terms into its token set in JS string (UTF-16) order and throws on any other order.
    index["invertedIndex"].sort(key=lambda pair: _utf16(pair[0]))
    return {"format": FORMAT, "fields": [name for name, _ in FIELDS], "docs": shipped, "index": index}


def index_json(docs: list[SearchDoc]) -> bytes:
    """Deterministic bytes: sorted keys, compact separators, UTF-8."""
    text = json.dumps(build_payload(docs), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def lunr_js() -> bytes:
    """lunr.js 2.3.9 as shipped inside the installed mkdocs package (no CDN, no copy in the repo)."""
    import mkdocs

    path = os.path.join(os.path.dirname(mkdocs.__file__), "contrib", "search", "templates", "search", "lunr.js")
    with open(path, "rb") as f:
        return f.read()


def search_files(docs: list[SearchDoc]) -> dict[str, bytes]:
    """Site-relative path → bytes of everything the search needs in the built site."""
    files = {SITE_DIR + INDEX_NAME: index_json(docs), SITE_DIR + "lunr.js": lunr_js()}
    for name in ASSETS:
        files[SITE_DIR + name] = (ASSET_DIR / name).read_bytes()
    return dict(sorted(files.items()))
