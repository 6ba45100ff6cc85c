"""Stable numbers for pages and terms, so a one-page change rewrites only the files that page touches.

Doc ids are slots in a fixed space of 2**20 derived from the URL's hash (linear probing on the rare
collision, in URL order within the chain): adding a page never renumbers the others. Term buckets use
FNV-1a over UTF-8, which worker.js computes the same way.
"""

from __future__ import annotations

import hashlib

ID_BITS = 20
ID_SPACE = 1 << ID_BITS


def home_slot(url: str) -> int:
    """Where a URL's id lives unless another page took that slot first."""
    return int.from_bytes(hashlib.sha1(url.encode("utf-8")).digest()[:4], "big") >> (32 - ID_BITS)


def doc_ids(urls: list[str]) -> dict[str, int]:
    """url → id; deterministic for a given set of URLs, and local under change (only a collision chain moves)."""
    if len(urls) > ID_SPACE // 2:
        raise ValueError(f"too many search documents ({len(urls)}); raise ID_BITS")
    taken: dict[int, str] = {}
    for url in sorted(urls, key=lambda u: (home_slot(u), u)):
        slot = home_slot(url)
        while slot in taken:
            slot = (slot + 1) % ID_SPACE
        taken[slot] = url
    return {url: slot for slot, url in taken.items()}


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes (worker.js: bucketOf)."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def pow2_at_least(n: float, low: int, high: int) -> int:
    """Smallest power of two ≥ n within [low, high]: file counts that change only when size doubles."""
    size = low
    while size < n and size < high:
        size *= 2
    return size
