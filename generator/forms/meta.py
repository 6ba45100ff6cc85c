"""Fields of an assessment file that are not on the form, and the 団体 record."""

from __future__ import annotations

from generator.forms.common import date, text
from generator.forms.spec import Choice, Field, Form, Url, group

FORM_NAMES = ("重点項目評価書", "全項目評価書")


def assessment_meta() -> tuple[Field, ...]:
    """Keys at the top of every assessment file, before the form's own sections."""
    return (
        text(
            "organization",
            "団体",
            "評価書を公表した団体の全国地方公共団体コード(6桁、content/organizations/ の団体)。",
            example="012033",
        ),
        Field("form", "様式", Choice(FORM_NAMES), "評価書の種類。", example="重点項目評価書"),
        text(
            "form_version",
            "様式の版",
            "表紙等に印字された様式の版(例: 令和6年10月 様式3)。印字がなければ空欄。",
            required=False,
            example="令和6年10月 様式3",
        ),
        text("source", "出典", "元になった公表資料(PDFのファイル名やURL)。", required=False),
        Field(
            "source_url",
            "原本のURL",
            Url(),
            "団体が公表している評価書(PDF)のURL。ページのタイトルの横にリンクとして表示する。未登録なら省略。",
            required=False,
            example="https://www.city.otaru.lg.jp/docs/2020121700187/file_contents/juki.pdf",
        ),
        Field(
            "listing_url",
            "掲載ページのURL",
            Url(),
            "評価書(PDF)を掲載している団体のウェブページのURL。未登録なら省略。",
            required=False,
            example="https://www.city.otaru.lg.jp/docs/2020121700187/",
        ),
        date("retrieved", "取得日", "原本(PDF)を取得した日。未登録なら省略。", required=False),
        group(
            "ended",
            "終了",
            "【…終了】と表示された評価書の終了日と表記。終了していなければ省略。",
            date("date", "終了日", "評価書の対象事務等が終了した日。"),
            text("note", "表記", "評価書に印字された終了の表記(例: 【令和7年3月31日終了】)。", required=False),
            required=False,
        ),
    )


ORGANIZATION = Form(
    name="団体",
    code="",
    root=group(
        "organization",
        "団体",
        "評価書を公表する地方公共団体。",
        text(
            "code",
            "団体コード",
            "全国地方公共団体コード(検査数字を含む6桁、例: 012033)。URLの一部になる。",
            example="012033",
        ),
        text("name", "名称", "団体の名称(例: 小樽市)。", example="小樽市"),
        text("prefecture", "都道府県", "団体の属する都道府県(例: 北海道)。", example="北海道"),
        Field("website", "ウェブサイト", Url(), "団体の公式ウェブサイトのURL。", required=False),
        text(
            "reading",
            "読み",
            "団体名の読み(ひらがな、例: おたるし)。一覧を五十音順に並べるために使う。",
            required=False,
            example="おたるし",
        ),
    ),
)


def check_digit(code5: str) -> int:
    """Check digit of a 全国地方公共団体コード (JIS X 0402 style, weights 6..2, mod 11)."""
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10  # 11 → 1, 10 → 0, as the code table prints them
