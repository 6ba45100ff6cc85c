"""The results page (search/index.md): a static shell that search.js fills in the browser."""

from __future__ import annotations

from generator.model import urls

_SHELL = """\
---
title: 検索
description: 特定個人情報保護評価書ポータルの全文検索
hide:
  - navigation
  - toc
---
<div class="pia-search" id="pia-search" data-pia-search-page hidden>
<form class="pia-search__form" role="search" method="get" action="./">
<label class="pia-search__label" for="pia-search-q">検索語</label>
<div class="pia-search__row">
<input class="pia-search__input" id="pia-search-q" name="q" type="search" autocomplete="off" spellcheck="false" \
enterkeyhint="search" aria-describedby="pia-search-help">
<button class="pia-search__button" type="submit">検索</button>
</div>
<p class="pia-search__help" id="pia-search-help">入力した語をそのままの並びで含むページを探します。\
スペースで区切ると、すべての語を含むページに絞り込みます(例: 中間サーバー 宛名)。\
同じ意味の語も探します(例: マイナンバーで個人番号も)。"個人番号" のように引用符で囲むと、その表記だけを探します。</p>
</form>
<p class="pia-search__status" id="pia-search-status" role="status" aria-live="polite" aria-atomic="true"></p>
<div class="pia-search__body">
<div class="pia-search__facets" id="pia-search-facets"></div>
<div class="pia-search__results" id="pia-search-results"></div>
</div>
</div>
<noscript><p class="pia-search__noscript">この検索ページを使うには JavaScript を有効にしてください。\
JavaScript を使わずに探すときは、<a href="{assessments}">評価書一覧</a>や\
<a href="{organizations}">団体一覧</a>からたどれます。</p></noscript>
"""


def search_page_markdown() -> str:
    """Markdown text of search/index.md; links are relative so the site works under any base path."""
    return _SHELL.format(assessments=urls.relative(urls.SEARCH, urls.index("assessments")),
                         organizations=urls.relative(urls.SEARCH, urls.index("organizations")))
