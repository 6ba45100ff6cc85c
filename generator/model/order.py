"""Sort keys for lists a resident reads: 五十音 by reading when known, company names without 株式会社.

Kanji have no reading in Unicode, so a name without a recorded 読み sorts by its normalised
text (kana first, then kanji in code-point order); the reading of a 団体 is recorded in its
YAML (読み). Company forms (株式会社, (株), 有限会社 …) are ignored wherever they stand, so
「株式会社HBA」 sorts under H, beside 「HBA」.
"""

from __future__ import annotations

import re
import unicodedata

_FORMS = re.compile(
    r"(株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|一般財団法人|一般社団法人|公益財団法人|公益社団法人|"
    r"特定非営利活動法人|地方独立行政法人|独立行政法人)"
)


def _kana(text: str) -> str:
    """Katakana → hiragana, so both scripts interleave in 五十音 order."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def name_key(name: str, reading: str | None = None) -> tuple[str, str]:
    """Key of a name: its reading (or the name without company forms), then the full name as tie-break."""
    plain = unicodedata.normalize("NFKC", name)
    base = reading or _FORMS.sub("", plain)
    return (_kana("".join(unicodedata.normalize("NFKC", base).split())).casefold(), plain)
