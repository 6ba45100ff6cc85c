"""Regenerate docs/screenshots/ (the README shows them): `.venv/bin/python -m tests.screenshots [SITE_DIR]`.

Builds the real site from content/ (or uses SITE_DIR), serves it locally and takes the first screen of the
pages a resident starts from, on a phone (390 × 844) and a desktop (1280 × 900), in Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from generator.build.pipeline import build_site
from generator.load.content import load_content
from generator.model import urls
from generator.model.graph import build_graph

from .conftest import CHROMIUM, CHROMIUM_ARGS, CONTENT, ROOT, serve

OUT = ROOT / "docs" / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def pages() -> dict[str, str]:
    graph = build_graph(load_content(CONTENT))
    nec = next(e for e in graph.entities["contractor"].values() if e.name == "日本電気株式会社北海道支社")
    return {
        "home": urls.HOME,
        "assessment": urls.assessment("012033-1"),
        "organization": urls.organization("131032"),
        "contractors-list": urls.index("contractor"),
        "contractor": nec.url,
    }


def take(site: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for device, viewport in VIEWPORTS.items():
                page = browser.new_page(viewport=viewport)
                for name, url in pages().items():
                    page.goto(base + url)
                    path = OUT / f"{name}-{device}.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str]) -> None:
    if argv:
        paths = take(Path(argv[0]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build_site(CONTENT, site)
            paths = take(site)
    for path in paths:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
