"""The split index builder (generator/outputs/search/) and the files it emits."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from generator.load.problems import ContentError
from generator.outputs.search import SearchDoc, plain_text, search_files, search_page_markdown, tokens
from generator.outputs.search.ids import ID_SPACE, doc_ids, fnv1a
from generator.outputs.search.index import ASSET_DIR, ASSETS, WORKER
from generator.outputs.search.synonyms import load_synonyms
from generator.outputs.search.tokenize import normalize, shown
from generator.outputs.search.units import CHUNK, MAX_CHUNKS, OVERLAP, chunks

from .synthetic import DOCS

SYN = [["マイナンバー", "個人番号"]]
P = "assets/pia-search/"


def read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def decode_bucket(data: bytes) -> dict[str, list[tuple[int, int, int]]]:
    """The reference decoder of postings.encode_bucket (worker.js/store.js decodeBucket does the same)."""
    out, at = {}, 0
    while at < len(data):
        length, at = read_varint(data, at)
        term = data[at:at + length].decode("utf-8")
        df, at = read_varint(data, at + length)
        doc, postings = -1, []
        for _ in range(df):
            v, at = read_varint(data, at)
            doc += v >> 2
            mask = (v & 3) + 1
            if v & 3 == 3:
                mask, at = read_varint(data, at)
            postings.append((doc, mask, data[at]))
            at += 1
        out[term] = postings
    return out


def postings(files: dict[str, bytes], term: str) -> list[tuple[int, int, int]]:
    buckets = json.loads(files[P + "manifest.json"])["buckets"]
    return decode_bucket(files[f"{P}p/{fnv1a(term) % buckets:x}.bin"]).get(term, [])


def pages(files: dict[str, bytes]) -> dict[int, list]:
    return {row[0]: row for path, data in files.items() if path.startswith(P + "m/") for row in json.loads(data)}


def test_files_and_no_single_index():
    files = search_files(DOCS, SYN)
    assert list(files) == sorted(files)
    assert P + "index.json" not in files and P + "lunr.js" not in files
    for name in ("manifest.json", "facets.bin", "words.json", "lexicon.json", "worker.js", *ASSETS):
        assert P + name in files
    for name in ASSETS:
        assert files[P + name] == (ASSET_DIR / name).read_bytes()
    worker = files[P + "worker.js"].decode()
    assert all((ASSET_DIR / name).read_text() in worker for name in WORKER)
    manifest = json.loads(files[P + "manifest.json"])
    assert manifest["format"] == 2 and manifest["docs"] == len(DOCS) and manifest["synonyms"] == SYN
    assert sum(1 for f in files if f.startswith(P + "p/")) == manifest["buckets"]
    assert {row[1] for row in pages(files).values()} == {d.url for d in DOCS}


def test_postings_find_exactly_the_pages_with_the_term():
    files = search_files(DOCS, SYN)
    url = {i: row[1] for i, row in pages(files).items()}
    for term in ("hba", "中間", "都", "2024", "+", "宛名"):
        want = {d.url for d in DOCS if term in tokens(" ".join([d.title, d.org, d.form, d.kind, d.published, d.body]))
                or term in normalize(d.title + d.body + d.org)}
        assert {url[i] for i, _, _ in postings(files, term)} == want, term


def test_unit_masks_point_at_the_chunk_with_the_term():
    body = "\n".join(f"行{i} " + "あ" * 300 for i in range(20)) + "\n宛名番号はここ"
    doc = SearchDoc("x/", "題", "ページ", "", "", "", body)
    files = search_files([doc], SYN)
    ((doc_id, mask, _),) = postings(files, "宛名")
    unit = mask.bit_length() - 1
    assert mask == 1 << unit and unit > 1
    assert "宛名番号" in files[f"{P}t/0/{doc_id:x}-{unit}.txt"].decode().replace("\n", "")
    assert postings(files, "題")[0][1] == 1  # the title is unit 0


def test_title_weighs_more_than_body():
    a = SearchDoc("a/", "宛名システム", "システム", "", "", "", "本文")
    b = SearchDoc("b/", "別の名前", "システム", "", "", "", "宛名システムを使う。")
    weights = {d: w for d, _, w in postings(search_files([a, b], SYN), "宛名")}
    ids = doc_ids(["a/", "b/"])
    assert weights[ids["a/"]] > weights[ids["b/"]]


def test_deterministic_and_order_independent():
    assert search_files(DOCS, SYN) == search_files(list(reversed(DOCS)), SYN)


def test_one_new_page_touches_only_its_own_files():
    before = search_files(DOCS, SYN)
    extra = SearchDoc("systems/new/", "新しい宛名システム", "システム", "港区", "", "", "宛名を管理する。")
    after = search_files([*DOCS, extra], SYN)
    changed = {p for p in set(before) | set(after) if before.get(p) != after.get(p)}
    buckets = json.loads(after[P + "manifest.json"])["buckets"]
    own = {f"{P}p/{fnv1a(t) % buckets:x}.bin" for t in tokens("新しい宛名システム 港区 システム 宛名を管理する。")}
    own |= {f"{P}p/{fnv1a(c) % buckets:x}.bin" for c in "。"}
    meta = {p for p in changed if p.startswith(P + "m/")}
    assert len(meta) == 1 and len([p for p in changed if p.startswith(P + "t/")]) == 1
    assert changed - own - meta <= {P + n for n in ("manifest.json", "facets.bin", "lexicon.json")} | {
        p for p in changed if p.startswith(P + "t/")}


def test_stable_ids_and_collisions():
    urls = [f"page/{i}/" for i in range(5000)]
    ids = doc_ids(urls)
    assert len(set(ids.values())) == len(urls) and all(0 <= i < ID_SPACE for i in ids.values())
    fewer = doc_ids(urls[:-1])
    assert sum(fewer[u] != ids[u] for u in fewer) <= 1  # only a collision chain can move


def test_chunks_end_at_lines_and_overlap_long_lines():
    lines = [f"{i:04d}" + "字" * 500 for i in range(30)]
    parts = chunks("\n".join(lines))
    assert all(len(c) <= CHUNK for c in parts)
    assert "\n".join(parts).split("\n") == lines
    long = "".join(f"{i:05d}" for i in range(2000))  # one 10,000-character line
    pieces = chunks(long)
    for at in range(0, len(long) - OVERLAP, 997):
        phrase = long[at:at + OVERLAP]
        assert any(phrase in c for c in pieces)
    assert len(chunks("\n".join("字" * 1500 for _ in range(400)))) <= MAX_CHUNKS


def test_shown_keeps_printed_numbering():
    assert shown("①事務の名称　ＨＢＡ Ⅱ ㈱") == "①事務の名称 HBA Ⅱ (株)"
    assert normalize(shown("①②⑳ Ⅱ")) == normalize("①②⑳ Ⅱ")


def test_meta_has_wareki_and_facets():
    files = search_files(DOCS, SYN)
    row = next(r for r in pages(files).values() if r[1] == "assessments/012033-3/")
    assert row[2:8] == ["住民基本台帳に関する事務 重点項目評価書", "評価書", "小樽市", "重点項目評価書", "2024-03-01",
                        "令和6年3月1日"]


def test_rejects_bad_docs():
    with pytest.raises(ValueError):
        SearchDoc("x/", "t", "記事", "", "", "", "")
    with pytest.raises(ValueError):
        SearchDoc("/x/", "t", "ページ", "", "", "", "")
    with pytest.raises(ValueError):
        search_files([DOCS[0], replace(DOCS[1], url=DOCS[0].url)], SYN)


def test_repository_synonyms_are_valid_and_plenty():
    groups = load_synonyms(Path(__file__).resolve().parents[2] / "content")
    assert sum(len(g) - 1 for g in groups) >= 40
    assert ["マイナンバー", "個人番号"] in groups and ["NEC", "日本電気"] in groups


def test_synonym_errors_have_file_and_line(tmp_path):
    (tmp_path / "synonyms.yaml").write_text(
        "- [マイナンバー, 個人番号]\n- [個人番号, 番号]\n- 単語だけ\n- [中間 サーバー, 中間サーバ]\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_synonyms(tmp_path)
    lines = [str(p) for p in err.value.problems]
    assert len(lines) == 3
    assert lines[0].endswith("synonyms.yaml:2: 同義語: 「個人番号」は 1 行目の組にもあります。"
                             "1 つの組にまとめてください (word already in the group on line 1)")
    assert ":3: 同義語: [語, 別の語, …] の形で 2 語以上を書いてください" in lines[1]
    assert ":4: 同義語: 「中間 サーバー」: 空白を含まない語を書いてください" in lines[2]


def test_search_page_markdown():
    text = search_page_markdown()
    assert text.startswith("---\ntitle: 検索\n")
    assert 'data-pia-search-page' in text and 'id="pia-search-status"' in text and 'aria-live="polite"' in text
    assert "<noscript>" in text and "JavaScript を有効に" in text and "引用符で囲む" in text
    assert 'href="../assessments/"' in text


def test_plain_text_breaks_blocks():
    html = ('<table><tr><td>東京</td><td>都庁</td></tr></table><p>A &amp; B<br>HBA<script>x()</script></p>'
            '<ul><li><a href="#">宛名</a>システム</li></ul>')
    assert plain_text(html) == "東京\n都庁\nA & B\nHBA\n宛名システム"
