"""Form parts shared by several forms: cover items, 開示請求・問合せ, the 変更箇所 table,
repeating groups for systems, 委託事項, 提供先 and 移転先, and risk-item builders."""

from __future__ import annotations

from generator.forms import choices as C
from generator.forms.spec import Checks, Choice, Date, Field, Int, Rich, Text, group, repeat


def text(key: str, label: str, description: str, no: str = "", **kw) -> Field:
    """One-line text field."""
    return Field(key, label, Text(), description, no=no, **kw)


def rich(key: str, label: str, description: str, no: str = "", **kw) -> Field:
    """Multi-line text field."""
    return Field(key, label, Rich(), description, no=no, **kw)


def choice(key: str, label: str, options: tuple[str, ...], description: str, no: str = "", **kw) -> Field:
    """Single-choice field."""
    return Field(key, label, Choice(options), description, no=no, **kw)


def checks(key: str, label: str, options: tuple[str, ...], description: str, no: str = "",
           with_text: tuple[str, ...] = ("その他",), **kw) -> Field:
    """Checkbox-group field."""
    return Field(key, label, Checks(options, with_text), description, no=no, **kw)


def date(key: str, label: str, description: str, no: str = "", **kw) -> Field:
    """Date field (ISO or 和暦)."""
    return Field(key, label, Date(), description, no=no, **kw)


SUFFICIENCY_LABEL = "リスクへの対策は十分か"


def sufficiency(required: bool = True) -> Field:
    """The 評価 every risk item ends with (blank when the section is marked not applicable)."""
    return choice("sufficiency", SUFFICIENCY_LABEL, C.SUFFICIENCY, "このリスクへの対策の自己評価。", required=required)


def risk(key: str, label: str, no: str, *fields: Field, applicable_only: bool = False) -> Field:
    """A labelled リスク item; `fields` default to 措置の内容 + 十分か.

    `applicable_only`: the section has a 「…しない」 checkbox, and when it is ticked the
    form leaves the answers blank, so blank answers are valid there.
    """
    body = fields or (rich("measures", "リスクに対する措置の内容", "リスクを軽減するための措置。"),)
    return group(key, label, f"リスク「{label}」とそれに対する措置・評価。", *body,
                 sufficiency(required=not applicable_only), no=no)


def other_risks(key: str, label: str) -> Field:
    """The free-text 『…におけるその他のリスク及びそのリスクに対する措置』 row."""
    return rich(key, label, "上記以外のリスクとその措置。該当がなければ「—」。", required=False)


def cover(extra: tuple[Field, ...] = ()) -> Field:
    """表紙: number, title, declaration, notes, assessor, publication date."""
    return group(
        "cover", "表紙", "評価書の表紙に印字された項目。",
        Field("number", "評価書番号", Int(), "団体内で評価書に付された番号。URLにも使われる。", example=3),
        text("title", "評価書名", "表紙の評価書名(例: 軽自動車税に関する事務 重点項目評価書)。"),
        rich("declaration", "個人のプライバシー等の権利利益の保護の宣言", "表紙の宣言文。"),
        rich("special_notes", "特記事項", "表紙の特記事項。なければ空欄。", required=False),
        text("assessor", "評価実施機関名", "評価を実施した機関(例: 小樽市長)。"),
        *extra,
        date("published", "公表日", "評価書の公表日。", example="令和5年4月3日"),
    )


def business(population: tuple[str, ...], description: str = "事務の内容の説明。") -> Field:
    """I-1 特定個人情報ファイルを取り扱う事務 (the forms differ only in the 対象人数 choices)."""
    return group(
        "business", "特定個人情報ファイルを取り扱う事務", "評価の対象となる事務。",
        text("name", "事務の名称", "事務の名称。", no="①"),
        rich("description", "事務の内容", description, no="②"),
        choice("target_population", "対象人数", population, "事務の対象人数の区分。", no="③"),
        no="1.",
    )


def department() -> Field:
    """I-6/I-7 評価実施機関における担当部署."""
    return group(
        "department", "評価実施機関における担当部署", "評価を担当する部署。",
        text("division", "部署", "担当部署名。", no="①"),
        text("head_title", "所属長の役職名", "担当部署の所属長の役職名(例: 市民税課長)。", no="②"),
    )


def systems(no: str) -> Field:
    """I-2 システム1..n (each system name is an entity of the portal)."""
    return repeat(
        "systems", "特定個人情報ファイルを取り扱う事務において使用するシステム",
        "事務で使用するシステム(システム1〜20)。", "システム",
        text("name", "システムの名称", "システム名(表記は評価書のとおり)。", no="①", entity="system"),
        rich("functions", "システムの機能", "システムの機能の説明。", no="②"),
        checks("connections", "他のシステムとの接続", C.SYSTEM_CONNECTIONS,
               "接続している他のシステム(チェックされたもの)。その他は括弧内の記載を付す。", no="③"),
        no=no, max_items=20,
    )


def entrustments(fields: tuple[Field, ...]) -> Field:
    """II-4 委託事項1..n."""
    return repeat("entrustments", "委託事項", "委託事項1〜20。各委託事項の名称と内容。", "委託事項",
                  text("title", "委託事項名", "委託事項の名称(評価書の「委託事項n」欄の記載)。"),
                  *fields, max_items=20)


def subcontract(numbers: tuple[str, str, str]) -> Field:
    """再委託 ④–⑥ (重点) or ⑦–⑨ (全項目)."""
    return group(
        "subcontract", "再委託", "再委託の有無・許諾方法・再委託事項。",
        choice("status", "再委託の有無", C.SUBCONTRACT, "委託先が再委託するか。", no=numbers[0]),
        rich("approval_method", "再委託の許諾方法", "再委託を許諾する方法。再委託しない場合は空欄。",
             no=numbers[1], required=False),
        rich("items", "再委託事項", "再委託する事項。再委託しない場合は空欄。", no=numbers[2], required=False),
    )


def recipients(key: str, label: str, verb: str, methods: tuple[str, ...], entity: str) -> Field:
    """II-5 提供先1..n or 移転先1..n with ①–⑦."""
    return repeat(
        key, label, f"{label}1〜20。", label,
        text("name", f"{label}名", f"{label}(表記は評価書のとおり)。", entity=entity),
        rich("legal_basis", "法令上の根拠", f"{verb}の法令上の根拠。", no="①"),
        rich("purpose", f"{label}における用途", f"{label}での用途。", no="②"),
        rich("information", f"{verb}する情報", f"{verb}する特定個人情報の内容。", no="③"),
        choice("subject_count", f"{verb}する情報の対象となる本人の数", C.SUBJECT_COUNT,
               f"{verb}する情報の対象者数の区分。", no="④"),
        rich("subject_scope", f"{verb}する情報の対象となる本人の範囲", "対象となる本人の範囲。", no="⑤"),
        checks("methods", f"{verb}方法", methods, f"{verb}の方法(チェックされたもの)。", no="⑥"),
        text("timing", "時期・頻度", f"{verb}の時期・頻度。", no="⑦"),
        max_items=20,
    )


def provision_transfer(no: str) -> Field:
    """II-5 特定個人情報の提供・移転(委託に伴うものを除く。)."""
    return group(
        "provision_transfer", "特定個人情報の提供・移転(委託に伴うものを除く。)",
        "委託以外の提供・移転。提供先・移転先がなければ空のリスト。",
        checks("status", "提供・移転の有無", C.PROVISION_STATUS,
               "提供・移転の有無。「提供を行っている」「移転を行っている」には件数を括弧内の記載として付す。",
               with_text=("提供を行っている", "移転を行っている")),
        recipients("provisions", "提供先", "提供", C.PROVISION_METHODS, "recipient"),
        recipients("transfers", "移転先", "移転", C.TRANSFER_METHODS, "transferee"),
        no=no,
    )


def disclosure(request_extra: tuple[Field, ...] = ()) -> Field:
    """開示請求、問合せ (重点 IV / 全項目 V)."""
    return group(
        "disclosure", "開示請求、問合せ", "開示・訂正・利用停止請求と問合せの窓口。",
        group(
            "request", "特定個人情報の開示・訂正・利用停止請求", "開示等の請求の窓口と方法。",
            rich("address", "請求先", "請求先の部署・住所・電話番号。", no="①"),
            rich("method", "請求方法", "請求の方法。", no="②"),
            *request_extra,
            no="1.",
        ),
        group(
            "inquiry", "特定個人情報ファイルの取扱いに関する問合せ", "問合せの窓口と対応方法。",
            rich("contact", "連絡先", "問合せ先の部署・住所・電話番号。", no="①"),
            rich("handling", "対応方法", "問合せへの対応方法。", no="②"),
            no="2.",
        ),
    )


def changes(no: str = "") -> Field:
    """別添 変更箇所: one row per printed row of the table."""
    return repeat(
        "changes", "変更箇所", "変更箇所の表の各行(印字どおりの順)。", "変更",
        date("date", "変更日", "変更した日。"),
        rich("item", "項目", "変更した項目(評価書の記載どおり)。"),
        rich("before", "変更前の記載", "変更前の記載。", required=False),
        rich("after", "変更後の記載", "変更後の記載。", required=False),
        choice("timing", "提出時期", C.TIMING, "事前/事後の別。"),
        rich("timing_reason", "提出時期に係る説明", "提出時期についての説明。", required=False),
        no=no,
    )


def annexes() -> Field:
    """別紙: attachments a form item refers to (e.g. 別紙1 情報照会者一覧)."""
    return repeat(
        "annexes", "別紙", "評価書が参照する別紙(なければ空のリスト)。", "別紙",
        text("title", "表題", "別紙の表題(例: 別紙1)。"),
        rich("content", "内容", "別紙の内容。"),
        required=False,
    )
