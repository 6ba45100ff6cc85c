"""Render a validated record by walking its form spec, so every item appears, in the
order of the official form, with its printed number and label."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.forms.spec import Field, Group, Repeat
from generator.load.values import RECORD_PRINTED, Marker, known, record_marker
from generator.model import urls
from generator.pages.html import join, link, tag
from generator.pages.value_html import Linker, evidence_html, marker_html, partial_html, value_html

MAX_HEADING = 6


def _is_leaf(spec: Field) -> bool:
    return not isinstance(spec.kind, (Group, Repeat))


def record_label(entry: dict[str, Any], entries: list[Any], name: Any) -> str:
    """What an entry heading adds: 推定 when the entry or its name is inferred, else the marker's kind."""
    marker = record_marker(entry) or record_marker(entries)
    return marker.kind if marker is not None else "推定" if isinstance(name, Marker) else ""


def _title_field(spec: Field) -> Field | None:
    """The first child of a repeated entry when it names the entry (委託事項名, 提供先名 …)."""
    first = spec.kind.fields[0] if isinstance(spec.kind, Repeat) and spec.kind.fields else None
    return first if first is not None and _is_leaf(first) and first.key in ("name", "title") else None


class FormRenderer:
    """Walks Fields and values; `linker` turns entity names into links for this page."""

    def __init__(
        self,
        linker: Linker,
        entry_linker: Callable[[Field, dict], str | None] | None = None,
        version: str | None = None,
    ):
        self.linker = linker
        self.entry_linker = entry_linker
        self.version = version

    def rows(
        self,
        fields: tuple[Field, ...],
        record: dict[str, Any],
        level: int,
        anchor: str,
        skip_chapters: bool = True,
        only_present: bool = False,
    ) -> Markup:
        """Leaf items as a two-column table; groups and repeats as sub-sections, in order.

        `only_present`: just the items a partial (判読不能) record has, not 「記載なし」 for the rest.
        """
        out: list[Markup] = []
        pending: list[Markup] = []

        def flush() -> None:
            if pending:
                out.append(
                    Markup('<div class="pia-table-wrap"><table class="pia-items"><tbody>')
                    + join(pending)
                    + Markup("</tbody></table></div>")
                )
                pending.clear()

        for spec in fields:
            if (skip_chapters and spec.chapter) or (only_present and spec.key not in record):
                continue
            value = record.get(spec.key) if isinstance(record, dict) else None
            if _is_leaf(spec):
                pending.append(
                    tag(
                        "tr",
                        tag("th", spec.heading_in(self.version), scope="row")
                        + tag("td", value_html(spec, value, self.linker)),
                    )
                )
            else:
                flush()
                out.append(self.section(spec, value, level, f"{anchor}-{spec.key}"))
        flush()
        return join(out)

    def heading(self, level: int, text: str, anchor: str) -> Markup:
        return tag(f"h{min(level, MAX_HEADING)}", text, id=urls.anchor_id(anchor))

    def section(self, spec: Field, value: Any, level: int, anchor: str) -> Markup:
        """A group or repeating group with its heading."""
        head = self.heading(level, spec.heading_in(self.version), anchor)
        if isinstance(value, Marker):
            return head + self.lost(spec, value, level, anchor)
        head += self.annotations(spec, value)
        if isinstance(spec.kind, Group):
            return head + self.rows(spec.kind.fields, value or {}, level + 1, anchor)
        return head + self.entries(spec, value or [], level + 1, anchor)

    def lost(self, spec: Field, marker: Marker, level: int, anchor: str) -> Markup:
        """A 判読不能/非公表 group or list: the box, then what was read of it, laid out like the form."""
        if isinstance(marker.partial, dict) and isinstance(spec.kind, Group):
            body = self.rows(spec.kind.fields, marker.partial, level + 1, anchor, only_present=True)
        elif isinstance(marker.partial, list) and isinstance(spec.kind, Repeat):
            body = self.entries(spec, marker.partial, level + 1, anchor)
        else:
            return marker_html(marker, spec, self.linker)
        return marker_html(Marker(marker.kind, marker.note), spec, self.linker) + partial_html(body)

    def annotations(self, spec: Field, value: Any) -> Markup:
        """原本の表記 of a group, and the marker of a whole group, entry or list (推定 / 判読不能 / 非公表)."""
        out = []
        printed = value.get(RECORD_PRINTED) if isinstance(value, dict) else None
        if printed:
            out.append(tag("p", f"原本の表記: {printed}", class_="pia-printed"))
        marker = record_marker(value)
        if marker is not None and marker.inferred:
            text = tag("span", "この記載全体が推定です(原本から読み取れた値ではありません)")
            badge = tag("strong", "推定", class_="pia-inferred-badge")
            out.append(tag("div", join([badge, Markup(" "), text, evidence_html(marker.note)]), class_="pia-inferred"))
        elif marker is not None:
            out.append(marker_html(Marker(marker.kind, marker.note), spec, self.linker))
        return join(out)

    def entries(self, spec: Field, entries: list[dict[str, Any]], level: int, anchor: str) -> Markup:
        """Entries of a repeating group, each under 「システム1」「委託事項2: 名称」… headings."""
        kind: Repeat = spec.kind
        if not entries:
            return tag("p", f"{kind.item}の記載なし", class_="pia-empty")
        title = _title_field(spec)
        out = []
        for i, entry in enumerate(entries, 1):
            raw = entry.get(title.key) if title else None
            name = known(raw)
            label = f"{kind.item}{i}: {name}" if isinstance(name, str) and name else f"{kind.item}{i}"
            if name is not raw or (record_marker(entry) or record_marker(entries)) is not None:
                label += f"({record_label(entry, entries, raw)})"  # the heading says so too, in text
            body = self.annotations(spec, entry) + self.entry_rows(kind, entry, level + 1, f"{anchor}-{i}")
            href = self.entry_linker(spec, entry) if self.entry_linker else None
            if href:
                body = (
                    tag("p", link(href, f"{kind.item}{i} のページ(他の評価書・団体での登場も)"), class_="pia-more")
                    + body
                )
            out.append(tag("section", self.heading(level, label, f"{anchor}-{i}") + body, class_="pia-entry"))
        return join(out)

    def entry_rows(self, kind: Repeat, entry: dict[str, Any], level: int, anchor: str) -> Markup:
        """An entry's items; of a 判読不能/非公表 entry only what was read, under 「読み取れた記載」."""
        marker = record_marker(entry)
        if marker is None or marker.inferred:
            return self.rows(kind.fields, entry, level, anchor)
        if not isinstance(marker.partial, dict):
            return Markup("")
        return partial_html(self.rows(kind.fields, marker.partial, level, anchor, only_present=True))

    def chapter_across(
        self, spec: Field, parent: Field, entries: list[dict[str, Any]], level: int, anchor: str
    ) -> Markup:
        """A chapter printed apart from its parent entries (別添1 record items of every file)."""
        out = []
        for i, entry in enumerate(entries, 1):
            name = entry.get("name")
            label = f"({i}) {name if isinstance(name, str) else ''}".rstrip()
            out.append(self.heading(level, label, f"{anchor}-{i}") + value_html(spec, entry.get(spec.key), self.linker))
        return join(out)
