"""`make serve` as a clerk uses it: its own preview folder, live reload, errors shown in the page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import CONTENT, ROOT

pytestmark = pytest.mark.slow  # whole-site builds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def containing(url: str, text: str):
    """A check for wait_for: the page once it contains `text`."""

    def check() -> str:
        page = fetch(url)
        return page if text in page else ""

    return check


def wait_for(check, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out; last: {last[:200]!r}")


def test_preview_reloads_and_shows_errors_in_the_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("sources"))
    port = free_port()
    cmd = [sys.executable, "-m", "generator", "serve", "--content", str(content), "--preview",
           str(tmp_path / "preview"), "--port", str(port)]
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/organizations/012033/"
    try:
        page = wait_for(lambda: fetch(url))
        assert "livereload" in page and "内容にエラーがあるため" not in page
        org = content / "organizations" / "012033.yaml"
        good = org.read_text(encoding="utf-8")
        org.write_text(good.replace("名称:", "名前:"), encoding="utf-8")  # a clerk's typo
        page = wait_for(containing(url, "内容にエラーがあるため"))
        assert "名前" in page and "012033.yaml" in page  # the error, with its file, in the page
        org.write_text(good.replace("小樽市", "小樽市(試験)"), encoding="utf-8")
        page = wait_for(containing(url, "小樽市(試験)"))
        assert "内容にエラーがあるため" not in page
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode("utf-8", "replace")
    assert "プレビュー中" in output
    assert (tmp_path / "preview" / "index.html").is_file()
