"""The editing guide for clerks (content/EDITING_GUIDE.md), generated from the form spec.

Generated, never hand-written, so that it cannot drift from what `make check` accepts: every item of
every form with its printed number, YAML key path, type, choices, description and an example.
Text from the spec passes through `md()` (or a code span), the one place where escaping happens.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.forms import FORMS
from generator.forms.meta import ORGANIZATION, assessment_meta
from generator.forms.spec import Checks, Choice, Field, Form, Group, Repeat
from generator.load.limits import CHARACTER_RULES, LIMITS, MAX_ERRORS_SHOWN
from generator.load.names import slug
from generator.load.weburl import ALLOWED_SCHEMES
from generator.pages.guide_examples import example_yaml

GUIDE_NAME = "EDITING_GUIDE.md"
INTRO = Path(__file__).resolve().parent / "guide_intro.md"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~|#])")


def md(text: str) -> str:
    """Plain text → Markdown that shows exactly that text (no emphasis, links or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split())).replace("&", "&amp;")


def code(text: str) -> str:
    """Inline code span, with a fence longer than any backtick run inside."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def printed(parents: tuple[Field, ...], spec: Field) -> str:
    """Printed numbers of the ancestors, then the item as printed: e.g. `Ⅱ 4. ③委託先名`."""
    return " ".join([*(p.no for p in parents if p.no), spec.heading])


def key_path(parents: tuple[Field, ...], spec: Field) -> str:
    """YAML keys from the top of the file; `[n]` marks each entry of a repeating group."""
    return " > ".join([*(f"{p.label}[n]" if isinstance(p.kind, Repeat) else p.label for p in parents), spec.label])


def kind_text(spec: Field) -> str:
    need = "必須" if spec.required else "任意(空欄可)"
    if isinstance(spec.kind, Repeat):
        need += "(該当がなければ `[]`)" if spec.required else ""
    limit = f"、最大{spec.kind.max_items}件" if isinstance(spec.kind, Repeat) and spec.kind.max_items else ""
    return f"{md(spec.kind.name)}{limit}、{need}"


def item(parents: tuple[Field, ...], spec: Field, level: int) -> list[str]:
    """One item: heading, key path, type, choices, description, example."""
    lines = [
        f"{'#' * level} {md(printed(parents, spec))}",
        "",
        f"- YAMLのキー: {code(key_path(parents, spec))}",
        f"- 種類: {kind_text(spec)}",
    ]
    if isinstance(spec.kind, (Choice, Checks)):
        lines.append(f"- 選択肢: {' / '.join(code(o) for o in spec.kind.options)}")
    if isinstance(spec.kind, Checks) and spec.kind.with_text:
        lines.append(f"- 括弧内の記載を付けられる選択肢: {' / '.join(code(o) for o in spec.kind.with_text)}")
    for version, no in spec.renumbered:
        lines.append(f"- 版による番号の違い: {md(version)} では {md(no or '番号なし')}")
    lines.append(f"- 説明: {md(spec.description)}")
    return [*lines, "- 例:", "", *fenced(example_yaml(spec)), ""]


def fenced(text: str) -> list[str]:
    fence = "`" * max(3, max((len(r) + 1 for r in re.findall(r"`+", text)), default=0))
    return [f"  {fence}yaml", *(f"  {line}" if line else "" for line in text.splitlines()), f"  {fence}"]


def form_section(form: Form) -> list[str]:
    lines = [f"## {md(form.name)}({md(form.code)})", "", md(form.root.description), ""]
    for parents, spec in form.walk():
        lines.extend(item(parents, spec, 3 if not parents else 4))
    return lines


def flat_section(title: str, intro: str, fields: tuple[Field, ...]) -> list[str]:
    lines = [f"## {title}", "", intro, ""]
    for spec in fields:
        lines.extend(item((), spec, 3))
        for sub in spec.kind.fields if isinstance(spec.kind, Group) else ():
            lines.extend(item((spec,), sub, 4))
    return lines


def guide_text() -> str:
    """The whole guide (Markdown, ends with one newline): content/EDITING_GUIDE.md."""
    lines = _common_head()
    for form in FORMS.values():
        lines += form_section(form)
    lines += limits_section()
    return "\n".join(lines).rstrip("\n") + "\n"


def _common_head() -> list[str]:
    lines = [INTRO.read_text(encoding="utf-8").rstrip("\n"), ""]
    org_file = code("content/organizations/団体コード.yaml")
    lines += flat_section("団体のファイル", f"{org_file} に1団体1ファイルで書きます。", ORGANIZATION.root.kind.fields)
    lines += flat_section(
        "評価書のファイルの先頭", "どの様式の評価書も、最初にこれらのキーを書きます。", assessment_meta()
    )
    return lines


def form_page_slug(form: Form) -> str:
    return f"form-{slug(form.name)}"


def site_pages() -> list[tuple[str, str, str]]:
    """(path under the guide, title, Markdown) of the guide as published: the same text as guide_text(), but
    each form's items on a page of their own (one page of every item passes 500 KB of HTML on a phone)."""
    # An HTML list, not Markdown links: mkdocs checks Markdown links only against the pages of its own run, and
    # a site built in parts (--jobs, --shard) may make the form pages in another run.
    items = "".join(f'<li><a href="{form_page_slug(form)}/">{html.escape(f"{form.name}({form.code})")}の項目</a></li>'
                    for form in FORMS.values())
    common = [*_common_head(), "## 様式ごとの項目", "", f"<ul>{items}</ul>", "", *limits_section()]
    pages = [("", "データ仕様・編集ガイド", "\n".join(common).rstrip("\n") + "\n")]
    for form in FORMS.values():
        text = "\n".join(form_section(form)).rstrip("\n") + "\n"
        pages.append((f"{form_page_slug(form)}/", f"編集ガイド: {form.name}", text))
    return pages


def limits_section() -> list[str]:
    """Limits and forbidden characters, from load/limits.py and load/weburl.py (never hand-copied)."""
    schemes = " か ".join(code(f"{s}://") for s in ALLOWED_SCHEMES)
    return [
        "## 上限と使えない文字", "",
        "次を超えるファイルや値は `make check` がエラーにします(実際の評価書はどれも十分に収まります)。", "",
        *(f"- {md(what)}: {md(limit)}まで" for what, limit in LIMITS),
        "", "次の文字はどの値にも書けません。", "",
        *(f"- {md(rule)}" for rule in CHARACTER_RULES),
        "", f"空白だけの値は書けません(空欄にするときは何も書きません)。URL の項目には {schemes} で始まる"
        "ウェブのアドレスだけ書けます(`javascript:` や `data:` はリンクにすると実行されるため使えません)。"
        f"`make check` はエラーを最初の {MAX_ERRORS_SHOWN} 件まで表示し、残りは件数だけを示します。", "",
    ]
