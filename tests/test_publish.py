"""Publishing: deterministic bytes; a failed, killed or concurrent build never leaves site/ missing or mixed."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.build.pipeline import build_site
from generator.build.publishing import PublishError, build_folder, swap_in
from generator.load.problems import ContentError

from .casefiles import MINIMAL
from .conftest import CONTENT, ROOT

pytestmark = pytest.mark.slow  # whole-site builds


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
    assert not list(tmp_path.glob(".pia-*build-*"))


# -- killed, concurrent and leftover builds: `python -m generator build` as the operator runs it ----------------

KILL_ROUNDS = 10


def _content_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two small content folders whose sites differ (another 評価書名)."""
    a = shutil.copytree(MINIMAL, tmp_path / "content-a")
    b = shutil.copytree(MINIMAL, tmp_path / "content-b")
    path = b / "assessments" / "012033-3.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("評価書名: ", "評価書名: 改訂 ", 1), encoding="utf-8")
    return a, b


def _start_build(content: Path, site: Path) -> subprocess.Popen[bytes]:
    """`python -m generator build` in its own process group (its workers too), so a test can end them all."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "generator", "build", "--content", str(content), "--site", str(site)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _end_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill what is left of a killed build: worker processes it forked, orphaned by the SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".pia-cache")  # the build cache stays


class _Poller(threading.Thread):
    """Looks at site/index.html as fast as it can; counts the moments it is missing."""

    def __init__(self, site: Path):
        super().__init__(daemon=True)
        self.site, self.misses, self.reads, self.stop = site, 0, 0, threading.Event()

    def run(self) -> None:
        index = str(self.site / "index.html")
        while not self.stop.is_set():
            if not os.path.exists(index):
                self.misses += 1
            self.reads += 1
            time.sleep(0.0002)


def _kill_at_swap(proc: subprocess.Popen[bytes], site: Path) -> None:
    """SIGKILL the build the instant site/ changes (another inode: swapped, or gone), or when it ends."""
    before = os.stat(site).st_ino
    while proc.poll() is None:
        try:
            changed = os.stat(site).st_ino != before
        except FileNotFoundError:
            changed = True
        if changed:
            break
        time.sleep(0.0005)
    proc.send_signal(signal.SIGKILL)


def test_killed_builds_leave_the_whole_old_or_the_whole_new_site(tmp_path: Path) -> None:
    """SIGKILL at random moments, and right at the swap (while the old tree is being deleted), many times:
    site/ is always one whole tree, never missing, and the next build cleans up."""
    content_a, content_b = _content_pair(tmp_path)
    ref_a, ref_b = tmp_path / "ref-a", tmp_path / "ref-b"
    build_site(content_a, ref_a)
    build_site(content_b, ref_b)
    trees = {"a": _tree(ref_a), "b": _tree(ref_b)}
    assert trees["a"] != trees["b"]
    site = tmp_path / "out" / "site"
    assert _start_build(content_a, site).wait() == 0
    poller = _Poller(site)
    poller.start()
    started = time.monotonic()
    assert _start_build(content_b, site).wait() == 0  # timed with the poller running, as the rounds are
    duration, state = time.monotonic() - started, "b"
    rng = random.Random(13)
    outcomes: dict[str, list[str]] = {"timer": [], "swap": []}
    previous: subprocess.Popen[bytes] | None = None
    for round_ in range(KILL_ROUNDS):
        target = "b" if state == "a" else "a"
        proc = _start_build(content_b if target == "b" else content_a, site)  # the last one's orphans still live
        how = "swap" if round_ % 2 else "timer"
        if how == "swap":
            _kill_at_swap(proc, site)
        else:
            time.sleep(rng.uniform(0.2, 1.0) * duration)
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _tree(site)
        assert now in (trees[state], trees[target]), "site/ is neither the whole old nor the whole new tree"
        outcomes[how].append("new" if now == trees[target] else "old")
        state = target if now == trees[target] else state
        if previous:
            _end_group(previous)
        previous = proc
    _end_group(proc)
    poller.stop.set()
    poller.join()
    assert poller.misses == 0, f"site/index.html was missing {poller.misses} times in {poller.reads} reads"
    assert set(outcomes["swap"]) == {"new"} and "old" in outcomes["timer"], outcomes
    assert _start_build(content_a, site).wait() == 0
    assert _tree(site) == trees["a"]
    assert _names(site.parent) == [".site.lock", "site"], "the next build cleans what killed builds left"


def test_concurrent_builds_wait_for_each_other(tmp_path: Path) -> None:
    content_a, content_b = _content_pair(tmp_path)
    site = tmp_path / "site"
    first, second = _start_build(content_a, site), _start_build(content_b, site)
    results = [(p.wait(), p.stderr.read().decode("utf-8")) for p in (first, second)]
    assert [code for code, _ in results] == [0, 0], results
    assert any("別のビルドが" in err and "waiting" in err for _, err in results), results
    assert all("Traceback" not in err for _, err in results)
    assert [n for n in _names(tmp_path) if n.startswith(".")] == [".site.lock"]
    build_site(content_b if "別のビルドが" in results[1][1] else content_a, reference := tmp_path / "ref" / "site")
    assert _tree(site) == _tree(reference)  # the build that waited published last, whole


def test_leftovers_of_killed_builds_are_cleaned_at_the_next_start(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / ".pia-site-build-k1l13d" / "site" / "x").mkdir(parents=True)
    (tmp_path / "site.old").write_text("a stale site.old that is a file", encoding="utf-8")
    other = tmp_path / ".pia-other-build-keep"  # another site's build in the same folder is not ours
    other.mkdir()
    with build_folder(site) as folder:
        assert folder.parent == tmp_path and folder.name.startswith(".pia-site-build-")
        assert sorted(p.name for p in tmp_path.iterdir()) == [".pia-other-build-keep", folder.name, ".site.lock"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pia-other-build-keep", ".site.lock"]


def test_the_build_command_cleans_a_stale_site_old_file_and_killed_build_folders(tmp_path: Path) -> None:
    content_a, _ = _content_pair(tmp_path)
    out = tmp_path / "out"
    (out / ".pia-site-build-k1l13d" / "site").mkdir(parents=True)
    (out / "site.old").write_text("a stale site.old that is a file", encoding="utf-8")
    proc = _start_build(content_a, out / "site")
    assert (proc.wait(), proc.stderr.read().decode("utf-8")) == (0, "")
    assert _names(out) == [".site.lock", "site"]
    assert (out / "site" / "index.html").exists()


def test_a_publish_that_cannot_happen_says_the_site_is_unchanged(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.write_text("not a folder", encoding="utf-8")
    built = tmp_path / "built"
    (built / "index.html").parent.mkdir(parents=True)
    (built / "index.html").write_text("new", encoding="utf-8")
    with pytest.raises(PublishError, match="変更していません"):
        swap_in(built, site)
    assert site.read_text(encoding="utf-8") == "not a folder" and (built / "index.html").exists()


def test_swap_keeps_the_old_tree_beside_for_deletion(tmp_path: Path) -> None:
    site, built = tmp_path / "site", tmp_path / "built"
    for root, text in ((site, "old"), (built, "new")):
        root.mkdir()
        (root / "index.html").write_text(text, encoding="utf-8")
    swap_in(built, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert (built / "index.html").read_text(encoding="utf-8") == "old"


def test_the_build_command_says_truthfully_that_a_blocked_publish_left_the_site(tmp_path: Path) -> None:
    content_a, _ = _content_pair(tmp_path)
    site = tmp_path / "site"
    site.write_text("not a folder", encoding="utf-8")
    proc = _start_build(content_a, site)
    code, err = proc.wait(), proc.stderr.read().decode("utf-8")
    assert code == 1 and "Traceback" not in err, err
    assert "公開できませんでした" in err and "変更していません" in err, err
    assert site.read_text(encoding="utf-8") == "not a folder"
    assert [n for n in _names(tmp_path) if n.startswith(".")] == [".site.lock"]
