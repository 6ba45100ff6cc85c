"""Benchmark (not a test) of the client-side search on a built site.

Usage: .venv/bin/python bench/search.py [SITE_DIR]   (default: site/)

Prints the index size (raw and gzip), the time to rebuild the index from the site's own documents (the index
ships every page's fields, so it is its own dump), and in Chromium the time from page load to the first results
and the median round trip of ~20 queries. `measure(site_dir)` returns the same numbers as a dict.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.search import SITE_DIR, SearchDoc, index_json

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
QUERIES = ["中間サーバー", "宛名システム", "住民基本台帳", "個人番号", "委託", "特定個人情報ファイル",
           "情報提供ネットワークシステム", "東京都", "市", "の", "住民 票", "HBA", "eLTAX", "2024", "評価書",
           "リスク", "漏えい", "庁内連携", "番号法", "再委託 事業者"]


def docs_from_index(payload: dict) -> list[SearchDoc]:
    """The SearchDocs an index was built from (their text already NFKC'd, which the builder does anyway)."""
    return [SearchDoc(d["u"], d["t"], d["k"], d["o"], d["f"], d["p"], d["b"]) for d in payload["docs"]]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _browser_timings(site_dir: Path, queries: list[str]) -> dict[str, float]:
    """Load → first results for the first query, then the round trip of every query through the worker."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{base}search/?q={quote(queries[0])}")
            page.wait_for_function("() => performance.getEntriesByName('pia-search:first-results').length"
                                   " || document.getElementById('pia-search').dataset.piaState === 'error'",
                                   timeout=120_000)
            first = page.evaluate("performance.getEntriesByName('pia-search:first-results')[0].startTime")
            times = page.evaluate("""async queries => {
                const out = [];
                for (const q of queries) {
                    const t = performance.now();
                    const r = await PiaSearch.query(q, {}, 50);
                    out.push([performance.now() - t, r.total]);
                }
                return out;
            }""", queries)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    ms = [t for t, _ in times]
    return {"first_results_ms": round(first, 1), "query_median_ms": round(statistics.median(ms), 1),
            "query_max_ms": round(max(ms), 1), "hits": {q: n for q, (_, n) in zip(queries, times, strict=True)}}


def measure(site_dir: Path | str = "site", queries: list[str] | None = None,
            docs: list[SearchDoc] | None = None) -> dict:
    """All numbers for one built site; `docs` overrides the documents used for the rebuild timing."""
    site_dir = Path(site_dir)
    index_path = site_dir / SITE_DIR / "index.json"
    if not index_path.is_file() or not (site_dir / "search" / "index.html").is_file():
        raise SystemExit(f"{site_dir}: no search index or results page (build the site first)")
    raw = index_path.read_bytes()
    payload = json.loads(raw)
    docs = docs if docs is not None else docs_from_index(payload)
    start, cpu = time.perf_counter(), time.process_time()
    index_json(docs)
    build, build_cpu = time.perf_counter() - start, time.process_time() - cpu
    result = {"docs": len(payload["docs"]), "terms": len(payload["index"]["invertedIndex"]),
              "index_bytes": len(raw), "index_gzip_bytes": len(gzip.compress(raw, 9, mtime=0)),
              "text_bytes": sum(len(d["b"].encode("utf-8")) for d in payload["docs"]),
              "build_seconds": round(build, 2), "build_cpu_seconds": round(build_cpu, 2)}
    result.update(_browser_timings(site_dir, queries or QUERIES))
    return result


def _report(label: str, r: dict) -> None:
    print(f"== {label}")
    print(f"documents        {r['docs']}  (lunr terms {r['terms']})")
    print(f"index.json       {r['index_bytes'] / 1e6:.2f} MB raw, {r['index_gzip_bytes'] / 1e6:.2f} MB gzip"
          f"  (page text {r['text_bytes'] / 1e6:.2f} MB)")
    print(f"index build      {r['build_seconds']} s ({r['build_cpu_seconds']} s CPU)")
    print(f"first results    {r['first_results_ms']} ms after page load started")
    print(f"query round trip median {r['query_median_ms']} ms, max {r['query_max_ms']} ms over {len(r['hits'])}")


def main(argv: list[str]) -> None:
    """`bench/search.py SITE_DIR` measures a built site; `bench/search.py --times 1 10 100` builds
    content/ replicated N times (see bench/replicate.py) and measures each."""
    if argv and argv[0] != "--times":
        _report(argv[0], measure(Path(argv[0])))
        return
    import tempfile

    from bench.replicate import replicate
    from generator.build import build_site

    for times in [int(a) for a in argv[1:]] or [1, 10, 100]:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build_site(replicate(times, Path(tmp) / "content"), site)
            _report(f"content ×{times}", measure(site))


if __name__ == "__main__":
    main(sys.argv[1:])
