"""Publishing: deterministic bytes, and a failed build never touches an existing site/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_site
from generator.problems import ContentError

from .conftest import CONTENT


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    build_site(CONTENT, again)
    first, second = _tree(site), _tree(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_failed_build_leaves_existing_site_unchanged(site: Path, tmp_path: Path) -> None:
    published = tmp_path / "site"
    shutil.copytree(site, published)
    before = _tree(published)
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    victim = sorted((broken / "assessments").glob("*.yaml"))[0]
    victim.write_text(victim.read_text(encoding="utf-8").replace("様式: ", "様式: 存在しない様式", 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_site(broken, published)
    assert "様式が不明です" in str(err.value)
    assert _tree(published) == before
    assert not list(tmp_path.glob(".pia-build-*"))
