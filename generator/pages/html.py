"""Small HTML builders over escaped text; every function returns Markup."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from generator.load.weburl import safe_href
from generator.pages.escape import attr, esc


def tag(name: str, body: object, **attrs: object) -> Markup:
    """<name attrs>body</name>; attribute names use '_' for '-' and a trailing '_' for keywords.

    An `href` that is not a web or site-relative URL (javascript:, data:, //host) is left out."""
    if "href" in attrs and not safe_href(attrs["href"]):
        attrs["href"] = None
    rendered = "".join(f' {k.rstrip("_").replace("_", "-")}="{attr(v)}"' for k, v in attrs.items() if v is not None)
    return Markup(f"<{name}{rendered}>{esc(body)}</{name}>")


def link(href: object, text: object, **attrs: object) -> Markup:
    """The one way to a link: site-relative and https:/http: URLs only; anything else is shown as text."""
    if not safe_href(href):
        return tag("span", text)
    return tag("a", text, href=href, **attrs)


def join(parts: Iterable[object], sep: str = "") -> Markup:
    return Markup(sep).join(esc(p) for p in parts)


def ul(items: Iterable[object], class_: str | None = None) -> Markup:
    return tag("ul", join(tag("li", i) for i in items), class_=class_)


def table(
    head: list[str], rows: Iterable[list[object]], class_: str = "pia-table", caption: str | None = None
) -> Markup:
    """A data table with column header cells (scope=col)."""
    thead = tag("thead", tag("tr", join(tag("th", h, scope="col") for h in head)))
    # data-label: on a phone each row is shown as a card, the column name before each value (pia.css).
    body = tag("tbody", join(tag("tr", join(tag("td", c, data_label=h) for h, c in zip(head, row, strict=False)))
                             for row in rows))
    cap = tag("caption", caption) if caption else Markup("")
    return Markup('<div class="pia-table-wrap">') + tag("table", cap + thead + body, class_=class_) + Markup("</div>")


def rich_text(value: str) -> Markup:
    """Paragraphs (blank-line separated); lines starting with ・ or - become list items."""
    blocks = []
    for para in [p for p in value.split("\n\n") if p.strip()]:
        lines = para.split("\n")
        if all(line.lstrip().startswith(("・", "- ")) for line in lines if line.strip()) and len(lines) > 1:
            items = [
                line.lstrip()[1:].lstrip() if line.lstrip().startswith("・") else line.lstrip()[2:]
                for line in lines
                if line.strip()
            ]
            blocks.append(ul(items, class_="pia-dots"))
        else:
            blocks.append(tag("p", Markup("<br>").join(esc(line) for line in lines)))
    return join(blocks)
