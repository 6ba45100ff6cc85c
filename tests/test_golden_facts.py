"""The checked-in goldens say what the source texts say.

tests/test_goldens.py only detects change: `make goldens` would accept any page. These assertions read the
committed golden files and compare them with facts taken from content/sources/ by hand (line numbers cited) and
with the reviewed count file content/fidelity.yaml (checked against the sources by tests/test_fidelity.py), never
with the generator's own output.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CONTENT

GOLDEN_DIR = Path(__file__).resolve().parent / "goldens"
FIDELITY: dict[str, dict[str, Any]] = yaml.safe_load((CONTENT / "fidelity.yaml").read_text(encoding="utf-8"))
HEADING = re.compile(r"<h([2-6])[^>]*>(.*?)</h\1>", re.S)
TAG = re.compile(r"<[^>]+>")

# Hand-read from the sources: seed line → the value printed there.
FACTS = {
    "012033-3": {
        "title": "軽自動車税に関する事務 重点項目評価書",  # 000:L6
        "published": "令和5年4月3日",  # 000:L20
        "systems": ["軽自動車税システム", "中間サーバー", "統合宛名システム",  # 000:L43, L51, L60
                    "軽自動車検査情報市区町村提供システム"],  # 000:L64
        "entrustments": {"軽自動車税システムの運用保守": "日本電気株式会社北海道支社"},  # 000:L107, L110
    },
    "131032-2": {
        "title": "特別区民税の賦課及び徴収に関する事務",  # 003:L6 (no 「…評価書」 suffix)
        "published": "令和7年11月26日",  # 003:L17
        "systems": ["税務システム"],  # 003:L43 (system 1 of 11)
        "entrustments": {},
    },
}


def golden(name_end: str) -> str:
    (path,) = sorted(GOLDEN_DIR.glob(f"*{name_end}"))
    return path.read_text(encoding="utf-8")


def headings(text: str) -> list[str]:
    return [TAG.sub("", h).strip() for _, h in HEADING.findall(text)]


def numbered(text: str, label: str) -> list[str]:
    """Headings such as 「システム3: 統合宛名システム」 or 「委託事項12」 (a lost name prints the label alone)."""
    return [h for h in headings(text) if re.fullmatch(rf"{label}\d+(: .*)?", h)]


def _quoted(entry: str) -> str:
    return entry.split("「", 1)[1].split("」", 1)[0]


@pytest.mark.parametrize("aid", sorted(FACTS))
def test_golden_assessment_counts_equal_the_reviewed_count_file(aid: str) -> None:
    text, counts = golden(f"assessment-{aid}.md"), FIDELITY[aid]
    assert len(numbered(text, "システム")) == len(counts["システム"])
    assert len(numbered(text, "委託事項")) == len(counts["委託"])
    assert len(numbered(text, "提供先")) == len(counts["提供先"])
    assert len(numbered(text, "移転先")) == len(counts["移転先"])
    assert text.count('<span class="pia-choice">再委託する</span>') == len(counts["再委託"])
    assert text.count(">リスクへの対策は十分か</th>") == len(counts["リスク"])
    assert text.count('<article class="pia-change">') == counts["変更"]["件数"]
    files = {re.sub(r"^\(\d+\)\s*", "", _quoted(f)) for f in counts["ファイル"]}
    shown = {re.sub(r"^\(\d+\)\s*", "", h) for h in headings(text) if re.match(r"\(\d+\) ", h)}
    assert shown == files


@pytest.mark.parametrize("aid", sorted(FACTS))
def test_golden_assessment_shows_the_source_values(aid: str) -> None:
    text, facts = golden(f"assessment-{aid}.md"), FACTS[aid]
    front = text.split("\n---\n", 1)[0]
    assert f'title: "{facts["title"]}"' in front
    assert f">{facts['published']}</time>" in text
    shown = [h.split(": ", 1)[1] for h in numbered(text, "システム") if ": " in h]
    assert shown[: len(facts["systems"])] == facts["systems"]
    for title, contractor in facts["entrustments"].items():
        assert f"委託事項1: {title}" in headings(text)
        assert f">{contractor}</a>" in text


def test_golden_contractor_page_lists_the_two_otaru_entrustments() -> None:
    """日本電気株式会社北海道支社 is the 委託先 of 001:L91/L94 and of 000:L107/L110,
    both 再委託する (001:L95, 000:L111)."""
    text = golden("nec-hokkaido.md")
    assert 'title: "日本電気株式会社北海道支社"' in text.split("\n---\n", 1)[0]
    rows = re.findall(r"<tr><td.*?</tr>", text, re.S)
    assert len(rows) == 2
    cells = [[TAG.sub("", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]
    assert [(c[0], c[3], c[4]) for c in cells] == [
        ("小樽市", "既存住基システムの運用保守", "あり"),  # 001:L91
        ("小樽市", "軽自動車税システムの運用保守", "あり"),  # 000:L107
    ]
    assert "../../assessments/012033-1/" in rows[0] and "../../assessments/012033-3/" in rows[1]
