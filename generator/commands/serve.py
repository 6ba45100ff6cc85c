"""`make serve`: a clerk's live preview. Builds into its own folder (never site/, which is what gets published),
rebuilds only what changed when content/, templates or the theme change, and reloads the browser (mkdocs'
livereload server). A failed rebuild keeps the last good preview and shows the errors on every page, as a
banner, as well as in the terminal.
"""

from __future__ import annotations

import html
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from generator.build.context import ROOT, BuildContext
from generator.build.pipeline import build
from generator.load.problems import ContentError

WATCHED = ("generator/pages/templates", "theme", "mkdocs.yml")
DEFAULT_PREVIEW = Path(".preview") / "site"


@dataclass
class PreviewState:
    """The errors of the last rebuild (empty when it succeeded)."""
    errors: list[str] = field(default_factory=list)


def banner(errors: list[str]) -> bytes:
    """The error banner put at the top of every previewed page (escaped: errors quote the YAML)."""
    items = "".join(f"<li>{html.escape(e)}</li>" for e in errors[:50])
    more = f"<li>…ほか {len(errors) - 50} 件</li>" if len(errors) > 50 else ""
    return (f'<div role="alert" style="background:#fff3cd;color:#000;border:3px solid #b00;padding:1em;'
            f'font-size:14px;position:relative;z-index:10"><strong>内容にエラーがあるため、前回の正しい状態を'
            f"表示しています ({len(errors)} 件)</strong><ul>{items}{more}</ul></div>").encode()


def with_banner(app: Callable, state: PreviewState) -> Callable:
    """WSGI middleware: insert the banner after <body …> of HTML responses while errors exist."""
    def wrapped(environ: dict, start_response: Callable) -> Iterable[bytes]:
        captured: dict = {}

        def capture(status: str, headers: list, _exc_info: object = None) -> Callable:
            captured.update(status=status, headers=headers)
            return lambda data: None

        body = b"".join(app(environ, capture))
        headers = captured.get("headers", [])
        is_html = any(k.lower() == "content-type" and "text/html" in v for k, v in headers)
        if state.errors and is_html and b"<body" in body:
            end = body.index(b">", body.index(b"<body")) + 1
            body = body[:end] + banner(state.errors) + body[end:]
            headers = [(k, str(len(body)) if k.lower() == "content-length" else v) for k, v in headers]
        start_response(captured.get("status", "500 Internal Server Error"), headers)
        return [body]

    return wrapped


def rebuild(content: Path, preview: Path, state: PreviewState) -> None:
    """One incremental build of the preview; errors are kept for the banner instead of raised."""
    started = time.perf_counter()
    try:
        report = build(BuildContext.create(content, preview))
    except ContentError as err:
        state.errors = [str(p) for p in err.problems]
        print("\n".join(state.errors), file=sys.stderr, flush=True)
        print("エラーのため前回のプレビューを表示しています (errors; showing the previous preview)", flush=True)
        return
    state.errors = []
    print(f"[{time.strftime('%H:%M:%S')}] {report} ({time.perf_counter() - started:.1f} s)", flush=True)


def serve(content: Path, preview: Path = DEFAULT_PREVIEW, port: int = 8000) -> None:

    preview = preview.resolve()
    if preview == (ROOT / "site").resolve():
        raise SystemExit("プレビューを site/ に作ることはできません (site/ is what gets published)")
    state = PreviewState()
    rebuild(content, preview, state)
    server = LiveReloadServer(lambda: rebuild(content, preview, state), "127.0.0.1", port, str(preview))
    server.set_app(with_banner(server.serve_request, state))
    for path in [content.resolve(), *(ROOT / name for name in WATCHED)]:
        server.watch(str(path))
    print(f"http://127.0.0.1:{port}/ でプレビュー中。変更すると自動で再生成・再読み込みします (Ctrl+C で終了)",
          flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        server.shutdown()
