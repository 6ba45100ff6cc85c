"""Japanese-aware normalisation and tokens for the search index.

The browser does exactly the same in theme/assets/pia-search/tokenize.js (the character classes below are
copied there verbatim); tests/search compares both on tricky strings. Any change here must be made there too.

Why these rules: Japanese has no spaces, so kanji/kana runs become overlapping character bigrams (every
phrase of two or more characters then has all its bigrams in any page that contains it) plus every single
character (so a one-character query is an exact index lookup). Latin letters and digits stay whole words.
"""

from __future__ import annotations

import re
import unicodedata

# Latin letters/digits after folding (İ U+0130 is left out: its lower case is two characters).
WORD_CHARS = "0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u012f\u0131-\u024f"
# Kanji, 々〆〇, hiragana, katakana with ー (not the middle dot ・), CJK extensions and compatibility ideographs.
CJK_CHARS = (
    "\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
)
_RUNS = re.compile(f"([{WORD_CHARS}]+)|([{CJK_CHARS}]+)")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case that never changes the length, so offsets in folded text are offsets in the original."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def display(text: str) -> str:
    """NFKC with whitespace runs collapsed: the text shipped to the browser (matched and shown in snippets)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def normalize(text: str) -> str:
    """NFKC then fold: ＨＢＡ → hba, ２０２４ → 2024, ｶﾞ → ガ. Phrases are matched in this form."""
    return fold(unicodedata.normalize("NFKC", text))


def runs(text: str) -> list[tuple[str, bool]]:
    """(run, is_word) for each Latin/digit word or kanji/kana run of already normalised text."""
    return [(m.group(), m.lastindex == 1) for m in _RUNS.finditer(text)]


def cjk_tokens(run: str) -> list[str]:
    """Every character, then every overlapping bigram, of a kanji/kana run."""
    return list(run) + [run[i:i + 2] for i in range(len(run) - 1)]


def tokens(text: str) -> list[str]:
    """Index terms of any text, in order and with repeats (lunr counts term frequency)."""
    out: list[str] = []
    for run, is_word in runs(normalize(text)):
        out.extend([run] if is_word else cjk_tokens(run))
    return out


# Printed numbering kept as printed in the text shipped for snippets (NFKC would turn ① into 1, Ⅱ into II):
# circled and parenthesised numbers and Roman numerals. Matching still sees their NFKC form.
KEPT = re.compile("([\u2160-\u217f\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]+)")


def shown(text: str) -> str:
    """Like display(), but ①②… and Ⅰ Ⅱ … stay as printed; normalize(shown(x)) == normalize(display(x))."""
    parts = KEPT.split(_SPACES.sub(" ", text).strip())
    return "".join(p if i % 2 else unicodedata.normalize("NFKC", p) for i, p in enumerate(parts))
