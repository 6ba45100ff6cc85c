"""Writing a build's files: one function for a page's text or bytes, and the atomic swap of site/."""

from __future__ import annotations

from pathlib import Path

from generator.build.publishing import swap_in


def write_file(root: Path, rel: str, data: str | bytes) -> None:
    """Write `rel` under `root` (UTF-8, LF for text), refusing a path that would leave `root`."""
    path = root / rel
    assert root.resolve() in path.resolve().parents, f"path escapes build folder: {rel}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="\n")
    else:
        path.write_bytes(data)


def publish(built: Path, site: Path) -> None:
    """Replace `site` by `built` in one atomic exchange (see generator/build/publishing.py).

    Afterwards `built` holds the previous tree; call inside `build_folder(site)`, which holds the lock and
    deletes it. Raises PublishError, with site/ unchanged, when the new tree cannot be put in place.
    """
    swap_in(built, site)
