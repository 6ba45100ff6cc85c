"""The オープンデータ page: what each file holds, its columns and keys, and how to use the feed."""

from __future__ import annotations

from markupsafe import Markup

from generator.forms import FORMS
from generator.model import urls
from generator.model.graph import Graph
from generator.outputs.opendata import keys as k
from generator.outputs.opendata.tables import TABLES
from generator.pages.about import settings
from generator.pages.guide import form_page_slug
from generator.pages.html import join, link, table, tag, ul
from generator.pages.markdown import md_page
from generator.pages.pages import ALL, Page, reads

URL = urls.OPEN_DATA
RULE = ("JSON のキーはすべて日本語です。「評価書」の中は様式の項目名(content/ の YAML のキーと同じ)、"
        "それ以外は下の「キーの一覧」の名前です。CSV のファイル名は英語(ASCII)、列名は日本語です。")


def _file(path: str, text: str | None = None) -> Markup:
    return link(urls.relative_file(URL, path), text or path)


def _guide_links() -> Markup:
    forms = [link(urls.relative(URL, f"{urls.GUIDE}{form_page_slug(f)}/"), f"{f.name}の項目") for f in FORMS.values()]
    return join([link(urls.relative(URL, urls.GUIDE), "データ仕様・編集ガイド"), "(", join(forms, "・"), ")"])


def _json_section(graph: Graph) -> Markup:
    shapes = ul([
        join(["「評価書」の中のキーは様式の項目名で、並びは様式の順です。項目ごとの意味は ", _guide_links(),
              " にあります。空の項目も null または [] として必ず含みます。"]),
        "日付: {\"西暦\": \"2023-04-03\", \"和暦\": \"令和5年4月3日\"}(年月までの日付は 西暦 が 2015-10 の形)",
        "推定した値: {\"推定\": true, \"値\": 値, \"根拠\": 根拠}"
        "(読み取れた値だけを使うときは、推定 を含む値を除きます)",
        "判読不能・非公表の値: {\"判読不能\": 理由, \"記載\": 読み取れた部分}(記載は残っている場合のみ)",
        "チェック項目: [{\"選択肢\": 選んだ選択肢, \"括弧内の記載\": 括弧内の記載または null}, …]",
        "記録項目(別添): [{\"グループ\": グループ名または null, \"項目\": [項目名, …]}, …]",
        "評価書のページ・評価書のデータ はサイトの最上位からの相対URLです。",
    ], class_="pia-prose")
    example = graph.assessments[0] if graph.assessments else None
    return join([
        tag("p", join([RULE, "スキーマの版は ", tag("code", k.SCHEMA_VERSION), " です。"]), class_="pia-prose"),
        ul([join([_file(urls.CATALOGUE), " — 一覧(評価書ごとに団体・評価実施機関・評価書名・種類・公表日・"
                  "再評価の目安・状態(公表中/終了)・ページとデータのURL)"]),
            join([_file(urls.SCHEMA), " — 評価書データの JSON Schema(様式の定義から生成。どのキーにも説明があります)"]),
            join([_file(urls.CATALOGUE_SCHEMA), " — 一覧の JSON Schema"])], class_="pia-prose"),
        tag("p", "値の表し方:"), shapes,
        # One line, not a row per assessment: this page must not grow with the corpus.
        tag("p", join([f"評価書ごとの JSON({len(graph.assessments)} 件)は data/assessments/<評価書ID>.json にあります",
                       join(["(例: ", _file(urls.assessment_json(example.id), f"{example.id}.json"), ")"])
                       if example else "",
                       "。各評価書のページの「オープンデータ」欄からもリンクしています。"]), class_="pia-prose"),
    ])


def _keys_section() -> Markup:
    """Every key that is not a form label, and what it was called in the previous schema version."""
    rows = [[tag("code", key.name), key.where, key.meaning] for key in k.KEYS]
    renamed = [[tag("code", key.old), tag("code", key.name), key.where] for key in k.KEYS if key.old]
    return join([
        tag("p", "「評価書」の中の項目名のほかに、JSON には次のキーがあります。", class_="pia-prose"),
        table(["キー", "ある場所", "意味"], rows),
        tag("p", f"スキーマの版 {k.SCHEMA_VERSION} で、版 {k.PREVIOUS_VERSION} の英語のキーを日本語に改めました"
                 "(値と構造は同じです)。対応は次のとおりです。", class_="pia-prose"),
        table([f"版 {k.PREVIOUS_VERSION} のキー", f"版 {k.SCHEMA_VERSION} のキー", "ある場所"], renamed),
    ], "\n\n")


def _csv_section() -> Markup:
    parts = [tag("p", "表計算ソフトでそのまま開けるよう、UTF-8(BOM付き)・改行 CRLF・見出し行1行の CSV です。"
                      "判読不能・非公表の値は「【判読不能】」「【非公表】」の後に読み取れた部分を付けて示します。"
                      "複数の値は「 / 」で区切ります。日付は ISO 8601(2023-04-03)です。"
                      "「=」「+」「-」「@」・タブ・CR で始まる値は、表計算ソフトが数式として実行しないよう"
                      "先頭に「'」を付けています(JSON は元の値のままです)。"
                      "ファイル名は1行が表すものの英語名です。以前の名前(旧名)でも同じ内容のファイルを公開し続けます。")]
    for t in TABLES:
        parts.append(Markup(f"### {t.title}({t.name}) {{ #csv-{t.name.removesuffix('.csv')} }}"))
        download = [_file(urls.data_file(t.name), f"{t.name} をダウンロード"), " — ", t.description]
        if t.legacy:  # the old name and the old anchor keep working
            old = t.legacy.removesuffix(".csv")
            download += [tag("span", "", id=f"csv-{old}"), "旧名 ", _file(urls.data_file(t.legacy), t.legacy),
                         " も同じ内容です。"]
        columns = table(["列", "内容"], [[c, d] for c, d in t.columns])
        parts.append(tag("p", join(download), class_="pia-prose") + columns)
    return join(parts, "\n\n")


def _feed_section() -> Markup:
    return join([
        tag("p", join([_file(urls.FEED), " は評価書の公表(公表日)と変更(変更箇所の変更日ごとに1件)を新しい順に並べた "
                       "Atom 1.0 フィードです。フィードリーダーに登録すると、公表・変更を知ることができます。"
                       "各ページの head にも登録用のリンクがあります。"]), class_="pia-prose"),
        ul(["各エントリの id は urn:uuid(評価書IDと日付から決まる UUID v5)で、サイトを作り直しても変わりません。",
            "updated は公表日・変更日(日本時間0時)です。ビルドした時刻は使いません。",
            "リンクは相対URLで、フィード自身のURL(サイトの最上位の feed.xml)を基準に解決します。"
            "そのため site_url の設定なしに、どのホスト・どのパスに置いても正しく動きます。"]),
    ])


def licence_html() -> Markup:
    """The licence of every file here, from the operator's settings (mkdocs.yml extra.pia; pages/about.py)."""
    s = settings()
    name = link(s["licence_url"], s["licence"], rel="external license")
    text = join(["ここで公開するファイル(JSON・CSV・フィード)は ", name, f" で利用できます({s['licence_note']})。",
                 "内容は各団体が公表した評価書(PDF)の転記です。違いがあるときは原本が正です。"])
    return tag("p", text, class_="pia-prose")


def open_data_page(graph: Graph) -> Page:
    """The オープンデータ page (it reads ALL: it lists every assessment's JSON)."""
    def body() -> Markup:
        return join([
            tag("p", "このポータルの内容は、ページと同じ評価書データから作ったファイルとしても公開しています。"
                     "ファイルは内容が同じなら何度作っても同じバイト列になります(作成日時を含みません)。",
                class_="pia-lead"),
            Markup("## 利用条件 { #licence }"), licence_html(),
            Markup("## 評価書データ(JSON) { #json }"), _json_section(graph),
            Markup("### キーの一覧 { #keys }"), _keys_section(),
            Markup("## CSV { #csv }"), _csv_section(),
            Markup("## 更新情報(Atom フィード) { #feed }"), _feed_section(),
        ], "\n\n")

    return md_page(URL, reads(ALL), "index.md.j2", title="オープンデータ",
                   description="評価書データの JSON・CSV と更新情報フィード", body=body)
