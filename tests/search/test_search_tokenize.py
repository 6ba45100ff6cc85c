"""Normalisation and tokens (generator/outputs/search/tokenize.py); the JS twin is compared in test_search_browser."""

from __future__ import annotations

from generator.outputs.search.tokenize import display, fold, normalize, tokens


def test_nfkc_full_width_latin_and_digits():
    assert normalize("ＨＢＡ") == "hba"
    assert normalize("２０２４年") == "2024年"
    assert tokens("ＨＢＡ") == tokens("HBA") == tokens("hba") == ["hba"]


def test_nfkc_half_width_katakana_and_compat_characters():
    assert normalize("ｶﾞｲﾄﾞ") == "ガイド"
    assert normalize("㈱") == "(株)"
    assert normalize("\u3000") == " "


def test_latin_and_digit_runs_are_words():
    assert tokens("eLTAX と e-Tax/HBA_2 1,234") == ["eltax", "と", "e", "tax", "hba", "2", "1", "234"]


def test_kanji_kana_runs_give_unigrams_and_bigrams():
    assert tokens("中間サーバー") == ["中", "間", "サ", "ー", "バ", "ー", "中間", "間サ", "サー", "ーバ", "バー"]


def test_single_character():
    assert tokens("都") == ["都"]
    assert tokens("a都b") == ["a", "都", "b"]


def test_runs_break_at_punctuation_and_script_change():
    assert tokens("東京・大阪") == ["東", "京", "東京", "大", "阪", "大阪"]
    assert tokens("HBA端末") == ["hba", "端", "末", "端末"]
    assert tokens("、。「」()") == []


def test_iteration_marks_and_astral_kanji():
    assert tokens("人々") == ["人", "々", "人々"]
    assert tokens("𠮷野") == ["𠮷", "野", "𠮷野"]


def test_fold_never_changes_length():
    for text in ["İstanbul", "ΣΑΣ", "Straße", "ABC"]:
        assert len(fold(text)) == len(text)
    assert fold("ABC") == "abc"


def test_display_keeps_case_and_collapses_spaces():
    assert display("  ＨＢＡ\n\n端末\t ｶﾅ ") == "HBA 端末 カナ"
