"""Every repository path the documentation names in backticks exists, so a newcomer is never sent to a file
that moved or never was. Generated folders (site/, .pia-cache/ …) count only when .gitignore lists them; an
address on the site (contractors/, risks/ …) only when it is not a repository path and starts like a site URL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.forms.entities import ENTITY_KINDS
from generator.model import urls

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("README.md", "ARCHITECTURE.md", "content/README.md", "generator/pages/guide_intro.md")
EXTENSIONS = (".py", ".md", ".yaml", ".yml", ".txt", ".json", ".sh", ".js", ".css", ".toml", ".j2")
PLACEHOLDER = re.compile(r"[<*…]|団体コード|評価書番号")  # a path pattern: check the folder before it
DATE = re.compile(r"^\d+/\d+/\d+$")  # 2025/4/1 is a date as a clerk may write it


def named_paths(text: str) -> list[str]:
    """Backticked spans that are repository paths: no spaces, not a URL or an absolute system path, and a
    folder (a/) or a file name with an extension."""
    spans = re.findall(r"`([^`\n]+)`", text)
    return [s for s in spans if " " not in s and "://" not in s and not s.startswith("/")
            and not DATE.match(s) and ("/" in s or s.endswith(EXTENSIONS))]


def site_folders() -> set[str]:
    """The first folder of every kind of site URL (generator/model/urls.py, including the entity folders and their
    old names): a span that starts with one and is not in the repository is an address on the site."""
    samples = [urls.SEARCH, urls.GUIDE, urls.OPEN_DATA, urls.RISKS, urls.ABOUT, urls.ACCESSIBILITY, urls.CATALOGUE,
               urls.assessment("x"), urls.organization("x"), urls.prefecture(1), urls.source_text("x"),
               *(k.folder + "/" for k in ENTITY_KINDS.values()),
               *(k.legacy_folder + "/" for k in ENTITY_KINDS.values() if k.legacy_folder)]
    return {s.split("/")[0] for s in samples}


def ignored() -> list[str]:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return [line.strip("/") for line in lines if line and not line.startswith(("#", "*"))]


def exists(doc: Path, name: str) -> bool:
    """Relative to the repository, to the document's folder, or to generator/ (ARCHITECTURE.md names the floors
    as forms/, load/ …); a bare file name anywhere in the repository; a pattern by the folder before it."""
    cut = PLACEHOLDER.search(name)
    if cut:
        name = name[: cut.start()].rpartition("/")[0]
        if not name:
            return True  # nothing fixed to check (e.g. <ID>.json)
    if name.split("/")[0] in ignored():
        return True  # generated, and .gitignore says so
    if "/" not in name.rstrip("/"):
        found = any(p for p in ROOT.rglob(name.rstrip("/")) if ".venv" not in p.parts and ".git" not in p.parts)
        if found:
            return True
    if any((base / name).exists() for base in (ROOT, doc.parent, ROOT / "generator")):
        return True
    return name.split("/")[0] in site_folders()


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_in_backticks_exists(doc: str) -> None:
    path = ROOT / doc
    names = named_paths(path.read_text(encoding="utf-8"))
    assert names, doc  # the extraction finds something in every document
    assert [n for n in names if not exists(path, n)] == []


def test_the_check_fails_on_a_path_that_does_not_exist() -> None:
    doc = ROOT / "README.md"
    text = "see `generator/render/` and `cli.py`, not `make site`, `https://x/y.json`, `2025/4/1`, `data/a.json`"
    assert named_paths(text) == ["generator/render/", "cli.py", "data/a.json"]
    assert not exists(doc, "generator/render/") and not exists(doc, "shared/seed-inventory/juten.md")
    assert not exists(doc, "extras.py") and exists(doc, "cli.py")
    assert exists(doc, "contractors/") and exists(doc, "organizations/prefectures/<01–47>/")  # site URLs
    assert exists(doc, "data/a.json") and not exists(doc, "date/a.json")
    assert exists(doc, "content/assessments/<団体コード>-<評価書番号>.yaml") and not exists(doc, "nowhere/<x>.yaml")
