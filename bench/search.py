"""Benchmark (not a test) of the split search index in Chromium, served gzip-compressed like a real host.

Usage:
    .venv/bin/python bench/search.py --corpus 1000 10000 [--keep]
    .venv/bin/python bench/search.py SITE_DIR                (a site already built: browser figures only)
    .venv/bin/python bench/search.py --times 1 10            (content/ replicated N times, full site: make bench)

--corpus N builds bench/corpus.py's N assessments, renders them through the real pipeline (load, graph,
render, search_docs) and measures search on a site of the search files plus the results page. Above
REAL_LIMIT assessments the SearchDocs of REAL_LIMIT are replicated with varied URLs and 団体 names (the full
render of 10,000 takes too long to repeat). For each N it prints: index build time and bytes per assessment;
in a fresh browser context per query, the bytes the first query transfers beyond the page (worker, manifest,
facets, buckets, metadata, texts), cold → first list and → complete; warm (a new results page in the same
context); p95 of queries whose buckets are cached; the worker's heap (measureUserAgentSpecificMemory).
At the first N it also repeats the cold query with Fast 3G and 4× CPU throttling (CDP).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import pickle
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.outputs.search import SITE_DIR, SearchDoc, search_files, search_page_markdown

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--enable-blink-features=ForceEagerMeasureMemory"]
QUERIES = ["宛名", "中間サーバー", "個人番号", "漏えい", "住民基本台帳", "特定個人情報ファイル", "eLTAX",
           "再委託 事業者"]
REAL_LIMIT = 1000
FAST_3G = {"offline": False, "latency": 562.5, "downloadThroughput": 180000, "uploadThroughput": 84375}
TOWN = "あかさたなはまやらわいきしちにひみりうくすつぬふむゆる"
PAGE_FILES = ("search.js", "search.css")  # loaded by every page: part of "the page itself"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded when the client accepts it (as GitHub Pages or nginx gzip_static do);
    cross-origin isolated so the page may measure its worker's memory; max-age=600 like GitHub Pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(unquote(urlsplit(self.path).path)))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().do_GET()
        data = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def corpus_docs(n: int, work: Path) -> list[SearchDoc]:
    """SearchDocs of bench/corpus.py's n assessments through the real render path (cached in `work`)."""
    cache = work / f"docs-{n}.pickle"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    from bench.corpus import make_corpus
    from generator.load.content import load_content
    from generator.model.graph import build_graph
    from generator.outputs.search.site_docs import search_docs
    from generator.outputs.site import render_site

    graph = build_graph(load_content(make_corpus(n, work / f"content-{n}")))
    docs = search_docs(graph, render_site(graph))
    cache.write_bytes(pickle.dumps(docs))
    return docs


def replicate(docs: list[SearchDoc], times: int) -> list[SearchDoc]:
    """`times` copies of docs with their own URLs and 団体 names (市 → あ市, い市, …)."""
    out = []
    for r in range(times):
        def vary(text: str, r: int = r) -> str:
            return text.replace("市", TOWN[r % len(TOWN)] + "市") if r else text
        out += [SearchDoc(f"r{r}/{d.url}" if r else d.url, vary(d.title), d.kind, vary(d.org), d.form,
                          d.published, vary(d.body)) for d in docs]
    return out


def write_site(site: Path, files: dict[str, bytes]) -> None:
    """The search files plus a results page shaped like the portal's (header box, shell, search.js)."""
    for rel, data in files.items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    shell = search_page_markdown().split("---\n", 2)[2]
    (site / "search").mkdir(parents=True, exist_ok=True)
    (site / "search" / "index.html").write_text(
        '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>検索</title><link rel="icon" href="data:,">'
        f'<link rel="stylesheet" href="../{SITE_DIR}search.css"></head><body><main>{shell}</main>'
        f'<script src="../{SITE_DIR}search.js" defer></script></body></html>', encoding="utf-8")


def build(docs: list[SearchDoc], assessments: int) -> tuple[dict[str, bytes], dict]:
    start, cpu = time.perf_counter(), time.process_time()
    files = search_files(docs)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    index = {p: b for p, b in files.items() if not p.endswith((".js", ".css"))}
    size = sum(len(b) for b in index.values())
    return files, {"docs": len(docs), "files": len(index), "build_s": round(wall, 1), "build_cpu_s": round(cpu, 1),
                   "index_mb": round(size / 1e6, 1), "kb_per_assessment": round(size / 1e3 / assessments, 1)}


DONE = "() => ['done', 'error'].includes(document.getElementById('pia-search').dataset.piaState)"


def _wait_done(page) -> None:
    page.wait_for_function(DONE, timeout=600_000)


def _mark(page, name: str) -> float | None:
    return page.evaluate(f"(performance.getEntriesByName('{name}')[0] || {{}}).startTime || null")


def _transfer(page) -> dict:
    """Bytes on the wire beyond the page: the worker's fetches plus page-side fetches of index files."""
    worker = page.evaluate("PiaSearch.stats()")
    own = page.evaluate("performance.getEntriesByType('resource').map(e => [e.name, e.transferSize])")
    total, page_kb = 0, 0
    for name, size, *_ in worker + own:
        if name.rsplit("/", 1)[-1] in PAGE_FILES:
            page_kb += size
        elif "/pia-search/" in name:
            total += size
    return {"transfer_kb": round(total / 1024, 1), "requests": len(worker), "page_js_css_kb": round(page_kb / 1024, 1)}


def cold(browser, base: str, query: str, throttle: bool = False) -> dict:
    """A fresh context (empty cache) opens search/?q=…: time to the first list, to complete, and bytes."""
    context = browser.new_context()
    try:
        page = context.new_page()
        if throttle:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", FAST_3G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(f"{base}search/?q={quote(query)}")
        _wait_done(page)
        result = {"first_list_ms": _mark(page, "pia-search:first-list"),
                  "done_ms": _mark(page, "pia-search:first-results"), "count": page.inner_text("#pia-search-status")}
        result.update(_transfer(page))
        if not throttle:
            result.update(warm(page, base, query))
        return result
    finally:
        context.close()


def warm(page, base: str, query: str) -> dict:
    """Same context: another results page (HTTP cache warm, new worker), then cached-bucket queries and heap."""
    other = QUERIES[(QUERIES.index(query) + 1) % len(QUERIES)] if query in QUERIES else "宛名"
    page.goto(f"{base}search/?q={quote(other)}")
    _wait_done(page)
    warm_ms = _mark(page, "pia-search:first-results")
    times = page.evaluate("""async queries => {
        for (const q of queries) await PiaSearch.query(q, {}, 20);
        const out = [];
        for (let i = 0; i < 5; i++) for (const q of queries) {
            const t = performance.now(); await PiaSearch.query(q, {}, 20); out.push(performance.now() - t);
        }
        return out;
    }""", QUERIES)
    memory = page.evaluate("performance.measureUserAgentSpecificMemory().then(r => r.breakdown"
                           ".filter(b => b.attribution.some(a => a.scope === 'DedicatedWorkerGlobalScope'))"
                           ".reduce((s, b) => s + b.bytes, 0))")
    times.sort()
    return {"warm_ms": round(warm_ms or 0), "cached_p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
            "cached_median_ms": round(statistics.median(times), 1), "worker_heap_mb": round(memory / 1e6, 1)}


def measure_site(site: Path, queries: list[str], throttled: bool) -> list[dict]:
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for q in queries:
                rows.append({"query": q, **cold(browser, base, q)})
            if throttled:
                rows.append({"query": queries[0] + " (Fast 3G, 4× CPU)", **cold(browser, base, queries[0], True)})
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def report(label: str, built: dict | None, rows: list[dict]) -> None:
    print(f"\n== {label}")
    if built:
        print("  ".join(f"{k} {v}" for k, v in built.items()))
    cols = ["query", "transfer_kb", "requests", "first_list_ms", "done_ms", "warm_ms", "cached_p95_ms",
            "worker_heap_mb"]
    print(" | ".join(cols))
    for r in rows:
        print(" | ".join(str(round(r[c]) if isinstance(r.get(c), float) and c.endswith("ms") else r.get(c, "–"))
                         for c in cols))
    firsts = [r for r in rows if "Fast" not in r["query"]]
    slowest = max(r["first_list_ms"] or r["done_ms"] for r in firsts)
    print(f"max transfer {max(r['transfer_kb'] for r in firsts)} KB; max first list {slowest:.0f} ms; "
          f"page js+css {firsts[0]['page_js_css_kb']} KB")


def main(argv: list[str]) -> None:
    queries = QUERIES
    if argv and argv[0] == "--times":  # `make bench`: the real site from content/ replicated N times
        from bench.replicate import replicate as replicate_content
        from generator.build.pipeline import build_site

        for times in [int(a) for a in argv[1:]] or [1, 10]:
            with tempfile.TemporaryDirectory() as tmp:
                build_site(replicate_content(times, Path(tmp) / "content"), Path(tmp) / "site")
                report(f"content ×{times} (full site)", None, measure_site(Path(tmp) / "site", queries, times == 1))
        return
    if argv and argv[0] != "--corpus":
        report(argv[0], None, measure_site(Path(argv[0]), queries, throttled=True))
        return
    keep = "--keep" in argv  # leave the site in $TMPDIR/pia-bench-search/site-N (measure again: SITE_DIR mode)
    sizes = [int(a) for a in argv[1:] if a != "--keep"] or [1000, 10000]
    work = Path(tempfile.gettempdir()) / "pia-bench-search"
    work.mkdir(exist_ok=True)
    for n in sizes:
        base_n = min(n, REAL_LIMIT)
        docs = corpus_docs(base_n, work)
        if n > base_n:
            docs = replicate(docs, -(-n // base_n))
        files, built = build(docs, n)
        with tempfile.TemporaryDirectory(dir=work) as tmp:
            site = work / f"site-{n}" if keep else Path(tmp)
            write_site(site, files)
            del files
            rows = measure_site(site, queries, throttled=n == sizes[0])
        report(f"{n} assessments ({built['docs']} pages{', replicated' if n > base_n else ''})", built, rows)
        print(json.dumps({"n": n, "build": built, "rows": rows}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
