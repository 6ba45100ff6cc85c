"""The build pipeline for scale: incremental builds, shards and parallel parts give the same bytes as one
clean build; a build with nothing to do writes nothing; the output does not depend on how it was started."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build.context import BuildContext, Shard, content_epoch
from generator.build.pipeline import build_site

from .conftest import CONTENT, ROOT

pytestmark = pytest.mark.slow  # whole-site builds


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in root.rglob("*")}


def assert_same_tree(a: Path, b: Path) -> None:
    left, right = tree(a), tree(b)
    assert sorted(left) == sorted(right)
    assert [k for k in left if left[k] != right[k]] == []


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    out = tmp_path / "content"
    shutil.copytree(CONTENT, out, ignore=shutil.ignore_patterns("sources"))
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One clean, single-process build of the same content: what shards and batches must equal byte for byte
    (built once for the module; where the content folder lies does not change the bytes)."""
    root = tmp_path_factory.mktemp("reference")
    shutil.copytree(CONTENT, root / "content", ignore=shutil.ignore_patterns("sources"))
    build_site(root / "content", root / "site", jobs=1, incremental=False)
    return root / "site"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_incremental_build_is_byte_identical_to_a_clean_build(content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = build_site(content, site, jobs=2)
    assert first.published and first.made == first.pages
    # one value changed, one 委託先 renamed (its old page must go, a new one appear)
    edit(content / "assessments" / "312011-14.yaml", "滞納管理業務 重点項目評価書", "滞納管理業務 重点項目評価書(改)")
    edit(content / "assessments" / "112224-7.yaml", "委託先名: ", "委託先名: 改名後の")
    again = build_site(content, site, jobs=2)
    assert again.published and 0 < again.made < again.pages and again.removed >= 1
    clean = build_site(content, tmp_path / "clean", jobs=1, incremental=False)
    assert clean.made == clean.pages
    assert_same_tree(site, tmp_path / "clean")


def test_a_build_with_no_change_writes_nothing(content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(content, site)
    before = stamps(site)
    report = build_site(content, site)
    assert not report.published and report.made == 0
    assert stamps(site) == before
    assert "変更はありません" in str(report)


def test_shards_merge_into_the_same_bytes_as_one_build(content: Path, tmp_path: Path, reference: Path) -> None:
    parts = []
    for k in (1, 2, 3):
        part = tmp_path / f"shard-{k}"
        report = build_site(content, part, shard=Shard(k, 3), jobs=1)
        assert report.pages > 0
        parts.append(part)
    cmd = [sys.executable, "-m", "generator", "merge", *map(str, parts), "--site", str(tmp_path / "merged"),
           "--content", str(content)]
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False).returncode == 0
    assert_same_tree(tmp_path / "merged", reference)


def test_same_bytes_from_any_path_spelling_time_zone_and_locale(content: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1811808000"}
    absolute = [sys.executable, "-m", "generator", "build", "--content", str(content), "--site", str(tmp_path / "a")]
    subprocess.run(absolute, cwd=ROOT, env={**env, "TZ": "UTC", "LC_ALL": "C"}, check=True, capture_output=True)
    relative = [sys.executable, "-m", "generator", "build", "--content", "content", "--site", "b", "--jobs", "1"]
    tokyo = {**env, "TZ": "Asia/Tokyo", "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT)}
    subprocess.run(relative, cwd=tmp_path, env=tokyo, check=True, capture_output=True)
    assert_same_tree(tmp_path / "a", tmp_path / "b")


def test_build_date_is_the_last_content_commit_not_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    git = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "content"], cwd=ROOT, capture_output=True,
                         text=True, check=False).stdout.strip()
    assert content_epoch(CONTENT) == int(git or 0)
    monkeypatch.chdir(CONTENT / "assessments")  # the relative spelling must not change the answer
    assert content_epoch(Path("..")) == int(git or 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1811808000")
    assert BuildContext.create(CONTENT, Path("site")).build_date.date().isoformat() == "2027-06-01"


def test_shard_syntax_is_checked() -> None:
    assert Shard.parse("2/8") == Shard(2, 8)
    for bad in ("0/3", "4/3", "a/b", "3"):
        with pytest.raises(ValueError, match="K/N"):
            Shard.parse(bad)


def test_removing_an_assessment_removes_its_pages(content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(content, site, jobs=1)
    (content / "assessments" / "012033-3.yaml").unlink()
    report = build_site(content, site, jobs=2)
    assert report.removed > 0 and not (site / "assessments" / "012033-3").exists()
    build_site(content, tmp_path / "clean", incremental=False)
    assert_same_tree(site, tmp_path / "clean")


def test_a_theme_change_reaches_the_published_assets(content: Path, tmp_path: Path, monkeypatch) -> None:
    """A changed theme or generator file rebuilds everything, theme assets included."""
    import generator.build.incremental

    site = tmp_path / "site"
    build_site(content, site)
    monkeypatch.setattr(generator.build.incremental, "code_hash", lambda root=ROOT: "another version of the code")
    css = site / "assets" / "pia.css"
    css.write_bytes(b"/* stale */")  # what a stale copy would look like
    report = build_site(content, site)
    assert report.made == report.pages
    assert css.read_bytes() == (ROOT / "theme" / "assets" / "pia.css").read_bytes()


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found.update(int(c) for c in text.split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_with_a_killed_build(content: Path, tmp_path: Path) -> None:
    """A build killed with SIGKILL leaves no worker process behind (they would wait on their queue forever)."""
    import signal

    cmd = [sys.executable, "-m", "generator", "build", "--content", str(content), "--site", str(tmp_path / "s"),
           "--jobs", "2"]
    build = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while not workers and build.poll() is None and time.monotonic() < deadline:
        workers = _children(build.pid)
        time.sleep(0.05)
    assert workers, "the build never started worker processes"
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


def test_pages_built_in_many_small_mkdocs_runs_give_the_same_bytes(content: Path, tmp_path: Path, reference: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A part builds its pages in batches (bounded memory); the batch size never changes the output."""
    import generator.build.parts

    assert generator.build.parts.BATCH > 7  # the reference was built with the default batch size
    monkeypatch.setattr(generator.build.parts, "BATCH", 7)
    build_site(content, tmp_path / "many", jobs=1, incremental=False)
    assert_same_tree(reference, tmp_path / "many")
