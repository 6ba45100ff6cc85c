"""特定個人情報保護評価書(重点項目評価書), 様式3, item by item.

Order and labels follow the printed form (e.g. content/sources/000_90e89d9fb19b8cdf.txt).
"""

from __future__ import annotations

from dataclasses import replace

from generator.forms import choices as C
from generator.forms.common import (
    annexes,
    business,
    changes,
    checks,
    choice,
    cover,
    date,
    department,
    disclosure,
    entrustments,
    other_risks,
    provision_transfer,
    rich,
    risk,
    subcontract,
    systems,
    text,
)
from generator.forms.spec import Field, Form, Int, RecordItems, TextList, group, repeat

NAME = "重点項目評価書"
V_2024 = "令和6年10月 様式3"  # numbers 情報の突合 ⑥ and 使用開始日 ⑦ (older versions: ⑤の内訳 / ⑥)


def basic_info() -> Field:
    """Ⅰ 基本情報."""
    return group(
        "basic_info",
        "基本情報",
        "Ⅰ 基本情報。",
        business(C.TARGET_POPULATION),
        systems("2."),
        Field(
            "file_names", "特定個人情報ファイル名", TextList(), "事務で取り扱う特定個人情報ファイルの名称。", no="3."
        ),
        group(
            "number_use",
            "個人番号の利用",
            "個人番号を利用する法令上の根拠。 ※",
            rich("legal_basis", "法令上の根拠", "個人番号の利用の法令上の根拠。"),
            no="4.",
        ),
        group(
            "network_linkage",
            "情報提供ネットワークシステムによる情報連携",
            "情報連携の有無と根拠。 ※",
            choice(
                "status", "実施の有無", C.LINKAGE_STATUS, "情報提供ネットワークシステムによる情報連携の有無。", no="①"
            ),
            rich(
                "legal_basis", "法令上の根拠", "情報連携の法令上の根拠。実施しない場合は空欄。", no="②", required=False
            ),
            no="5.",
        ),
        replace(department(), no="6."),
        text(
            "other_assessors",
            "他の評価実施機関",
            "共同で評価を実施する他の機関。なければ空欄または「—」。",
            no="7.",
            required=False,
        ),
        no="Ⅰ",
    )


def file_basic() -> Field:
    """Ⅱ-2 基本情報."""
    return group(
        "basic",
        "基本情報",
        "ファイルの種類・対象者・記録項目など。",
        choice("file_type", "ファイルの種類", C.FILE_TYPE, "ファイルの種類。 ※", no="①"),
        choice("subject_count", "対象となる本人の数", C.SUBJECT_COUNT, "ファイルに記録される本人の数の区分。", no="②"),
        rich("subject_scope", "対象となる本人の範囲", "ファイルに記録される本人の範囲。 ※", no="③"),
        rich("subject_scope_necessity", "その必要性", "その範囲の本人を対象とする必要性。"),
        choice("item_count", "記録される項目", C.ITEM_COUNT, "記録される項目数の区分。", no="④"),
        checks("main_items", "主な記録項目", C.MAIN_ITEMS, "主な記録項目(チェックされたもの)。 ※"),
        rich("main_items_validity", "その妥当性", "主な記録項目を記録することの妥当性。"),
        text("all_items", "全ての記録項目", "全ての記録項目の参照先(通常「別添1を参照。」)。"),
        date("held_since", "保有開始日", "ファイルの保有を開始した日(年月のみも可)。", no="⑤"),
        text("responsible_division", "事務担当部署", "ファイルを取り扱う事務の担当部署。", no="⑥"),
        no="2.",
    )


def acquisition() -> Field:
    """Ⅱ-3 特定個人情報の入手・使用 (様式3 令和6年10月 numbers 情報の突合 ⑥; older prints it under ⑤)."""
    return group(
        "acquisition",
        "特定個人情報の入手・使用",
        "入手元・入手方法・使用の目的と方法。",
        checks(
            "sources",
            "入手元",
            C.SOURCES,
            "特定個人情報の入手元(チェックされたもの)。括弧内の記載を付す。 ※",
            no="①",
            with_text=C.SOURCES_WITH_TEXT,
        ),
        checks("methods", "入手方法", C.METHODS, "入手の方法(チェックされたもの)。", no="②"),
        rich("purpose", "使用目的", "特定個人情報の使用目的。 ※", no="③"),
        group(
            "users",
            "使用の主体",
            "使用する部署と使用者数。",
            text("divisions", "使用部署", "特定個人情報を使用する部署。"),
            choice("count", "使用者数", C.USER_COUNT, "使用者数の区分。"),
            no="④",
        ),
        rich("usage", "使用方法", "特定個人情報の使用方法。", no="⑤"),
        rich("matching", "情報の突合", "他の情報との突合の内容。", renumbered=((V_2024, "⑥"),)),
        date("use_started", "使用開始日", "特定個人情報の使用を開始した日。", no="⑥", renumbered=((V_2024, "⑦"),)),
        no="3.",
    )


def outsourcing() -> Field:
    """Ⅱ-4 特定個人情報ファイルの取扱いの委託."""
    return group(
        "outsourcing",
        "特定個人情報ファイルの取扱いの委託",
        "委託の有無と委託事項。",
        choice("status", "委託の有無", C.OUTSOURCING, "ファイルの取扱いを委託するか。 ※"),
        Field("count", "件数", Int(), "委託の件数(「( n ) 件」の n)。委託しない場合は空欄。", required=False),
        entrustments(
            (
                rich("content", "委託内容", "委託する業務の内容。", no="①"),
                choice(
                    "handler_count",
                    "委託先における取扱者数",
                    C.USER_COUNT,
                    "委託先で特定個人情報を取り扱う者の数の区分。",
                    no="②",
                ),
                text("contractor", "委託先名", "委託先の名称(表記は評価書のとおり)。", no="③", entity="contractor"),
                subcontract(("④", "⑤", "⑥")),
            )
        ),
        no="4.",
    )


def storage() -> Field:
    """Ⅱ-6 特定個人情報の保管・消去."""
    return group(
        "storage",
        "特定個人情報の保管・消去",
        "保管場所とその措置。",
        rich("location", "保管場所", "保管場所と安全管理の措置。 ※"),
        no="6.",
    )


def record_items() -> Field:
    """(別添1) 特定個人情報ファイル記録項目."""
    return Field(
        "record_items",
        "特定個人情報ファイル記録項目",
        RecordItems(),
        "ファイルに記録される全ての項目(別添1)。グループ名(テーブル名等)ごとの項目名のリスト。",
        no="(別添1)",
        chapter="別添1",
    )


def files() -> Field:
    """Ⅱ 特定個人情報ファイルの概要, one entry per file (with its 別添1 record items)."""
    return repeat(
        "files",
        "特定個人情報ファイルの概要",
        "Ⅱ 特定個人情報ファイルの概要(ファイルごと)。",
        "特定個人情報ファイル",
        text("name", "特定個人情報ファイル名", "ファイルの名称。", no="1.", entity="file"),
        file_basic(),
        acquisition(),
        outsourcing(),
        provision_transfer("5."),
        storage(),
        rich("remarks", "備考", "備考。なければ空欄。", no="7.", required=False),
        record_items(),
        no="Ⅱ",
    )


def flag(*labels: str) -> Field:
    """Header checkbox of a Ⅲ section (委託しない, 提供・移転しない, 接続しない)."""
    shown = "」「".join(labels)
    return checks(
        "not_applicable",
        "該当なし",
        labels,
        f"「{shown}」のチェック(チェックされたもの)。該当しなければ空のリスト。",
        with_text=(),
    )


def risk_block() -> Field:
    """Ⅲ リスク対策, one block per file (or per group of files)."""
    return repeat(
        "risks",
        "リスク対策",
        "Ⅲ リスク対策 ※(7. ②を除く。)(ファイルごと)。",
        "リスク対策",
        Field("file_names", "特定個人情報ファイル名", TextList(), "このリスク対策が対象とするファイル名。", no="1."),
        group(
            "acquisition",
            "特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)",
            "入手に関するリスク。",
            risk("risk", "目的外の入手が行われるリスク", ""),
            other_risks("other", "その他のリスク及びそのリスクに対する措置"),
            no="2.",
        ),
        group(
            "use",
            "特定個人情報の使用",
            "使用に関するリスク。",
            risk("risk1", "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク", "リスク1"),
            risk(
                "risk2",
                "権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスク",
                "リスク2",
                choice("user_auth", "ユーザ認証の管理", C.DOING, "ユーザ認証を管理しているか。"),
                rich("auth_method", "具体的な管理方法", "ユーザ認証の具体的な管理方法。"),
                rich("other_measures", "その他の措置の内容", "その他の措置。", required=False),
            ),
            other_risks("other", "その他のリスク及びそのリスクに対する措置"),
            no="3.",
        ),
        group(
            "outsourcing",
            "特定個人情報ファイルの取扱いの委託",
            "委託に関するリスク。",
            flag("委託しない"),
            risk(
                "risk",
                "委託先における不正な使用等のリスク",
                "",
                choice(
                    "contract_clause",
                    "委託契約書中の特定個人情報ファイルの取扱いに関する規定",
                    C.DEFINED,
                    "委託契約書に取扱いの規定を定めているか。委託しない場合は空欄。",
                    required=False,
                ),
                rich("clause_content", "規定の内容", "規定の内容。", required=False),
                choice(
                    "subcontractor_assurance",
                    "再委託先による特定個人情報ファイルの適切な取扱いの担保",
                    C.SUBCONTRACTOR_ASSURANCE,
                    "再委託先での適切な取扱いを担保しているか。委託しない場合は空欄。",
                    required=False,
                ),
                rich("assurance_method", "具体的な方法", "担保の具体的な方法。", required=False),
                rich("other_measures", "その他の措置の内容", "その他の措置。", required=False),
                applicable_only=True,
            ),
            other_risks("other", "その他のリスク及びそのリスクに対する措置"),
            no="4.",
        ),
        group(
            "provision_transfer",
            "特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)",
            "提供・移転に関するリスク。",
            flag("提供・移転しない"),
            risk(
                "risk",
                "不正な提供・移転が行われるリスク",
                "",
                choice(
                    "rules",
                    "特定個人情報の提供・移転に関するルール",
                    C.DEFINED,
                    "提供・移転のルールを定めているか。提供・移転しない場合は空欄。",
                    required=False,
                ),
                rich(
                    "rules_content",
                    "ルールの内容及びルール遵守の確認方法",
                    "ルールの内容と遵守の確認方法。",
                    required=False,
                ),
                rich("other_measures", "その他の措置の内容", "その他の措置。", required=False),
                applicable_only=True,
            ),
            other_risks("other", "その他のリスク及びそのリスクに対する措置"),
            no="5.",
        ),
        group(
            "network",
            "情報提供ネットワークシステムとの接続",
            "情報提供ネットワークシステムとの接続に伴うリスク。",
            flag("接続しない(入手)", "接続しない(提供)"),
            risk("risk1", "目的外の入手が行われるリスク", "リスク1", applicable_only=True),
            risk("risk2", "不正な提供が行われるリスク", "リスク2", applicable_only=True),
            other_risks("other", "その他のリスク及びそのリスクに対する措置"),
            no="6.",
        ),
        group(
            "storage",
            "特定個人情報の保管・消去",
            "保管・消去に関するリスク。",
            risk(
                "risk",
                "特定個人情報の漏えい・滅失・毀損リスク",
                "",
                choice(
                    "incident_procedure",
                    "事故発生時手順の策定・周知",
                    C.EFFORT,
                    "事故発生時の手順を策定・周知しているか。",
                    no="①",
                ),
                choice(
                    "serious_incident",
                    "過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
                    C.INCIDENT,
                    "過去3年以内の重大事故の有無。",
                    no="②",
                ),
                rich("incident_details", "その内容", "重大事故の内容。なければ「—」。", required=False),
                rich("recurrence_prevention", "再発防止策の内容", "再発防止策。なければ「—」。", required=False),
                rich("other_measures", "その他の措置の内容", "その他の措置。", required=False),
            ),
            other_risks("other", "その他のリスク及びそのリスクに対する措置"),
            no="7.",
        ),
        group(
            "audit",
            "監査",
            "監査の実施。",
            checks("implemented", "実施の有無", C.AUDIT, "実施している監査(チェックされたもの)。", with_text=()),
            no="8.",
        ),
        group(
            "training",
            "従業者に対する教育・啓発",
            "従業者への教育・啓発。",
            choice("level", "従業者に対する教育・啓発", C.EFFORT, "教育・啓発の実施状況。"),
            rich("method", "具体的な方法", "教育・啓発の具体的な方法。"),
            no="9.",
        ),
        rich("other_measures", "その他のリスク対策", "その他のリスク対策。", no="10.", required=False),
        no="Ⅲ",
    )


def procedure() -> Field:
    """Ⅴ 評価実施手続."""
    return group(
        "procedure",
        "評価実施手続",
        "Ⅴ 評価実施手続。",
        group(
            "basic_assessment",
            "基礎項目評価",
            "基礎項目評価の実施日としきい値判断。",
            date("date", "実施日", "基礎項目評価の実施日。", no="①"),
            choice("threshold", "しきい値判断結果", C.THRESHOLD_PRIORITY, "しきい値判断の結果。", no="②"),
            no="1.",
        ),
        group(
            "public_opinion",
            "国民・住民等からの意見の聴取【任意】",
            "任意の意見聴取。",
            rich("method", "方法", "意見聴取の方法。", no="①", required=False),
            text("period", "実施日・期間", "意見聴取の実施日・期間。", no="②", required=False),
            rich("main_opinions", "主な意見の内容", "主な意見。", no="③", required=False),
            no="2.",
        ),
        group(
            "third_party_review",
            "第三者点検【任意】",
            "任意の第三者点検。",
            text("date", "実施日", "第三者点検の実施日。", no="①", required=False),
            rich("method", "方法", "第三者点検の方法。", no="②", required=False),
            rich("result", "結果", "第三者点検の結果。", no="③", required=False),
            no="3.",
        ),
        no="Ⅴ",
    )


def _disclosure() -> Field:
    base = disclosure(
        (
            rich(
                "special_procedure",
                "法令による特別の手続",
                "法令による特別の手続。なければ「—」。",
                no="③",
                required=False,
            ),
            rich(
                "register_exception",
                "個人情報ファイル簿への不記載等",
                "個人情報ファイル簿への不記載等。なければ「—」。",
                no="④",
                required=False,
            ),
        )
    )
    return replace(base, no="Ⅳ")


PRIORITY = Form(
    name=NAME,
    code="様式3",
    versions=(V_2024,),
    root=group(
        "assessment",
        NAME,
        "重点項目評価書の全体。",
        cover(),
        basic_info(),
        files(),
        risk_block(),
        _disclosure(),
        procedure(),
        replace(changes(), no="(別添2)"),
        annexes(),
    ),
)
