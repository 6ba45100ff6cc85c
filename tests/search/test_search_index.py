"""The index builder (generator/search/index.py) and the files it emits."""

from __future__ import annotations

import json
import os

import mkdocs
import pytest
from lunr.index import Index
from lunr.query import QueryPresence

from generator.search import SearchDoc, build_payload, index_json, plain_text, search_files, search_page_markdown
from generator.search.index import ASSET_DIR, ASSETS

from .synthetic import DOCS


def _lookup(payload: dict, *terms: str) -> set[str]:
    """URLs lunr.py finds with every term required (exact terms, no pipeline), as lunr.js will."""
    index = Index.load(payload["index"])
    query = index.create_query()
    for term in terms:
        query.term(term, use_pipeline=False, presence=QueryPresence.REQUIRED)
    return {payload["docs"][int(r["ref"])]["u"] for r in index.query(query)}


def test_payload_shape():
    payload = build_payload(DOCS)
    assert payload["format"] == 1
    assert payload["fields"] == ["title", "meta", "body"]
    assert [d["u"] for d in payload["docs"]] == sorted(d.url for d in DOCS)
    assert payload["index"]["pipeline"] == []
    assert payload["index"]["version"] == "2.3.9"
    home = next(d for d in payload["docs"] if d["u"] == "")
    assert home == {"u": "", "t": "評価書ポータル", "k": "ページ", "o": "", "f": "", "p": "",
                    "b": "特定個人情報保護評価書を検索できます。"}


def test_shipped_text_is_nfkc_with_case():
    doc = next(d for d in build_payload(DOCS)["docs"] if d["u"] == "assessments/131032-2/")
    assert doc["b"].startswith("HBAによる認証")


def test_terms_are_pretokenised_without_stemming_or_stop_words():
    doc = SearchDoc("x/", "The running systems", "ページ", "", "", "", "宛名")
    terms = {t for t, _ in build_payload([doc])["index"]["invertedIndex"]}
    assert {"the", "running", "systems", "宛", "名", "宛名"} <= terms


def test_lookup_with_lunr_py():
    payload = build_payload(DOCS)
    assert _lookup(payload, "中間", "サー") >= {"assessments/012033-3/", "systems/chukan/"}
    assert _lookup(payload, "hba") == {"systems/atena/", "assessments/131032-2/"}
    assert _lookup(payload, "2024") == {"assessments/012033-3/", "organizations/312011/"}  # meta field: 公表日
    assert _lookup(payload, "港区") == {"systems/chukan/", "assessments/131032-2/", "itakusaki/tokyo-data/",
                                        "teikyosaki/tokyo/"}


def test_terms_in_utf16_order_for_lunr_js():
    doc = SearchDoc("x/", "﨑𠮷ｱ", "ページ", "", "", "", "")  # U+FA11 sorts after U+20BB7 in code points only
    terms = [t for t, _ in build_payload([doc])["index"]["invertedIndex"]]
    assert terms == sorted(terms, key=lambda t: t.encode("utf-16-be"))
    assert terms.index("𠮷") < terms.index("﨑")


def test_deterministic_and_order_independent():
    assert index_json(DOCS) == index_json(list(reversed(DOCS)))
    text = index_json(DOCS).decode("utf-8")
    assert ", " not in text.split('"docs"')[0] and json.loads(text)["format"] == 1


def test_rejects_bad_docs():
    with pytest.raises(ValueError):
        SearchDoc("x/", "t", "記事", "", "", "", "")
    with pytest.raises(ValueError):
        SearchDoc("/x/", "t", "ページ", "", "", "", "")
    with pytest.raises(ValueError):
        build_payload([DOCS[0], DOCS[0]])


def test_search_files():
    files = search_files(DOCS)
    assert list(files) == sorted(files)
    assert set(files) == {"assets/pia-search/" + n for n in ("index.json", "lunr.js", *ASSETS)}
    lunr_path = os.path.join(os.path.dirname(mkdocs.__file__), "contrib/search/templates/search/lunr.js")
    with open(lunr_path, "rb") as f:
        assert files["assets/pia-search/lunr.js"] == f.read()
    for name in ASSETS:
        assert files["assets/pia-search/" + name] == (ASSET_DIR / name).read_bytes()
    assert files["assets/pia-search/index.json"] == index_json(DOCS)


def test_search_page_markdown():
    text = search_page_markdown()
    assert text.startswith("---\ntitle: 検索\n")
    assert 'data-pia-search-page' in text and 'id="pia-search-status"' in text and 'aria-live="polite"' in text
    assert "<noscript>" in text and "JavaScript を有効に" in text
    assert 'href="../assessments/"' in text


def test_term_builder_records_what_lunr_builder_records():
    """The fast add_terms path serialises exactly like lunr.py's own Builder.add with an empty pipeline."""
    from lunr.builder import Builder

    from generator.search.index import FIELDS, _fields, _shipped, _TermBuilder

    def build(builder, add):
        builder.ref("id")
        for name, boost in FIELDS:
            builder.field(name, boost=boost)
        for ref, doc in enumerate(sorted(DOCS, key=lambda d: d.url)):
            add(builder, str(ref), _fields(_shipped(doc)))
        return builder.build().serialize()

    stock = build(Builder(), lambda b, ref, fields: b.add({"id": ref, **fields}))
    fast = build(_TermBuilder(), lambda b, ref, fields: b.add_terms(ref, fields))
    assert json.dumps(stock, sort_keys=True) == json.dumps(fast, sort_keys=True)


def test_plain_text_breaks_blocks():
    html = ('<table><tr><td>東京</td><td>都庁</td></tr></table><p>A &amp; B<br>HBA<script>x()</script></p>'
            '<ul><li><a href="#">宛名</a>システム</li></ul>')
    assert plain_text(html) == "東京\n都庁\nA & B\nHBA\n宛名システム"
