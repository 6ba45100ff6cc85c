"""The small files beside the postings: page metadata shards, the facet table, words and the suggestion lexicon.

Metadata is sharded by the top bits of the doc id (about 16 pages a shard), so the first results need only
the shards of the pages shown. The facet table is one compact binary file for every page (kind, 種類, 判読不能
flag, 団体 numbers), because facet counts and ranking need them for every hit, not just the shown ones.
"""

from __future__ import annotations

import json
from collections import Counter

from generator.load.wareki import parse_date
from generator.outputs.search.ids import ID_BITS, pow2_at_least
from generator.outputs.search.postings import varint
from generator.outputs.search.tokenize import normalize, runs, shown

UNREADABLE = "判読不能"
LEXICON_MAX = 20000


def meta_bits(count: int) -> int:
    """Shard bits: about 16 pages a shard, changing only when the page count doubles."""
    return pow2_at_least(count / 16, 1, 1 << ID_BITS).bit_length() - 1


def to_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def wareki(published: str) -> str:
    """公表日 as the rest of the site prints it (令和6年3月1日); '' when absent."""
    return parse_date(published).wareki if published else ""


def org_names(org: str) -> list[str]:
    return [o for o in shown(org).split("、") if o]


def facet_table(rows: list[tuple[int, int, int, bool, list[int]]]) -> bytes:
    """rows sorted by id of (id, kind, form, unreadable, org numbers) →
    varint gap, byte kind | form<<3 | unreadable<<5, varint org count, varint org numbers."""
    out = bytearray()
    previous = -1
    for doc, kind, form, unreadable, orgs in rows:
        varint(doc - previous, out)
        out.append(kind | form << 3 | int(unreadable) << 5)
        varint(len(orgs), out)
        for o in orgs:
            varint(o, out)
        previous = doc
    return bytes(out)


def lexicon(titles: list[str], synonyms: list[list[str]]) -> list[str]:
    """Known spellings for 「もしかして」: kanji/kana runs and words of titles, and every synonym; frequent first."""
    counts: Counter = Counter()
    for title in titles:
        for run, is_word in runs(normalize(title)):
            if len(run) >= (3 if is_word else 2):
                counts[run] += 1
    for group in synonyms:
        for term in group:
            counts[normalize(term)] += 1
    ranked = sorted(counts, key=lambda t: (-counts[t], t))
    return ranked[:LEXICON_MAX]
