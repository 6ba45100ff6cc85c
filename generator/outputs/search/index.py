"""Build-time split search index: postings in hashed buckets, page metadata and text in small shards.

Why split: one index file grows with the content (47 MB at 1,000 assessments); here the first query fetches
a manifest, the facet table, the buckets of its own terms, the metadata of the pages shown and the text
chunks it needs to verify phrases and cut snippets. Bigram lookups over-approximate (`東京都` would match a
page with `東京` and `京都` apart), so the browser still verifies every phrase as a substring of a unit's text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.forms import FORMS as FORM_SPECS
from generator.forms.entities import ENTITY_KINDS, FLOWS, SYSTEM
from generator.outputs.search.ids import ID_BITS, doc_ids, fnv1a, pow2_at_least
from generator.outputs.search.postings import Postings, page_terms
from generator.outputs.search.shards import UNREADABLE, facet_table, lexicon, meta_bits, org_names, to_json, wareki
from generator.outputs.search.synonyms import load_synonyms
from generator.outputs.search.tokenize import runs, shown
from generator.outputs.search.units import CHUNK, OVERLAP, chunks, head_lines

# What a result is, in the order the facets list them (the worker reads this order from the manifest).
KINDS = ("評価書", SYSTEM.label, "ファイル", *(ENTITY_KINDS[kind].label for kind in FLOWS), "団体", "ページ")
FORMS = ("", *FORM_SPECS)  # "" for pages of no form
SITE_DIR = "assets/pia-search/"
ASSET_DIR = Path(__file__).resolve().parents[3] / "theme" / "assets" / "pia-search"
CONTENT_DIR = Path(__file__).resolve().parents[3] / "content"
ASSETS = ("search.css", "search.js", "tokenize.js")
WORKER = ("tokenize.js", "store.js", "text.js", "worker.js")  # joined into the published worker.js
FORMAT = 2
BUCKET_BYTES = 8192  # about one common term per bucket at 10,000 assessments; a few hundred rare ones when small


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
        if self.form not in FORMS:
            raise ValueError(f"{self.url}: unknown form {self.form!r}")
        if self.url.startswith("/") or "://" in self.url:
            raise ValueError(f"{self.url}: search URLs are site-relative")


def _body_chunks(doc: SearchDoc) -> list[str]:
    return chunks("\n".join(line for line in (shown(raw) for raw in doc.body.split("\n")) if line))


def _is_word(term: str) -> bool:
    found = runs(term)
    return len(found) == 1 and found[0] == (term, True)


DocEntry = tuple[list[str], list[str], dict[str, tuple[int, int]]]  # head lines, body chunks, page terms


def doc_entry(doc: SearchDoc) -> DocEntry:
    """What one page contributes to the index, from that page alone: most of the index's build time, so the
    build computes it where the page is made (in parallel) and keeps it for the next build (build.py)."""
    head = head_lines(doc.title, doc.org, doc.form, doc.kind, doc.published)
    body = _body_chunks(doc)
    return head, body, page_terms(head, body)


def search_files(docs: list[SearchDoc], synonyms: list[list[str]] | None = None,
                 entry_of: Callable[[SearchDoc], DocEntry] = doc_entry) -> dict[str, bytes]:
    """Site-relative path → bytes of everything the search needs in the built site (deterministic).

    synonyms: groups from load_synonyms(content_dir); None reads the repository's content/synonyms.yaml.
    entry_of: doc_entry, or a cached equivalent (it must return exactly what doc_entry would).
    """
    if synonyms is None:
        synonyms = load_synonyms(CONTENT_DIR)
    urls = [d.url for d in docs]
    if len(set(urls)) != len(urls):
        raise ValueError("duplicate search document URLs")
    ids = doc_ids(urls)
    ordered = sorted(docs, key=lambda d: ids[d.url])
    bits = meta_bits(len(docs))
    orgs = sorted({o for d in docs for o in org_names(d.org)})
    org_number = {o: n for n, o in enumerate(orgs)}
    postings = Postings()
    shards: dict[int, list] = defaultdict(list)
    files: dict[str, bytes] = {}
    rows = []
    for d in ordered:
        doc_id = ids[d.url]
        head, body, terms = entry_of(d)
        postings.add(doc_id, terms)
        shard = doc_id >> (ID_BITS - bits)
        shards[shard].append([doc_id, d.url, head[0], d.kind, head[1], d.form, d.published, wareki(d.published),
                              len(body)])
        for n, text in enumerate(body, start=1):
            files[f"{SITE_DIR}t/{shard:x}/{doc_id:x}-{n}.txt"] = text.encode("utf-8")
        rows.append((doc_id, KINDS.index(d.kind), FORMS.index(d.form), UNREADABLE in d.title,
                     [org_number[o] for o in org_names(d.org)]))
    buckets = pow2_at_least(postings.size() / BUCKET_BYTES, 16, 1 << 16)
    grouped: dict[int, list[str]] = defaultdict(list)
    for term in postings.terms:
        grouped[fnv1a(term) % buckets].append(term)
    for bucket in range(buckets):  # empty ones too: a missing file would be a 404 in the console
        files[f"{SITE_DIR}p/{bucket:x}.bin"] = postings.bucket(grouped.get(bucket, []))
    for shard, entries in shards.items():
        files[f"{SITE_DIR}m/{shard:x}.json"] = to_json(entries)
    files[SITE_DIR + "facets.bin"] = facet_table(rows)
    files[SITE_DIR + "words.json"] = to_json(sorted((t for t in postings.terms if _is_word(t)), key=str.encode))
    files[SITE_DIR + "lexicon.json"] = to_json(lexicon([d.title for d in docs], synonyms))
    files[SITE_DIR + "manifest.json"] = to_json({
        "format": FORMAT, "docs": len(docs), "idBits": ID_BITS, "metaBits": bits, "buckets": buckets,
        "chunk": CHUNK, "overlap": OVERLAP, "kinds": list(KINDS), "forms": list(FORMS), "orgs": orgs,
        "synonyms": synonyms})
    for name in ASSETS:
        files[SITE_DIR + name] = (ASSET_DIR / name).read_bytes()
    files[SITE_DIR + "worker.js"] = b"\n".join((ASSET_DIR / name).read_bytes() for name in WORKER)
    return dict(sorted(files.items()))
