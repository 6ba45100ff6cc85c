"""`make serve`: live preview. Serves site/ and rebuilds when content/, templates or theme/ change.

Polling keeps it dependency-free; a failed rebuild prints its errors and keeps serving the
previous site (the build is atomic).
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .build import ROOT, build_site
from .problems import ContentError

WATCHED = ("content", "generator/templates", "theme", "mkdocs.yml")


def snapshot(root: Path) -> dict[str, float]:
    """Modification times of every watched file."""
    out: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        for p in [path] if path.is_file() else sorted(path.rglob("*")):
            if p.is_file():
                out[str(p)] = p.stat().st_mtime
    return out


def rebuild(content: Path, site: Path) -> None:
    try:
        build_site(content, site)
        print(f"[{time.strftime('%H:%M:%S')}] 再生成しました (rebuilt)", flush=True)
    except ContentError as err:
        print(err, flush=True)
        print("エラーのため前回のサイトを表示しています (errors; serving the previous site)", flush=True)


def serve(content: Path, site: Path, port: int = 8000, interval: float = 1.0) -> None:
    rebuild(content, site)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http://127.0.0.1:{port}/ で表示中 (Ctrl+C で終了)", flush=True)
    seen = snapshot(ROOT)
    try:
        while True:
            time.sleep(interval)
            now = snapshot(ROOT)
            if now != seen:
                seen = now
                rebuild(content, site)
    except KeyboardInterrupt:
        server.shutdown()
