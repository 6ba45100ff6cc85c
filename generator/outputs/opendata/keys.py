"""Every key of the published JSON that is not a form label, declared once with its meaning.

The rule, stated on the オープンデータ page: every key is Japanese — inside 評価書 the form's item labels
(the keys of content/*.yaml), everywhere else the names below. records, catalogue and schema take their keys
from here and the page lists them from here, so a key cannot be published without its meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.forms import FORMS
from generator.load.values import EVIDENCE, INFERRED, PARTIAL, PRINTED, READ_VALUE, UNREADABLE, UNTICKED, WITHHELD

SCHEMA_VERSION = "2.0"
PREVIOUS_VERSION = "1.0"  # its keys (Key.old) are listed on the page so a consumer can migrate


@dataclass(frozen=True)
class Key:
    """One key: where it appears, what it holds, and its name in version 1.0 when it had another."""

    name: str
    where: str
    meaning: str
    old: str = ""


# Where a key appears: 評価書ごとの JSON (data/assessments/<id>.json) or the 一覧 (data/assessments.json).
RECORD, CATALOGUE, ENTRY = "評価書ごとの JSON", "一覧", "一覧の各評価書"
BOTH = f"{RECORD}・{ENTRY}"
ORG, LICENCE, DATE, VALUE = "「団体」の中", "「利用条件」の中", "日付", "「評価書」の中の値"

VERSION = Key("スキーマの版", f"{RECORD}・{CATALOGUE}", f"このファイルの形の版({SCHEMA_VERSION})", "schema_version")
ID = Key("評価書ID", BOTH, "団体コード-評価書番号(例: 012033-3)", "id")
PAGE = Key("評価書のページ", BOTH, "ポータル内の評価書のページ(サイトの最上位からの相対URL)", "url")
DATA = Key("評価書のデータ", BOTH, "評価書データ(JSON)の場所(サイトの最上位からの相対URL)", "json")
FORM = Key("種類", BOTH, "評価書の種類(" + "・".join(FORMS) + ")")
FORM_CODE = Key("様式番号", RECORD, "様式の番号(様式3・様式4 など)")
FORM_VERSION = Key("様式の版", BOTH, "評価書に印字された様式の版(印字がなければ null)")
ORGANIZATION = Key("団体", RECORD, "評価を実施した団体(団体コード・名称・都道府県)")
RECORD_BODY = Key("評価書", RECORD, "評価書の全項目。キーは様式の項目名(content/ の YAML と同じ)で、並びは様式の順")
ORG_CODE = Key("団体コード", f"{ORG}・{ENTRY}", "全国地方公共団体コード(6桁)")
ORG_NAME = Key("名称", ORG, "団体名")
PREFECTURE = Key("都道府県", ORG, "団体の都道府県")
LICENCE_KEY = Key("利用条件", CATALOGUE, "このサイトのファイルを利用できる条件(名称・規約のURL・補足・出典)", "licence")
LICENCE_NAME = Key("名称", LICENCE, "利用規約の名称", "name")
LICENCE_URL = Key("規約のURL", LICENCE, "利用規約の URL", "url")
LICENCE_NOTE = Key("補足", LICENCE, "利用規約についての補足", "note")
SOURCE = Key("出典", LICENCE, "データの出典(各団体が公表した評価書の転記であること)")
ENTRIES = Key("評価書の一覧", CATALOGUE, "評価書ごとに1つ(評価書ID の順)", "assessments")
ORG_LABEL = Key("団体", ENTRY, "団体名")
ASSESSOR = Key("評価実施機関", ENTRY, "表紙の評価実施機関名(判読不能なら null)")
TITLE = Key("評価書名", ENTRY, "表紙の評価書名")
PUBLISHED = Key("公表日", ENTRY, "表紙の公表日(日付)")
DUE = Key("再評価の目安", ENTRY, "公表日から5年後の日付(ISO 8601。公表日が分からなければ null)")
STATUS = Key("状態", ENTRY, "公表中 または 終了", "status")
ENDED = Key("終了日", ENTRY, "事務が終了した日(日付。終了していなければ null)")
ISO = Key("西暦", DATE, "ISO 8601 の日付(2023-04-03)。原本が年月までのときは 2015-10 の形", "iso")
WAREKI = Key("和暦", DATE, "原本の和暦の表記(令和5年4月3日)", "wareki")
TICK_LABEL = Key("選択肢", VALUE, "チェック項目で選ばれた選択肢")
TICK_TEXT = Key("括弧内の記載", VALUE, "選択肢の括弧内の記載(なければ null)")
GROUP_NAME = Key("グループ", VALUE, "記録項目(別添)のグループ名(なければ null)")
GROUP_ITEMS = Key("項目", VALUE, "記録項目(別添)のグループに含まれる項目名")
MARKS = (
    Key(INFERRED, VALUE, "true のとき、この値は原本から読み取れず、同じ評価書の別の記載から推定したもの"),
    Key(READ_VALUE, VALUE, "推定した値、または原本の表記を伴う値そのもの"),
    Key(EVIDENCE, VALUE, "推定の根拠(何をどこで読み、なぜその値になるか)"),
    Key(UNREADABLE, VALUE, "値が PDF からの抽出で失われたこと(中身はその理由)"),
    Key(WITHHELD, VALUE, "値が規則第13条により公表されていないこと(中身はその理由)"),
    Key(PARTIAL, VALUE, "判読不能・非公表の値のうち読み取れた部分"),
    Key(UNTICKED, VALUE, "一部が判読不能なチェック項目で、チェックなしと読み取れた選択肢"),
    Key(PRINTED, VALUE, "原本の表記が様式の選択肢・項目名と違うときの、原本の表記"),
)

KEYS: tuple[Key, ...] = (
    VERSION, ID, PAGE, DATA, FORM, FORM_CODE, FORM_VERSION, ORGANIZATION, RECORD_BODY,
    ORG_CODE, ORG_NAME, PREFECTURE,
    LICENCE_KEY, LICENCE_NAME, LICENCE_URL, LICENCE_NOTE, SOURCE, ENTRIES,
    ORG_LABEL, ASSESSOR, TITLE, PUBLISHED, DUE, STATUS, ENDED,
    ISO, WAREKI, TICK_LABEL, TICK_TEXT, GROUP_NAME, GROUP_ITEMS, *MARKS,
)
VALUE_KEYS = (TICK_LABEL, TICK_TEXT, GROUP_NAME, GROUP_ITEMS, *MARKS)


def described(key: Key, schema: dict[str, Any] | bool = True) -> dict[str, Any]:
    """A property's schema with the key's meaning as its description (the schema documents every key)."""
    return {"description": key.meaning, **(schema if isinstance(schema, dict) else {})}


def closed_object(props: dict[Key, Any]) -> dict[str, Any]:
    """The schema of an object whose keys are exactly these, each required and described."""
    return {"type": "object", "additionalProperties": False, "required": [key.name for key in props],
            "properties": {key.name: described(key, schema) for key, schema in props.items()}}


DATE_SCHEMA = closed_object({ISO: {"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"},
                             WAREKI: {"type": "string"}})
