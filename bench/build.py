"""Benchmark (not a test): build time, page count and site size for content/ replicated N times.

Usage: .venv/bin/python bench/build.py [N ...]   (default: 1 10 100)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")

from bench.replicate import replicate
from generator.build import build_site


def measure(times: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        content = replicate(times, Path(tmp) / "content")
        site = Path(tmp) / "site"
        start = time.perf_counter()
        build_site(content, site)
        seconds = time.perf_counter() - start
        files = [p for p in site.rglob("*") if p.is_file()]
        pages = sum(1 for p in files if p.suffix == ".html")
        return {"n": times, "seconds": round(seconds, 2), "pages": pages,
                "site_mb": round(sum(p.stat().st_size for p in files) / 1e6, 1)}


def main(argv: list[str]) -> None:
    print("N\tassessments\tbuild_s\tpages\tsite_MB")
    for times in [int(a) for a in argv] or [1, 10, 100]:
        r = measure(times)
        print(f"{r['n']}\t{5 * times}\t{r['seconds']}\t{r['pages']}\t{r['site_mb']}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
