"""A small synthetic portal for the search tests: pages as SearchDocs and a static site built from them."""

from __future__ import annotations

from pathlib import Path

import jinja2
import markdown

from generator.model import urls
from generator.outputs.search import SearchDoc, search_files, search_page_markdown

THEME = Path(__file__).resolve().parents[2] / "theme"

DOCS = [
    SearchDoc("assessments/012033-3/", "住民基本台帳に関する事務 重点項目評価書", "評価書", "小樽市", "重点項目評価書",
              "2024-03-01", "本市は中間サーバー・プラットフォームを利用する。\n宛名システムと連携する。"),
    SearchDoc("assessments/012033-3/files/1/", "住民基本台帳ファイル", "ファイル", "小樽市", "重点項目評価書", "",
              "中間 のサーバー 室に保管する。"),
    SearchDoc("systems/atena/", "宛名システム", "システム", "小樽市", "", "",
              "宛名システムは団体内統合宛名番号を管理する。HBA端末で利用する。"),
    SearchDoc("systems/chukan/", "中間サーバー", "システム", "港区", "", "",
              "中間サーバーは情報提供ネットワークシステムに接続する。eLTAX とは連携しない。"),
    SearchDoc("assessments/131032-2/", "個人住民税に関する事務 全項目評価書", "評価書", "港区", "全項目評価書",
              "2023-10-01", "ＨＢＡによる認証を行う。地方税ポータルシステム(eLTAX)を経由して受け付ける。"),
    SearchDoc("contractors/tokyo-data/", "株式会社トウキョウデータ", "委託先", "小樽市、港区", "", "",
              "東京に本社があり、京都にも支店がある。"),
    SearchDoc("recipients/tokyo/", "東京都知事", "提供先", "港区", "", "",
              "東京都に提供する。記号列 +-*:~^ を含む。"),
    SearchDoc("transferees/shimin/", "市民課", "移転先", "鳥取市", "", "",
              "個人番号を移転する。住民票の写し。a+b 型。"),
    SearchDoc("organizations/312011/", "鳥取市", "団体", "鳥取市", "", "", "鳥取市の評価書一覧。２０２４年度。"),
    SearchDoc("", "評価書ポータル", "ページ", "", "", "", "特定個人情報保護評価書を検索できます。"),
    SearchDoc("guide/", "<img src=x onerror=alert(1)>の使い方", "ページ", "", "", "",
              "HTMLタグ <b>太字</b> は文字として表示される。ｶﾀｶﾅ半角も検索できる。"),
]


def _page_html(page_url: str, title: str, content: str) -> str:
    """A minimal page shaped like the portal's: header box partial, content, the search CSS and JS."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(THEME)), autoescape=True)
    env.filters["url"] = lambda target: urls.relative(page_url, target)
    box = env.get_template("partials/pia-search-box.html").render()
    assets = urls.relative(page_url, "assets/pia-search/").rstrip("/") + "/"
    return f"""<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="{assets}search.css"></head>
<body><header class="md-header">{box}</header>
<main class="md-typeset"><h1>{title}</h1>
{content}
</main>
<script src="{assets}search.js" defer></script>
</body></html>
"""


def build_site(root: Path, docs: list[SearchDoc]) -> None:
    """Write search_files() plus a home page, a nested page and the results page below `root`."""
    for path, data in search_files(docs).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    shell = search_page_markdown().split("---\n", 2)[2]
    pages = {"": ("評価書ポータル", "<p>ようこそ</p>"),
             "assessments/012033-3/": ("評価書", "<p>評価書の本文</p>"),
             "search/": ("検索", markdown.markdown(shell))}
    for url, (title, content) in pages.items():
        target = root / url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_page_html(url, title, content), encoding="utf-8")
