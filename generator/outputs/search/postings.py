"""Terms of a page per unit, their weights, and the binary bucket files that hold the postings.

A bucket file lists its terms in UTF-8 byte order; each term is followed by its postings sorted by doc id:
    varint len, term bytes, varint df, then df × (varint gap<<2 | unit code, [varint mask], weight byte)
unit code 0–2 stands for the unit masks 1, 2, 3 (head, first chunk, both: the common case of a small page),
3 says an explicit varint mask follows. weight is a BM25 term-frequency factor quantised to 1…255, from
this page alone (fixed average length), so one page's change never alters another page's postings.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from generator.outputs.search.tokenize import CJK_CHARS, WORD_CHARS, normalize, tokens

TITLE_BOOST, META_BOOST = 10, 3
K1, B, AVG_LENGTH = 1.2, 0.75, 2000
_SYMBOLS = re.compile(f"[^\\s{WORD_CHARS}{CJK_CHARS}]")


def symbols(text: str) -> set[str]:
    """Characters outside words and kanji/kana runs (＋, ・, ~): indexed singly so `+-*:~^` has lookups."""
    return set(_SYMBOLS.findall(normalize(text)))


@lru_cache(maxsize=1024)  # a Counter of a chunk is ~100-200 KB: 8192 of them held 1.5 GB
def unit_terms(text: str) -> tuple[Counter, frozenset]:
    """(term counts, symbol set) of one unit; cached because boilerplate chunks repeat across pages."""
    return Counter(tokens(text)), frozenset(symbols(text))


def page_terms(head: list[str], body_chunks: list[str]) -> dict[str, tuple[int, int]]:
    """term → (unit mask, weight 1…255) for one page."""
    title = Counter(tokens(head[0]))
    meta: Counter = Counter()
    for line in head[1:]:
        meta.update(tokens(line))
    masks: dict[str, int] = {}
    for t in (*title, *meta, *symbols("\n".join(head))):
        masks[t] = 1
    body: Counter = Counter()
    for n, chunk in enumerate(body_chunks, start=1):
        counts, syms = unit_terms(chunk)
        body.update(counts)
        bit = 1 << n
        for t in (*counts, *syms):
            masks[t] = masks.get(t, 0) | bit
    length = sum(title.values()) + sum(meta.values()) + sum(body.values())
    norm = K1 * (1 - B + B * length / AVG_LENGTH)
    out = {}
    for t, mask in masks.items():
        f = TITLE_BOOST * title.get(t, 0) + META_BOOST * meta.get(t, 0) + body.get(t, 0)
        out[t] = (mask, max(1, min(255, round(255 * f / (f + norm))) if f else 1))
    return out


def varint(n: int, out: bytearray) -> None:
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


class Postings:
    """Postings encoded as they are added (pages must come in increasing id order): memory stays near the
    size of the output, which matters at 10,000 assessments (over 100 million postings)."""

    def __init__(self) -> None:
        self.terms: dict[str, list] = {}  # term → [encoded bytes, previous id, df]

    def add(self, doc: int, page: dict[str, tuple[int, int]]) -> None:
        terms = self.terms
        for term, (mask, weight) in page.items():
            entry = terms.get(term)
            if entry is None:
                entry = terms[term] = [bytearray(), -1, 0]
            out = entry[0]
            code = mask - 1 if mask <= 3 else 3
            varint((doc - entry[1]) << 2 | code, out)
            if code == 3:
                varint(mask, out)
            out.append(weight)
            entry[1] = doc
            entry[2] += 1

    def size(self) -> int:
        """Bytes of all postings (the bucket count follows it, so a bucket stays small at any size)."""
        return sum(len(entry[0]) for entry in self.terms.values())

    def bucket(self, terms: list[str]) -> bytes:
        """Bytes of one bucket holding `terms`, in UTF-8 order."""
        out = bytearray()
        for term in sorted(terms, key=lambda t: t.encode("utf-8")):
            raw = term.encode("utf-8")
            data, _, df = self.terms[term]
            varint(len(raw), out)
            out += raw
            varint(df, out)
            out += data
        return bytes(out)
