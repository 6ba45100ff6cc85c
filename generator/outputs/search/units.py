"""A page cut into units: unit 0 is its head (title, 団体, 種類, kind, 公表日), units 1… its body in chunks.

Why chunks: postings record which units hold a term, so the browser fetches only the ~2,000 characters
it needs to verify a phrase or cut a snippet, not a whole 90,000-character assessment. Chunks end at line
breaks (a phrase never spans a line: lines are table cells and paragraphs); a longer line is cut with an
overlap, so any phrase up to OVERLAP characters still lies wholly inside one chunk.
"""

from __future__ import annotations

from generator.outputs.search.tokenize import shown

CHUNK = 2000
OVERLAP = 200
MAX_CHUNKS = 50  # unit masks must stay exact in a JavaScript number (53 bits with the head)


def head_lines(title: str, org: str, form: str, kind: str, published: str) -> list[str]:
    """The head as matched: the same fields, in the same order, as the single-file index had."""
    return [shown(title), shown(org), shown(form), kind, published]


def _pieces(line: str, size: int) -> list[str]:
    if len(line) <= size:
        return [line]
    step = size - OVERLAP
    return [line[i:i + size] for i in range(0, len(line) - OVERLAP, step)]


def chunks(body: str) -> list[str]:
    """Body text (already shown()) cut at line breaks into chunks of at most CHUNK characters
    (larger for a page so long that CHUNK would give more than MAX_CHUNKS)."""
    size = max(CHUNK, len(body) // (MAX_CHUNKS - 2))
    while len(out := _pack(body, size)) > MAX_CHUNKS:
        size *= 2
    return out


def _pack(body: str, size: int) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    used = 0
    for line in (p for raw in body.split("\n") for p in _pieces(raw, size)):
        if current and used + 1 + len(line) > size:
            out.append("\n".join(current))
            current, used = [], 0
        current.append(line)
        used += len(line) + (1 if used else 0)
    if current:
        out.append("\n".join(current))
    return out
