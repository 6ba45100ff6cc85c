"""Rendering details: version-specific numbering, markers, choices and checkboxes."""

from __future__ import annotations

from generator.forms import FORMS
from generator.forms.common import checks, choice
from generator.load.values import Marker, Tick
from generator.pages.value_html import UNREAD_LABEL, value_html


def _no_link(spec, text):
    return None


def test_numbers_follow_the_form_version() -> None:
    acquisition = FORMS["重点項目評価書"].root.child("files").child("acquisition")
    started = acquisition.child("use_started")
    assert started.heading_in(None) == "⑥使用開始日"
    assert started.heading_in("令和6年10月 様式3") == "⑦使用開始日"
    assert acquisition.child("matching").heading_in("令和6年10月 様式3") == "⑥情報の突合"


def test_choice_shows_only_the_answer_and_checks_only_ticked() -> None:
    spec = choice("x", "対象人数", ("1万人未満", "1万人以上"), "d")
    assert str(value_html(spec, "1万人以上", _no_link)) == '<span class="pia-choice">1万人以上</span>'
    boxes = checks("y", "入手方法", ("紙", "専用線", "その他"), "d")
    html = str(value_html(boxes, (Tick("紙"), Tick("その他", "申請管理")), _no_link))
    assert "紙" in html and "(申請管理)" in html and "専用線" not in html


def test_unreadable_and_withheld_are_distinct_and_visible() -> None:
    spec = choice("x", "対象人数", ("a",), "d")
    unreadable = str(value_html(spec, Marker("判読不能", "000:L72"), _no_link))
    withheld = str(value_html(spec, Marker("非公表", "規則第13条"), _no_link))
    assert "pia-marker--unreadable" in unreadable and UNREAD_LABEL in unreadable and "000:L72" in unreadable
    assert "pia-marker--withheld" in withheld and "非公表" in withheld


def test_inferred_value_has_a_text_badge_and_collapsed_evidence_unlike_lost_values() -> None:
    spec = choice("x", "実施の有無", ("実施する", "実施しない"), "d")
    html = str(value_html(spec, Marker("推定", "000:L72 根拠<b>", "実施しない"), _no_link))
    assert '<strong class="pia-inferred-badge">推定</strong>' in html
    assert '<span class="pia-choice">実施しない</span>' in html
    assert "<details class=\"pia-inferred-evidence\"><summary>推定の根拠" in html and "根拠&#60;b&#62;" in html
    assert "pia-marker" not in html and UNREAD_LABEL not in html


def test_partial_checks_say_read_only_for_what_was_read() -> None:
    boxes = checks("y", "入手方法", ("紙", "専用線", "その他", "電子メール"), "d", with_text=("その他",))
    marker = Marker("判読不能", "000:L60", (Tick("紙"), Tick("その他", "x", evidence="000:L61")), unticked=("専用線",))
    html = str(value_html(boxes, marker, _no_link))
    read, rest = html.split("推定した記載: ", 1)
    assert "読み取れた記載: " in read and "紙" in read and "その他" not in read
    inferred, rest = rest.split("チェックなしと読み取れた選択肢: ", 1)
    assert "pia-inferred-badge" in inferred and "その他" in inferred
    unticked, unknown = rest.split("読み取れなかった選択肢: ", 1)
    assert "☐" in unticked and "専用線" in unticked and "電子メール" in unknown
