"""Open data in the built site: JSON against its published schema, CSV row counts, the Atom feed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from jsonschema import Draft202012Validator

from generator.forms.meta import assessment_meta
from generator.load.wareki import WDate
from generator.model import urls
from generator.outputs.opendata.records import value_json
from generator.outputs.opendata.tables import TABLES

from . import real_content
from .plain_yaml import fidelity, record, records
from .sitecheck import parse

GRAPH = real_content.graph()
ATOM = "{http://www.w3.org/2005/Atom}"


def _json(site: Path, path: str) -> object:
    return json.loads((site / path).read_text(encoding="utf-8"))


def _validator(site: Path, path: str) -> Draft202012Validator:
    schema = _json(site, path)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_every_record_validates_against_the_published_schema(site: Path) -> None:
    validator = _validator(site, urls.SCHEMA)
    for a in GRAPH.assessments:
        data = _json(site, urls.assessment_json(a.id))
        errors = [f"{list(e.absolute_path)}: {e.message[:120]}" for e in validator.iter_errors(data)]
        assert errors == [], a.id
        assert data["評価書ID"] == a.id and data["種類"] == a.form.name
        meta = [f.label for f in assessment_meta()]  # 団体, 様式, 様式の版, 出典, … then the form in its order
        assert list(data["評価書"]) == [*meta, *(f.label for f in a.form.root.kind.fields)]
        assert meta[:4] == ["団体", "様式", "様式の版", "出典"] and "終了" in meta


def test_schema_rejects_a_wrong_choice_and_an_unknown_key(site: Path) -> None:
    validator = _validator(site, urls.SCHEMA)
    a = GRAPH.assessments[0]
    data = _json(site, urls.assessment_json(a.id))
    data["評価書"]["基本情報"]["特定個人情報ファイルを取り扱う事務"]["対象人数"] = "100億人"
    data["評価書"]["表紙"]["余計な項目"] = "x"
    assert len(list(validator.iter_errors(data))) >= 2


def test_record_json_mirrors_the_yaml_values() -> None:
    a = next(a for a in GRAPH.assessments if a.id == "012033-3")
    cover = a.form.root.child("cover")
    out = value_json(cover, a.record["cover"])
    assert out["公表日"] == {"西暦": "2023-04-03", "和暦": "令和5年4月3日"}
    assert out["評価書名"] == a.title == record("012033-3")["表紙"]["評価書名"]
    assert out["評価書名"] == "軽自動車税に関する事務 重点項目評価書"  # 000:L6


def test_catalogue_lists_every_assessment_with_working_urls(site: Path) -> None:
    data = _json(site, urls.CATALOGUE)
    assert list(_validator(site, urls.CATALOGUE_SCHEMA).iter_errors(data)) == []
    assert [e["評価書ID"] for e in data["評価書の一覧"]] == [a.id for a in GRAPH.assessments]
    assert sorted(e["評価書ID"] for e in data["評価書の一覧"]) == [aid for aid, _ in records()]  # one per YAML file
    for entry in data["評価書の一覧"]:
        assert (site / entry["評価書のページ"] / "index.html").exists()
        assert (site / entry["評価書のデータ"]).exists()
        assert entry["状態"] in ("公表中", "終了")


def _csv(site: Path, name: str) -> list[dict[str, str]]:
    raw = (site / urls.data_file(name)).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    table = next(t for t in TABLES if t.name == name)
    assert rows[0] == [c for c, _ in table.columns]
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def _files():
    return [node for a in GRAPH.assessments for node in GRAPH.files[a.id]]


def _count(node, *path: str) -> int:
    value = node.record
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return len(value) if isinstance(value, list) else 0


def test_entrustments_csv_has_one_row_per_entrustment(site: Path) -> None:
    rows = _csv(site, "entrustments.csv")
    assert len(rows) == sum(_count(n, "outsourcing", "entrustments") for n in _files())
    assert len(rows) == sum(len(n.links["contractor"]) for n in _files())
    assert any(r["委託先"] == "日本電気株式会社北海道支社" and r["団体"] == "小樽市" for r in rows)


def test_provisions_transfers_csv_has_one_row_per_recipient(site: Path) -> None:
    rows = _csv(site, "provisions-transfers.csv")
    for kind, key, link in (("提供", "provisions", "recipient"), ("移転", "transfers", "transferee")):
        mine = [r for r in rows if r["区分"] == kind]
        assert len(mine) == sum(_count(n, "provision_transfer", key) for n in _files())
        assert len(mine) == sum(len(n.links[link]) for n in _files())
    otaru = [r for r in rows if r["評価書ID"] == "012033-1" and r["提供先・移転先"] == "財政部 市民税課"]
    assert len(otaru) == 1 and otaru[0]["法令上の根拠"] and otaru[0]["方法"]


def test_systems_and_files_csv(site: Path) -> None:
    assert len(_csv(site, "systems.csv")) == sum(len(GRAPH.systems_of[a.id]) for a in GRAPH.assessments)
    rows = _csv(site, "files.csv")
    assert len(rows) == len(_files())
    assert all((site / r["ファイルのページ"] / "index.html").exists() for r in rows)


@pytest.mark.parametrize(("table", "kind", "counted"), [
    ("entrustments.csv", None, "委託"),
    ("provisions-transfers.csv", "提供", "提供先"),
    ("provisions-transfers.csv", "移転", "移転先"),
    ("systems.csv", None, "システム"),
    ("files.csv", None, "ファイル"),
])
def test_csv_rows_per_assessment_equal_the_reviewed_count_file(site: Path, table: str, kind: str | None,
                                                                counted: str) -> None:
    """The oracle is content/fidelity.yaml (each counted thing cites its line in content/sources/), not the graph."""
    rows = [r for r in _csv(site, table) if kind is None or r["区分"] == kind]
    expected = {aid: len(entry[counted]) for aid, entry in fidelity().items() if entry[counted]}
    assert dict(Counter(r["評価書ID"] for r in rows)) == expected


def _feed(site: Path) -> ET.Element:
    return ET.parse(site / urls.FEED).getroot()


def test_feed_is_atom_with_one_entry_per_publication_and_change_date(site: Path) -> None:
    root = _feed(site)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    expected = 0
    for a in GRAPH.assessments:
        expected += isinstance(a.record["cover"].get("published"), WDate)
        expected += len({c["date"].iso for c in a.record.get("changes") or [] if isinstance(c.get("date"), WDate)})
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == expected
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(("urn:uuid:", "tag:")) for i in ids)
    for e in entries:
        for name in ("id", "title", "updated", "link", "summary"):
            assert e.find(f"{ATOM}{name}") is not None, name
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == updated[0]


def test_feed_links_resolve_to_existing_pages(site: Path) -> None:
    feed_url = "http://portal.example/base/" + urls.FEED
    for e in _feed(site).findall(f"{ATOM}entry"):
        href = urljoin(feed_url, e.find(f"{ATOM}link").get("href"))
        parts = urlsplit(href)
        assert parts.path.startswith("/base/")
        page = site / parts.path.removeprefix("/base/") / "index.html"
        assert page.exists(), href
        if parts.fragment:
            assert parts.fragment in parse(page).ids, href


@pytest.mark.parametrize("url", ["", urls.assessment("012033-3"), urls.OPEN_DATA])
def test_every_page_links_the_feed_in_its_head(site: Path, url: str) -> None:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert 'rel="alternate" type="application/atom+xml"' in head
    href = head.split('type="application/atom+xml"')[1].split('href="')[1].split('"')[0]
    assert (site / url / href).resolve() == (site / urls.FEED).resolve()


def test_open_data_page_links_every_file(site: Path) -> None:
    page = site / urls.OPEN_DATA / "index.html"
    targets = {(page.parent / href).resolve() for href in parse(page).links if not href.startswith(("http", "#"))}
    for path in [urls.CATALOGUE, urls.SCHEMA, urls.CATALOGUE_SCHEMA, urls.FEED,
                 *(urls.data_file(t.name) for t in TABLES)]:
        assert (site / path).resolve() in targets, path
    # each assessment's JSON is linked from its own page (the open-data page must not grow with the corpus)
    for a in GRAPH.assessments:
        own = site / urls.assessment(a.id) / "index.html"
        links = {(own.parent / href).resolve() for href in parse(own).links if not href.startswith(("http", "#"))}
        assert (site / urls.assessment_json(a.id)).resolve() in links, a.id


# The files as version 1.0 published them: its English keys and its CSV names (read from a build of that version).
VERSION_1_KEYS = ("schema_version", "id", "url", "json", "licence", "name", "note", "assessments", "status", "iso",
                  "wareki")
VERSION_1_CSV = ("itaku.csv", "teikyo-iten.csv", "systems.csv", "files.csv")


class _Texts(HTMLParser):
    """The text of every element with one of the given tag names (outermost only)."""

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__()
        self.names, self.depth, self.texts, self._buf = names, 0, [], []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.names:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.names and self.depth:
            self.depth -= 1
            if not self.depth:
                self.texts.append("".join(self._buf).strip())
                self._buf = []

    def handle_data(self, data: str) -> None:
        if self.depth:
            self._buf.append(data)


def _texts(html: str, *names: str) -> list[str]:
    parser = _Texts(names)
    parser.feed(html)
    return parser.texts


def _keys(node: object) -> set[str]:
    if isinstance(node, dict):
        return set(node).union(*(_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(v) for v in node))
    return set()


def _published_keys(site: Path) -> set[str]:
    files = [site / urls.CATALOGUE, *sorted((site / "data" / "assessments").glob("*.json"))]
    return set().union(*(_keys(json.loads(f.read_text(encoding="utf-8"))) for f in files))


def _described(node: object) -> set[str]:
    """Property names that carry a title or description anywhere in a JSON Schema."""
    if isinstance(node, list):
        return set().union(*(_described(v) for v in node))
    if not isinstance(node, dict):
        return set()
    props = node.get("properties") if isinstance(node.get("properties"), dict) else {}
    mine = {k for k, v in props.items() if isinstance(v, dict) and (v.get("title") or v.get("description"))}
    return mine.union(*(_described(v) for v in node.values()))


def _open_data_html(site: Path) -> str:
    return (site / urls.OPEN_DATA / "index.html").read_text(encoding="utf-8")


def test_every_published_key_is_japanese(site: Path) -> None:
    keys = _published_keys(site)
    assert len(keys) > 200  # the form labels are there
    assert sorted(k for k in keys if k.isascii()) == []


def test_every_published_key_is_described_in_the_schema(site: Path) -> None:
    described = _described(_json(site, urls.SCHEMA)) | _described(_json(site, urls.CATALOGUE_SCHEMA))
    assert sorted(_published_keys(site) - described) == []


def test_every_published_key_is_documented_on_the_page_or_in_the_guide(site: Path) -> None:
    """Keys outside the form are in the page's tables; form labels end a heading of the guide pages it links."""
    page = site / urls.OPEN_DATA / "index.html"
    on_page = set(_texts(_open_data_html(site), "code"))
    guides = {(page.parent / href).resolve() for href in parse(page).links if "guide/" in href}
    assert len(guides) == 3  # the guide and one page per form
    headings = [h.removesuffix("#") for g in guides  # "#" is mkdocs' permalink at the end of each heading
                for h in _texts((g / "index.html").read_text(encoding="utf-8"), "h2", "h3", "h4", "h5", "h6")]
    missing = [k for k in _published_keys(site) if k not in on_page and not any(h.endswith(k) for h in headings)]
    assert sorted(missing) == []


def _csv_section(site: Path, name: str) -> str:
    """The part of the page (between h3 headings) that links the CSV file."""
    chunks = [c for c in _open_data_html(site).split("<h3") if f'data/{name}"' in c]
    assert len(chunks) == 1, name
    return chunks[0]


def test_every_csv_column_is_documented_on_the_page(site: Path) -> None:
    names = sorted(p.name for p in (site / "data").glob("*.csv"))
    assert set(VERSION_1_CSV) <= set(names)
    for name in names:
        raw = (site / "data" / name).read_bytes().decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(raw, newline="")))
        cells = _texts(_csv_section(site, name), "td")
        assert [c for c in header if c not in cells] == [], name


def test_old_csv_names_are_the_same_files_marked_as_old(site: Path) -> None:
    renamed = [t for t in TABLES if t.legacy]
    assert {t.legacy for t in renamed} == set(VERSION_1_CSV) - {t.name for t in TABLES}
    for t in renamed:
        assert (site / urls.data_file(t.legacy)).read_bytes() == (site / urls.data_file(t.name)).read_bytes()
        section = _csv_section(site, t.legacy)
        assert "旧名" in section and f'data/{t.name}"' in section
        assert f'id="csv-{t.legacy.removesuffix(".csv")}"' in section  # old anchors still land here


def test_the_page_states_the_schema_version_and_every_renamed_key(site: Path) -> None:
    version = _json(site, urls.CATALOGUE)["スキーマの版"]
    assert version != "1.0" and version == _json(site, urls.assessment_json(GRAPH.assessments[0].id))["スキーマの版"]
    html = _open_data_html(site)
    assert f"<code>{version}</code>" in html
    renamed = [r for r in html.split("<tr>") if "<code>" in r and "</td>" in r]
    old = {_texts(r, "code")[0] for r in renamed if len(_texts(r, "code")) == 2}
    assert set(VERSION_1_KEYS) <= old
