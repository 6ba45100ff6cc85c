"""Entity names: how the portal decides that two spellings are the same 委託先 or システム.

First normalisation (NFKC, no spaces of any width), then the explicit alias list in
content/aliases.yaml for the cases normalisation cannot decide.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Invisible characters (zero-width, bidi controls): `check` refuses them in content, and comparison drops
# them too, so that no spelling can make a second, identical-looking 委託先 or システム.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_DEFINED_AS = re.compile(r"\(以下「[^」]*」という。?\)")  # 「(以下「既存住基システム」という。)」 defines a short name


def normalize(name: str) -> str:
    """Comparison form of a name: NFKC, no whitespace (株式会社 日立 = 株式会社日立), and no
    『(以下「…」という。)』 definition clause."""
    return _DEFINED_AS.sub("", _SPACES.sub("", _INVISIBLE.sub("", unicodedata.normalize("NFKC", name))))


def canonical(name: str, aliases: dict[str, str]) -> str:
    """The canonical spelling: the alias target if the name (normalised) is a listed variant."""
    table = {normalize(variant): target for variant, target in aliases.items()}
    return table.get(normalize(name), name)


def slug(key: str) -> str:
    """Stable ASCII id for an entity key: a short hash (Japanese names have no ASCII slug)."""
    return hashlib.sha256(normalize(key).encode("utf-8")).hexdigest()[:10]
