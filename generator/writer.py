"""The only module that writes files: the Markdown tree, and the atomic swap of site/."""

from __future__ import annotations

from pathlib import Path

from .publishing import swap_in


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Write `{relative path: text or bytes}` under `root` (which must not exist yet)."""
    root.mkdir(parents=True)
    for rel, data in sorted(files.items()):
        path = root / rel
        assert root in path.resolve().parents or path.resolve() == root, f"path escapes build folder: {rel}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8", newline="\n")
        else:
            path.write_bytes(data)


def publish(built: Path, site: Path) -> None:
    """Replace `site` by `built` in one atomic exchange (see generator/publishing.py).

    Afterwards `built` holds the previous tree; call inside `build_folder(site)`, which holds the lock and
    deletes it. Raises PublishError, with site/ unchanged, when the new tree cannot be put in place.
    """
    swap_in(built, site)
