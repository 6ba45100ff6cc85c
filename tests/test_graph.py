"""The cross-reference graph, compared with a text outline (MkDocs' Navigation-test habit)."""

from __future__ import annotations

from textwrap import dedent

from generator.model.graph import outline

from . import real_content

GRAPH = real_content.graph()


def _outline_of(aid: str) -> str:
    lines = outline(GRAPH).splitlines()
    start = lines.index(next(line for line in lines if line.startswith(f"評価書 {aid} ")))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("評価書 ")), len(lines))
    return "\n".join(lines[start:end])


def test_outline_of_otaru_keijidosha() -> None:
    assert _outline_of("012033-3") == dedent("""\
        評価書 012033-3 軽自動車税に関する事務 重点項目評価書
          システム 軽自動車税システム
          システム 中間サーバー
          システム 統合宛名システム
          システム 軽自動車検査情報市区町村提供システム
          ファイル 軽自動車税ファイル
            委託先 日本電気株式会社北海道支社""")


def test_nec_hokkaido_is_one_entity_across_two_assessments() -> None:
    nec = [e for e in GRAPH.entities["contractor"].values() if e.name == "日本電気株式会社北海道支社"]
    assert len(nec) == 1
    assert [a.id for a in nec[0].assessments] == ["012033-1", "012033-3"]


def test_transfers_are_departments_of_their_own_organization() -> None:
    shiminzei = [e for e in GRAPH.entities["transferee"].values() if e.name == "財政部 市民税課"]
    assert len(shiminzei) == 1 and shiminzei[0].key.startswith("012033:")
