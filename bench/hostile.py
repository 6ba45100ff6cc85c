"""`make check` on hostile inputs: seconds, peak memory and the first line it prints, as a table.

    .venv/bin/python -m bench.hostile                     # this checkout
    .venv/bin/python -m bench.hostile --repo /tmp/old     # another checkout (e.g. before the limits)

Each case is the minimal fixture plus one hostile file, checked by `python -m generator check` in a child
process with a time limit and an address-space limit (so a runaway case is stopped, not the machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
ASSESSMENT = "assessments/012033-3.yaml"


def _aliases_along_lists(text: str) -> str:
    """Aliases multiplying along repeated lists, about 70 KB: 40 lists of 40 uses of the level below."""
    lines = ["特記事項:", "  - &l0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 40):
        uses = ", ".join([f"*l{level - 1}"] * 40)
        lines.append(f"  - &l{level} [{uses}]")
    return text.replace("特記事項:\n", "\n".join(lines) + "\n", 1)


def _errors_multiplied(text: str) -> str:
    """A list of 1,000 wrong options, shared by alias among 250 systems: 250,000 errors from ~20 KB."""
    options = "[" + ", ".join(["存在しない選択肢"] * 1000) + "]"
    first = f"    - {{システムの名称: x, 他のシステムとの接続: &opts {options}}}\n"
    rest = "    - {システムの名称: x, 他のシステムとの接続: *opts}\n" * 249
    key = "  特定個人情報ファイルを取り扱う事務において使用するシステム:\n"
    return text.replace(key, key + first + rest, 1)


def _long_title(text: str) -> str:
    return text.replace("評価書名: 軽自動車税に関する事務 重点項目評価書", "評価書名: " + "書" * 17_000_000, 1)


def _huge_number(text: str) -> str:
    return text.replace("評価書番号: 3", "評価書番号: " + "9" * 5000, 1)


def _lone_surrogate(text: str) -> str:
    return text.replace("評価書名: 軽自動車税に関する事務 重点項目評価書", '評価書名: "\\ud800"', 1)


CASES: dict[str, Callable[[str], str]] = {
    "aliases multiplying along lists": _aliases_along_lists,
    "errors multiplied by aliases": _errors_multiplied,
    "5,000-digit 評価書番号": _huge_number,
    "lone surrogate escape": _lone_surrogate,
    "評価書名 of 50 MB on one line": _long_title,  # last: building the 50 MB text grows this process
}


def run(repo: Path, case: str, make: Callable[[str], str], timeout: float, memory_mb: int) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="pia-hostile-") as tmp:
        content = Path(shutil.copytree(MINIMAL, Path(tmp) / "content"))
        path = content / ASSESSMENT
        path.write_text(make(path.read_text(encoding="utf-8")), encoding="utf-8")  # the 50 MB case comes last
        size = path.stat().st_size

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

        env = {**os.environ, "PYTHONPATH": str(repo)}
        cmd = [sys.executable, "-m", "generator", "check", "--content", str(content)]
        with tempfile.TemporaryFile() as out:
            proc = subprocess.Popen(cmd, cwd=tmp, env=env, stdout=out, stderr=out, preexec_fn=limit)
            seconds, usage = _wait(proc, timeout)
            out_size = out.seek(0, os.SEEK_END)
            out.seek(0)
            head = out.read(4096).decode("utf-8", "replace")  # never the whole of a 190 MB output: this
            out.seek(max(0, out_size - 4096))  # process's memory would show up as the next child's peak
            tail = out.read().decode("utf-8", "replace")
        lines = head.splitlines()
        last = next((line for line in reversed(tail.splitlines()) if line.strip()), "")
        first = "Traceback: " + last if "Traceback" in head else (lines[0] if lines else "")
        printed = f"{out_size:,} B"
        seconds = f"{seconds:.2f}" if usage else f"> {timeout:.0f} (stopped)"
        peak_mb = f"{usage.ru_maxrss / 1024:.0f}" if usage else "-"
        return [case, f"{size:,}", seconds, peak_mb, printed, first.replace(str(content), "content")[:110]]


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> tuple[float, resource.struct_rusage | None]:
    """Seconds and this child's own resource usage (peak memory), or None when it had to be stopped."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        pid, _, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = 0
            return time.perf_counter() - started, usage
        time.sleep(0.01)
    proc.kill()
    os.wait4(proc.pid, 0)
    proc.returncode = -9
    return timeout, None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout whose generator is run")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--memory-mb", type=int, default=2048)
    args = parser.parse_args(argv)
    rows = [["case", "file bytes", "seconds", "peak MB", "printed", "first line"]]
    for case, make in CASES.items():
        rows.append(run(args.repo.resolve(), case, make, args.timeout, args.memory_mb))
        print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + " | " + row[-1])


if __name__ == "__main__":
    main()
