"""The only module that writes files: the Markdown tree, and the atomic swap of site/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


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
    """Replace `site` by `built` so readers never see a half-written site.

    Two renames on one filesystem; the old site is removed only after the new one is in place.
    """
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        os.replace(site, old)
    os.replace(built, site)
    if old.exists():
        shutil.rmtree(old)
