"""Benchmark (not a test): full, incremental and no-change builds of the realistic corpus (bench/corpus.py).

Usage: .venv/bin/python bench/build.py [N ...] [--jobs J]   (default: 100 1000 3000)

Each build runs as `python -m generator build` in a child process, so wall time, CPU time (the build and
its worker processes) and peak RSS (the largest single process) are the operator's. Printed as a table.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import ROOT, make_corpus


def run_build(content: Path, site: Path, *extra: str) -> dict[str, float]:
    """One build in a child process: wall s, CPU s, peak RSS MB (children only, measured as a delta)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1811808000", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--site", str(site),
                    *extra], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"wall": wall, "cpu": cpu, "rss_mb": after.ru_maxrss / 1024}


def site_figures(site: Path, n: int) -> dict[str, float]:
    files = [p for p in site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    largest = max((p for p in files if p.suffix == ".html"), key=lambda p: p.stat().st_size)
    return {"pages": sum(1 for p in files if p.suffix == ".html"), "site_mb": size / 1e6,
            "kb_per_assessment": size / 1e3 / n, "largest_kb": largest.stat().st_size / 1e3,
            "largest": largest.relative_to(site).as_posix()}


def edit_one_value(content: Path) -> None:
    """Change one 評価書名 (one YAML value) of one assessment: the middle one whose title is a plain one-line value."""
    paths = sorted((content / "assessments").glob("*.yaml"))
    for path in paths[len(paths) // 2:] + paths[:len(paths) // 2]:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        found = [i for i, line in enumerate(lines)
                 if line.startswith("  評価書名: ") and line.split(": ", 1)[1].strip()]
        if found:
            lines[found[0]] = lines[found[0]].rstrip("\n").split("  #")[0] + "(改)\n"
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise SystemExit("no plain 評価書名 to edit in the corpus")


def measure(n: int, jobs: list[str]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        content = make_corpus(n, Path(tmp) / "content")
        site = Path(tmp) / "site"
        full = run_build(content, site, "--clean", *jobs)
        figures = site_figures(site, n)
        none = run_build(content, site, *jobs)
        edit_one_value(content)
        one = run_build(content, site, *jobs)
        return {"n": n, **{f"full_{k}": v for k, v in full.items()}, **figures,
                "edit_wall": one["wall"], "nochange_wall": none["wall"]}


def main(argv: list[str]) -> None:
    args = argparse.ArgumentParser()
    args.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 3000])
    args.add_argument("--jobs", default=None)
    opts = args.parse_args(argv)
    jobs = ["--jobs", opts.jobs] if opts.jobs else []
    print("| assessments | full wall | CPU | peak RSS | pages | site | per assessment | largest page | one edit |"
          " no change |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in opts.sizes:
        r = measure(n, jobs)
        print(f"| {n:,} | {r['full_wall']:.1f} s | {r['full_cpu']:.1f} s | {r['full_rss_mb']:.0f} MB | {r['pages']:,} |"
              f" {r['site_mb']:.0f} MB | {r['kb_per_assessment']:.0f} KB | {r['largest_kb']:.0f} KB ({r['largest']}) |"
              f" {r['edit_wall']:.1f} s | {r['nochange_wall']:.1f} s |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
