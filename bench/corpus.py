"""A realistic, deterministic benchmark corpus: N assessments derived from the five real ones.

Usage: .venv/bin/python bench/corpus.py N OUT_DIR

Why not copies of the five: the cost of the portal is in the cross-references. A prefecture has many
bodies (about one per twelve assessments here), a few big vendors that serve most of them and a long tail
of local firms, so entity pages and lists grow as they would in reality. Bodies get valid 団体コード (with
check digits) in several prefectures; every assessment keeps the full text of the real one it copies.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.forms.meta import check_digit

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content"
PER_ORG = 12
PREFECTURES = (
    ("01", "北海道"), ("11", "埼玉県"), ("13", "東京都"), ("31", "鳥取県"), ("27", "大阪府"), ("23", "愛知県"),
    ("14", "神奈川県"), ("40", "福岡県"), ("04", "宮城県"), ("34", "広島県"), ("22", "静岡県"), ("28", "兵庫県"),
)
BIG_VENDORS = (
    "日本電気株式会社", "富士通Japan株式会社", "株式会社日立システムズ", "株式会社TKC", "株式会社HBA",
    "NECネクサソリューションズ株式会社", "株式会社RKKCS", "株式会社両備システムズ", "Gcomホールディングス株式会社",
    "株式会社電算", "株式会社BSNアイネット", "株式会社アイネス",
)
TOWN_SYLLABLES = "あかさたなはまやらわいきしちにひみりうくすつぬふむゆる"
CONTRACTOR = re.compile(r"^(\s+委託先名: )(.+)$", re.MULTILINE)
NUMBER = re.compile(r"^(  評価書番号: )\d+", re.MULTILINE)
ORG_KEY = re.compile(r'^団体: "\d{6}"', re.MULTILINE)


def org_code(index: int) -> tuple[str, str]:
    """(団体コード, 都道府県) of the index-th body: prefectures in turn, city numbers 201, 202, …"""
    pref_code, pref = PREFECTURES[index % len(PREFECTURES)]
    base = f"{pref_code}{201 + index // len(PREFECTURES):03d}"
    return base + str(check_digit(base)), pref


def org_name(index: int, rng: random.Random) -> str:
    return "".join(rng.choice(TOWN_SYLLABLES) for _ in range(3)) + "市"


def contractor(rng: random.Random, org: str) -> str:
    """A vendor drawn as in reality: 70 % one of a dozen big ones (skewed), else a local firm."""
    if rng.random() < 0.7:
        weights = [1 / (rank + 1) for rank in range(len(BIG_VENDORS))]
        return rng.choices(BIG_VENDORS, weights)[0]
    return f"株式会社{org}情報サービス{rng.randrange(1, 4)}"


def write_org(out: Path, code: str, name: str, prefecture: str) -> None:
    (out / "organizations" / f"{code}.yaml").write_text(
        f'団体コード: "{code}"\n名称: {name}\n都道府県: {prefecture}\n', encoding="utf-8"
    )


def make_corpus(n: int, out: Path, source: Path = SOURCE, seed: int = 20261123) -> Path:
    """Write a content folder with n assessments over ceil(n / PER_ORG) bodies; returns `out`."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "organizations").mkdir(parents=True)
    (out / "assessments").mkdir()
    if (source / "aliases.yaml").exists():
        shutil.copy(source / "aliases.yaml", out / "aliases.yaml")
    templates = [p.read_text(encoding="utf-8") for p in sorted((source / "assessments").glob("*.yaml"))]
    orgs = (n + PER_ORG - 1) // PER_ORG
    for i in range(orgs):
        code, pref = org_code(i)
        name = org_name(i, rng)
        write_org(out, code, name, pref)
        for number in range(1, PER_ORG + 1):
            k = i * PER_ORG + number - 1
            if k >= n:
                break
            text = templates[k % len(templates)]
            text = ORG_KEY.sub(f'団体: "{code}"', text, count=1)
            text = NUMBER.sub(lambda m, number=number: f"{m[1]}{number}", text, count=1)
            text = CONTRACTOR.sub(lambda m, name=name: m[1] + contractor(rng, name), text)
            (out / "assessments" / f"{code}-{number}.yaml").write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path = make_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {sys.argv[1]} assessments to {path}")
