"""Which URLs may become links: the one rule shared by `check` (URL fields) and every rendered href.

Content arrives by pull request, so a URL field could hold `javascript:` or `data:`; escaping the text
does not stop a link from running. Only web addresses (`https:`, `http:`) and the site's own relative
URLs become links. Schemes are read the way browsers read them (WHATWG URL): leading and trailing
spaces and control characters are stripped and tabs and newlines removed first, so `java\tscript:`
and ` javascript:` are seen for what they are.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("https", "http")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_NETWORK_PATH = re.compile(r"^[/\\]{2}")  # //host: another site, with the page's scheme
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\s]")


def _as_browser_reads(href: str) -> str:
    return re.sub(r"[\t\n\r]", "", href).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                               "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")


def is_web_url(text: str) -> bool:
    """An absolute https:/http: URL with a host and no spaces or control characters (what a URL field holds)."""
    if _UNSAFE_CHARS.search(text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed [ in the host
        return False
    return parts.scheme.lower() in ALLOWED_SCHEMES and bool(parts.hostname)


def safe_href(href: object) -> bool:
    """May `href` be rendered as a link? A web URL, or a relative URL of this site (no scheme, no //host)."""
    if not isinstance(href, str):
        return False
    seen = _as_browser_reads(href)
    if _SCHEME.match(seen):
        return is_web_url(href)
    return not _NETWORK_PATH.match(seen)
