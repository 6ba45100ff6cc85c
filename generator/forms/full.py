"""特定個人情報保護評価書(全項目評価書), item by item.

Order and labels follow the printed form (content/sources/003_9d35e563d01edcd4.txt). Items that
are the same as in the 重点項目評価書 keep priority.py's English keys; the chapters 別添1–3 and
Ⅳ–Ⅵ are numbered as the 全項目 form prints them.
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
from generator.forms.priority import file_basic, flag
from generator.forms.spec import Field, Form, Int, RecordItems, TextList, group, repeat

NAME = "全項目評価書"
OTHER_RISKS = "その他のリスク及びそのリスクに対する措置"


def numbered(spec: Field, no: str) -> Field:
    """The same item printed under another number."""
    return replace(spec, no=no)


def replaced(spec: Field, *subs: Field) -> Field:
    """A group with some sub-items replaced by English key (same item, 全項目 wording)."""
    by_key = {s.key: s for s in subs}
    fields = tuple(by_key.get(f.key, f) for f in spec.kind.fields)
    return replace(spec, kind=replace(spec.kind, fields=fields))  # a Repeat keeps its item and max_items


def other() -> Field:
    """『その他の措置の内容』 of a risk item."""
    return rich("other_measures", "その他の措置の内容", "その他の措置。", required=False)


def rated(key: str, label: str, options: tuple[str, ...], detail: str, no: str = "") -> Field:
    """A choice with its own 具体的… text, nested because the text's label repeats within the risk."""
    return group(key, label, f"「{label}」の選択とその{detail}。",
                 choice("status", "選択", options, f"「{label}」で選んだ選択肢。"),
                 rich("detail", detail, f"{label}の{detail}。", required=False), no=no)


def basic_info() -> Field:
    """Ⅰ 基本情報 (4. 特定個人情報ファイルを取り扱う理由 is 全項目 only; 5.–8. are 重点 4.–7.)."""
    return group(
        "basic_info", "基本情報", "Ⅰ 基本情報。",
        business(C.TARGET_POPULATION_FULL, "事務の内容の説明。 ※"),
        systems("2."),
        Field("file_names", "特定個人情報ファイル名", TextList(), "事務で取り扱う特定個人情報ファイルの名称。",
              no="3."),
        group("reasons", "特定個人情報ファイルを取り扱う理由", "特定個人情報ファイルを取り扱う必要性とメリット。",
              rich("necessity", "事務実施上の必要性", "事務の実施上、ファイルを取り扱う必要性。", no="①"),
              rich("benefits", "実現が期待されるメリット", "ファイルを取り扱うことで期待されるメリット。", no="②"),
              no="4."),
        group("number_use", "個人番号の利用", "個人番号を利用する法令上の根拠。 ※",
              rich("legal_basis", "法令上の根拠", "個人番号の利用の法令上の根拠。"), no="5."),
        group(
            "network_linkage", "情報提供ネットワークシステムによる情報連携", "情報連携の有無と根拠。 ※",
            choice("status", "実施の有無", C.LINKAGE_STATUS, "情報提供ネットワークシステムによる情報連携の有無。",
                   no="①"),
            rich("legal_basis", "法令上の根拠", "情報連携の法令上の根拠。実施しない場合は空欄。", no="②",
                 required=False),
            no="6.",
        ),
        numbered(department(), "7."),
        text("other_assessors", "他の評価実施機関", "共同で評価を実施する他の機関。なければ空欄または「—」。",
             no="8.", required=False),
        no="Ⅰ",
    )


def business_flow() -> Field:
    """(別添1) 事務の内容: the flow figures and the (備考) notes per sub-business."""
    return group(
        "business_flow", "事務の内容", "(別添1) 事務の流れを示す図と、その(備考)。",
        repeat("figures", "図", "事務の流れの図(図ごとに表題と画像)。", "図",
               text("title", "表題", "図の表題(例: (1) 個人住民税 賦課業務)。"),
               text("image", "画像", "図の画像ファイル(content/ からの相対パス)。抽出で失われた図は判読不能とする。"),
               required=False),
        repeat("notes", "備考", "(備考)欄: 業務ごとの処理の流れの説明。", "備考",
               text("title", "業務名", "備考の見出し(例: (1)個人住民税賦課業務)。"),
               rich("steps", "内容", "処理の流れ(①②…の項目ごとに1行)。"),
               required=False),
        no="(別添1)",
    )


def acquisition() -> Field:
    """Ⅱ-3 特定個人情報の入手・使用 (③④⑤ and the sub-rows of ⑥⑧ are 全項目 only)."""
    return group(
        "acquisition", "特定個人情報の入手・使用", "入手元・入手方法・時期、使用の目的と方法。",
        checks("sources", "入手元", C.SOURCES, "特定個人情報の入手元(チェックされたもの)。括弧内の記載を付す。 ※",
               no="①", with_text=C.SOURCES_WITH_TEXT),
        checks("methods", "入手方法", C.METHODS, "入手の方法(チェックされたもの)。", no="②"),
        rich("timing", "入手の時期・頻度", "特定個人情報を入手する時期と頻度。", no="③"),
        rich("validity", "入手に係る妥当性", "その入手元・方法・時期で入手することの妥当性。", no="④"),
        rich("notice", "本人への明示", "入手について本人に明示する方法。", no="⑤"),
        rich("purpose", "使用目的", "特定個人情報の使用目的。 ※", no="⑥"),
        rich("purpose_change_validity", "変更の妥当性", "使用目的を変更した場合の妥当性。なければ空欄。",
             required=False),
        group(
            "users", "使用の主体", "使用する部署と使用者数。",
            text("divisions", "使用部署", "特定個人情報を使用する部署。 ※"),
            choice("count", "使用者数", C.USER_COUNT, "使用者数の区分。"),
            no="⑦",
        ),
        rich("usage", "使用方法", "特定個人情報の使用方法。 ※", no="⑧"),
        rich("matching", "情報の突合", "他の情報との突合の内容。 ※"),
        rich("statistics", "情報の統計分析", "特定個人情報を用いた統計分析の有無と内容。 ※"),
        rich("decisions", "権利利益に影響を与え得る決定", "本人の権利利益に影響を与え得る決定の内容。 ※"),
        date("use_started", "使用開始日", "特定個人情報の使用を開始した日。", no="⑨"),
        no="3.",
    )


def outsourcing() -> Field:
    """Ⅱ-4 特定個人情報ファイルの取扱いの委託 (委託事項 ①–⑨)."""
    return group(
        "outsourcing", "特定個人情報ファイルの取扱いの委託", "委託の有無と委託事項。",
        choice("status", "委託の有無", C.OUTSOURCING, "ファイルの取扱いを委託するか。 ※"),
        Field("count", "件数", Int(), "委託の件数(「( n ) 件」の n)。委託しない場合は空欄。", required=False),
        entrustments((
            rich("content", "委託内容", "委託する業務の内容。", no="①"),
            choice("scope", "取扱いを委託する特定個人情報ファイルの範囲", C.ENTRUSTED_SCOPE,
                   "委託先が取り扱うのがファイルの全体か一部か。", no="②"),
            choice("subject_count", "対象となる本人の数", C.SUBJECT_COUNT, "委託する範囲の本人の数の区分。"),
            rich("subject_scope", "対象となる本人の範囲", "委託する範囲の本人の範囲。 ※"),
            rich("scope_validity", "その妥当性", "その範囲を委託することの妥当性。"),
            choice("handler_count", "委託先における取扱者数", C.USER_COUNT,
                   "委託先で特定個人情報を取り扱う者の数の区分。", no="③"),
            checks("delivery_methods", "委託先への特定個人情報ファイルの提供方法", C.DELIVERY_METHODS,
                   "委託先にファイルを渡す方法(チェックされたもの)。", no="④"),
            rich("name_check", "委託先名の確認方法", "委託先名を確認する方法。", no="⑤"),
            text("contractor", "委託先名", "委託先の名称(表記は評価書のとおり)。", no="⑥", entity="contractor"),
            subcontract(("⑦", "⑧", "⑨")),
        )),
        no="4.",
    )


def storage() -> Field:
    """Ⅱ-6 特定個人情報の保管・消去 (②保管期間 and ③消去方法 are 全項目 only)."""
    return group(
        "storage", "特定個人情報の保管・消去", "保管場所・保管期間・消去方法。",
        rich("location", "保管場所", "保管場所と安全管理の措置。 ※", no="①"),
        group("retention", "保管期間", "保管期間とその妥当性。",
              choice("period", "期間", C.RETENTION, "保管期間の区分。"),
              rich("validity", "その妥当性", "その保管期間とすることの妥当性。"), no="②"),
        rich("erasure", "消去方法", "保管期間を過ぎた特定個人情報の消去方法。", no="③"),
        no="6.",
    )


def files() -> Field:
    """Ⅱ 特定個人情報ファイルの概要, one entry per file, each with its (別添2) record items."""
    return repeat(
        "files", "特定個人情報ファイルの概要", "Ⅱ 特定個人情報ファイルの概要(ファイルごと)。", "特定個人情報ファイル",
        text("name", "特定個人情報ファイル名", "ファイルの名称(印字の (1) などの番号は除く)。", no="1.", entity="file"),
        replaced(file_basic(), text("all_items", "全ての記録項目", "全ての記録項目の参照先(通常「別添2を参照。」)。")),
        acquisition(),
        outsourcing(),
        provision_transfer("5."),
        storage(),
        rich("remarks", "備考", "備考。なければ空欄。", no="7.", required=False),
        Field("record_items", "特定個人情報ファイル記録項目", RecordItems(),
              "ファイルに記録される全ての項目(別添2)。グループ名(<宛名情報> 等)ごとの項目名のリスト。",
              no="(別添2)", chapter="別添2"),
        no="Ⅱ",
    )


def outsourcing_risk() -> Field:
    """Ⅲ-4: one set of measures printed under five risk headings (one risk item, as in the 重点 form)."""
    spec = risk(
        "risk", "委託先における不正な使用等のリスク", "",
        rich("protection_check", "情報保護管理体制の確認", "委託先の情報保護管理体制を確認する方法。"),
        rated("access_restriction", "特定個人情報ファイルの閲覧者・更新者の制限", C.RESTRICTED, "具体的な制限方法"),
        rated("handling_record", "特定個人情報ファイルの取扱いの記録", C.RECORDED, "具体的な方法"),
        group("provision_rules", "特定個人情報の提供ルール", "委託先からの提供のルールとその確認方法。",
              choice("status", "選択", C.DEFINED, "提供ルールを定めているか。"),
              rich("to_others", "委託先から他者への提供に関するルールの内容及びルール遵守の確認方法",
                   "委託先から他者への提供のルールと遵守の確認方法。", required=False),
              rich("between", "委託元と委託先間の提供に関するルールの内容及びルール遵守の確認方法",
                   "委託元と委託先の間の提供のルールと遵守の確認方法。", required=False)),
        rated("erasure_rules", "特定個人情報の消去ルール", C.DEFINED, "ルールの内容及びルール遵守の確認方法"),
        rated("contract_provisions", "委託契約書中の特定個人情報ファイルの取扱いに関する規定", C.DEFINED, "規定の内容"),
        rated("subcontractor_handling", "再委託先による特定個人情報ファイルの適切な取扱いの確保",
              C.SUBCONTRACTOR_ASSURANCE, "具体的な方法"),
        other(),
    )
    return replace(spec, description=(
        "委託に関するリスクと措置。様式では「委託先による特定個人情報の不正入手・不正な使用に関するリスク」「委託先による"
        "特定個人情報の不正な提供に関するリスク」「委託先による特定個人情報の保管・消去に関するリスク」「委託契約終了後の"
        "不正な使用等のリスク」「再委託に関するリスク」の5つの見出しの下に一つの措置群として印字される。"))


def risk_block() -> Field:
    """Ⅲ リスク対策: one block per file or per group of files (1. lists the files it covers)."""
    return repeat(
        "risks", "特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
        "Ⅲ ※(7. リスク1⑨を除く。)。一つのブロックが複数のファイルを対象にできる。", "リスク対策",
        Field("file_names", "特定個人情報ファイル名", TextList(), "このリスク対策が対象とするファイル名(Ⅱの名称)。",
              no="1."),
        group("acquisition", "特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)",
              "入手に関するリスク。",
              risk("risk1", "目的外の入手が行われるリスク", "リスク1",
                   rich("non_subjects", "対象者以外の情報の入手を防止するための措置の内容",
                        "対象者以外の情報を入手しない措置。"),
                   rich("unneeded", "必要な情報以外を入手することを防止するための措置の内容",
                        "不要な情報を入手しない措置。"),
                   other()),
              risk("risk2", "不適切な方法で入手が行われるリスク", "リスク2"),
              risk("risk3", "入手した特定個人情報が不正確であるリスク", "リスク3",
                   rich("identity_check", "入手の際の本人確認の措置の内容", "入手時の本人確認の措置。"),
                   rich("authenticity", "個人番号の真正性確認の措置の内容", "個人番号の真正性を確認する措置。"),
                   rich("accuracy", "特定個人情報の正確性確保の措置の内容", "特定個人情報を正確に保つ措置。"),
                   other()),
              risk("risk4", "入手の際に特定個人情報が漏えい・紛失するリスク", "リスク4"),
              other_risks("other", OTHER_RISKS), no="2."),
        group("use", "特定個人情報の使用", "使用に関するリスク。",
              risk("risk1", "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク", "リスク1",
                   rich("address_system", "宛名システム等における措置の内容", "宛名システム等での紐付け防止の措置。"),
                   rich("other_systems", "事務で使用するその他のシステムにおける措置の内容",
                        "その他のシステムでの措置。"),
                   other()),
              risk("risk2", "権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスク", "リスク2",
                   choice("user_auth", "ユーザ認証の管理", C.DOING, "ユーザ認証を管理しているか。"),
                   rich("auth_method", "具体的な管理方法", "ユーザ認証の具体的な管理方法。"),
                   rated("access_issuance", "アクセス権限の発効・失効の管理", C.DOING, "具体的な管理方法"),
                   rated("access_control", "アクセス権限の管理", C.DOING, "具体的な管理方法"),
                   rated("usage_record", "特定個人情報の使用の記録", C.RECORDED, "具体的な方法"),
                   other()),
              risk("risk3", "従業者が事務外で使用するリスク", "リスク3"),
              risk("risk4", "特定個人情報ファイルが不正に複製されるリスク", "リスク4"),
              other_risks("other", OTHER_RISKS), no="3."),
        group("outsourcing", "特定個人情報ファイルの取扱いの委託", "委託に関するリスク。",
              flag("委託しない"),
              outsourcing_risk(),
              other_risks("other", OTHER_RISKS), no="4."),
        group("provision_transfer", "特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)",
              "提供・移転に関するリスク。",
              flag("提供・移転しない"),
              risk("risk1", "不正な提供・移転が行われるリスク", "リスク1",
                   choice("record", "特定個人情報の提供・移転の記録", C.RECORDED, "提供・移転の記録を残しているか。"),
                   rich("record_method", "具体的な方法", "提供・移転の記録の具体的な方法。", required=False),
                   choice("rules", "特定個人情報の提供・移転に関するルール", C.DEFINED,
                          "提供・移転のルールを定めているか。"),
                   rich("rules_content", "ルールの内容及びルール遵守の確認方法", "ルールの内容と遵守の確認方法。",
                        required=False),
                   other()),
              risk("risk2", "不適切な方法で提供・移転が行われるリスク", "リスク2"),
              risk("risk3", "誤った情報を提供・移転してしまうリスク、誤った相手に提供・移転してしまうリスク",
                   "リスク3"),
              other_risks("other", OTHER_RISKS), no="5."),
        group("network", "情報提供ネットワークシステムとの接続", "情報提供ネットワークシステムとの接続に伴うリスク。",
              flag("接続しない(入手)", "接続しない(提供)"),
              risk("risk1", "目的外の入手が行われるリスク", "リスク1"),
              risk("risk2", "安全が保たれない方法によって入手が行われるリスク", "リスク2"),
              risk("risk3", "入手した特定個人情報が不正確であるリスク", "リスク3"),
              risk("risk4", "入手の際に特定個人情報が漏えい・紛失するリスク", "リスク4"),
              risk("risk5", "不正な提供が行われるリスク", "リスク5"),
              risk("risk6", "不適切な方法で提供されるリスク", "リスク6"),
              risk("risk7", "誤った情報を提供してしまうリスク、誤った相手に提供してしまうリスク", "リスク7"),
              other_risks("other", OTHER_RISKS), no="6."),
        group("storage", "特定個人情報の保管・消去", "保管・消去に関するリスク。",
              risk("risk1", "特定個人情報の漏えい・滅失・毀損リスク", "リスク1",
                   choice("nisc", "NISC政府機関統一基準群", C.NISC, "政府機関統一基準群の遵守状況。", no="①"),
                   choice("security_system", "安全管理体制", C.MAINTAINED, "安全管理体制の整備状況。", no="②"),
                   choice("security_rules", "安全管理規程", C.MAINTAINED, "安全管理規程の整備状況。", no="③"),
                   choice("staff_notice", "安全管理体制・規程の職員への周知", C.NOTIFIED, "職員への周知の状況。",
                          no="④"),
                   rated("physical", "物理的対策", C.EFFORT, "具体的な対策の内容", no="⑤"),
                   rated("technical", "技術的対策", C.EFFORT, "具体的な対策の内容", no="⑥"),
                   choice("backup", "バックアップ", C.EFFORT, "バックアップの実施状況。", no="⑦"),
                   choice("incident_procedure", "事故発生時手順の策定・周知", C.EFFORT,
                          "事故発生時の手順を策定・周知しているか。", no="⑧"),
                   choice("serious_incident",
                          "過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか", C.INCIDENT,
                          "過去3年以内の重大事故の有無。", no="⑨"),
                   rich("incident_details", "その内容", "重大事故の内容。なければ「—」。", required=False),
                   rich("recurrence_prevention", "再発防止策の内容", "再発防止策。なければ「—」。", required=False),
                   choice("deceased_numbers", "死者の個人番号", C.KEPT, "死者の個人番号を保管しているか。", no="⑩"),
                   rich("deceased_storage", "具体的な保管方法", "死者の個人番号の保管方法。", required=False),
                   other()),
              risk("risk2", "特定個人情報が古い情報のまま保管され続けるリスク", "リスク2"),
              risk("risk3", "特定個人情報が消去されずいつまでも存在するリスク", "リスク3",
                   choice("erasure_procedure", "消去手順", C.DEFINED, "消去手順を定めているか。"),
                   rich("procedure_content", "手順の内容", "消去手順の内容。", required=False),
                   other()),
              other_risks("other", OTHER_RISKS), no="7."),
        no="Ⅲ",
    )


def other_risk_measures() -> Field:
    """Ⅳ その他のリスク対策 (the 重点 form prints these as Ⅲ 8.–10.)."""
    return group(
        "other_risk_measures", "その他のリスク対策", "Ⅳ その他のリスク対策 ※。",
        group("audit", "監査", "自己点検と監査。",
              choice("self_check", "自己点検", C.EFFORT, "自己点検の実施状況。", no="①"),
              rich("self_check_method", "具体的なチェック方法", "自己点検の具体的なチェック方法。"),
              choice("audit", "監査", C.EFFORT, "監査の実施状況。", no="②"),
              rich("audit_content", "具体的な内容", "監査の具体的な内容。"),
              no="1."),
        group("training", "従業者に対する教育・啓発", "従業者への教育・啓発。",
              choice("level", "従業者に対する教育・啓発", C.EFFORT, "教育・啓発の実施状況。"),
              rich("method", "具体的な方法", "教育・啓発の具体的な方法。"), no="2."),
        rich("other_measures", "その他のリスク対策", "その他のリスク対策。", no="3.", required=False),
        no="Ⅳ",
    )


def procedure() -> Field:
    """Ⅵ 評価実施手続 (2.③⑤ and 4. are 全項目 only)."""
    return group(
        "procedure", "評価実施手続", "Ⅵ 評価実施手続。",
        group("basic_assessment", "基礎項目評価", "基礎項目評価の実施日としきい値判断。",
              date("date", "実施日", "基礎項目評価の実施日。", no="①"),
              choice("threshold", "しきい値判断結果", C.THRESHOLD_FULL, "しきい値判断の結果。", no="②"),
              no="1."),
        group("public_opinion", "国民・住民等からの意見の聴取", "パブリックコメント等による意見の聴取。",
              rich("method", "方法", "意見聴取の方法。", no="①"),
              text("period", "実施日・期間", "意見聴取の実施日・期間(印字どおり)。", no="②"),
              rich("shortening_reason", "期間を短縮する特段の理由", "期間を短縮した理由。なければ「—」。", no="③",
                   required=False),
              rich("main_opinions", "主な意見の内容", "寄せられた主な意見。なければ「—」。", no="④"),
              rich("reflection", "評価書への反映", "意見の評価書への反映。なければ「—」。", no="⑤"),
              no="2."),
        group("third_party_review", "第三者点検", "第三者点検(地方公共団体等)。",
              text("date", "実施日", "第三者点検の実施日(印字どおり、例: 令和7年9月18日(諮問))。", no="①",
                   required=False),
              rich("method", "方法", "第三者点検の方法。", no="②", required=False),
              rich("result", "結果", "第三者点検の結果。", no="③", required=False),
              no="3."),
        group("ppc_approval", "個人情報保護委員会の承認【行政機関等のみ】", "行政機関等が受ける委員会の承認。",
              date("submitted", "提出日", "個人情報保護委員会への提出日。", no="①", required=False),
              rich("review", "個人情報保護委員会による審査", "委員会による審査の内容。", no="②", required=False),
              no="4.", required=False),
        no="Ⅵ",
    )


def _disclosure() -> Field:
    return numbered(disclosure((
        rich("special_notes", "特記事項", "請求についての特記事項。", required=False),
        choice("fee", "手数料等", C.FEE, "開示請求の手数料の有無。", no="③"),
        text("fee_details", "手数料額、納付方法", "手数料額と納付方法(括弧内の記載)。", required=False),
        choice("register_published", "個人情報ファイル簿の公表", C.DOING, "個人情報ファイル簿を公表しているか。",
               no="④"),
        text("register_names", "個人情報ファイル名", "公表している個人情報ファイル簿のファイル名。", required=False),
        text("register_place", "公表場所", "個人情報ファイル簿の公表場所。", required=False),
        rich("special_procedure", "法令による特別の手続", "法令による特別の手続。なければ「—」。", no="⑤",
             required=False),
        rich("register_exception", "個人情報ファイル簿への不記載等", "個人情報ファイル簿への不記載等。なければ「—」。",
             no="⑥", required=False),
    )), "Ⅴ")


FULL = Form(
    name=NAME,
    code="様式4",
    versions=("令和7年5月 様式2", "令和6年10月 様式2", "平成30年5月 様式4"),  # as 003's 別添3 names them
    root=group(
        "assessment", NAME, "全項目評価書の全体。",
        cover((date("ppc_approval_date", "個人情報保護委員会 承認日【行政機関等のみ】",
                    "行政機関等が個人情報保護委員会の承認を受けた日。地方公共団体は空欄。", required=False),)),
        basic_info(),
        business_flow(),
        files(),
        risk_block(),
        other_risk_measures(),
        _disclosure(),
        procedure(),
        changes("(別添3)"),
        annexes(),
    ),
)
