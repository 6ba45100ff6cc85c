"""Golden pages: rendered Markdown compared with checked-in files.

`make goldens` (python -m tests.goldens) rewrites them; the reviewer reads the diff.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.names import normalize
from generator.model import urls

from . import real_content

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = Path(__file__).resolve().parent / "goldens"


def golden_pages() -> dict[str, str]:
    """Golden file name → rendered Markdown, from the real content/."""
    graph = real_content.graph()
    pages = real_content.rendered()
    nec = next(e for e in graph.entities["contractor"].values() if normalize(e.name) == "日本電気株式会社北海道支社")
    wanted = {
        "assessment-012033-3.md": urls.assessment("012033-3"),
        "assessment-131032-2.md": urls.assessment("131032-2"),
        "contractor-nec-hokkaido.md": nec.url,
    }
    return {name: pages[urls.source_path(url)] for name, url in wanted.items() if urls.source_path(url) in pages}


def main() -> None:
    GOLDEN_DIR.mkdir(exist_ok=True)
    for name, text in golden_pages().items():
        (GOLDEN_DIR / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote tests/goldens/{name}")


if __name__ == "__main__":
    main()
