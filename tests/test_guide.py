"""The editing guide: committed copy up to date, every item listed in order, examples that `check` accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.forms import FORMS
from generator.forms.meta import ORGANIZATION, assessment_meta
from generator.forms.spec import Field, Group, Repeat
from generator.load.validate import Walker
from generator.pages.guide import GUIDE_NAME, code, guide_text, md, printed
from generator.pages.guide_examples import example_yaml

ROOT = Path(__file__).resolve().parent.parent


def test_committed_guide_is_up_to_date() -> None:
    committed = (ROOT / "content" / GUIDE_NAME).read_text(encoding="utf-8")
    assert committed == guide_text(), "run `python -m generator guide --write`"


@pytest.mark.parametrize("name", sorted(FORMS))
def test_every_item_has_a_heading_in_form_order(name: str) -> None:
    text = guide_text()
    start = text.index(f"\n## {md(name)}")
    for parents, spec in FORMS[name].walk():
        heading = f"\n{'#' * (4 if parents else 3)} {md(printed(parents, spec))}\n"
        found = text.find(heading, start)
        assert found > start, heading
        start = found


def test_printed_number_path() -> None:
    form = FORMS["重点項目評価書"]
    found = {printed(parents, spec) for parents, spec in form.walk()}
    assert "Ⅱ 4. ③委託先名" in found


def test_escaping() -> None:
    assert md("*強調* _下線_ <b>太字</b> [リンク](x) `コード` a&b ~~消~~ | #見出し") == (
        r"\*強調\* \_下線\_ \<b\>太字\</b\> \[リンク\](x) \`コード\` a&amp;b \~\~消\~\~ \| \#見出し"
    )
    assert md("1行目\n2行目") == "1行目 2行目"
    assert code("a`b") == "``a`b``"
    assert code("`a") == "`` `a ``"


def _leaves() -> list[Field]:
    fields = [*ORGANIZATION.root.kind.fields, *assessment_meta()]
    fields += [spec for form in FORMS.values() for _, spec in form.walk()]
    return [f for f in fields if not isinstance(f.kind, (Group, Repeat))]


def test_examples_are_values_check_accepts() -> None:
    for spec in _leaves():
        node = yaml.compose(example_yaml(spec), Loader=yaml.SafeLoader)
        ((key, value),) = node.value
        assert key.value == spec.label
        walker = Walker("example")
        walker.value(spec, value, spec.label)
        assert walker.problems == [], (spec.label, example_yaml(spec))


def test_published_guide_is_the_same_text_split_by_form() -> None:
    """The site shows every item of EDITING_GUIDE.md, each form's items on a page of their own."""
    from generator.pages.guide import site_pages

    pages = site_pages()
    text = guide_text()
    assert pages[0][0] == "" and len(pages) == 1 + len(FORMS)
    for sub, _, body in pages[1:]:
        assert body.strip() in text and f'href="{sub}"' in pages[0][2]
    assert max(len(body.encode("utf-8")) for _, _, body in pages) < len(text.encode("utf-8")) * 0.7
