"""Build pipeline: load + validate → graph → render → write Markdown → mkdocs → publish.

Every error is found before the first file is written; the site is built in a temporary
folder beside site/ and swapped in only on success, so a failed build leaves site/ as it was.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from . import urls
from .content import load_content
from .graph import build_graph
from .publishing import build_folder
from .render.site import render_site
from .writer import publish, write_tree

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


def source_files(content_dir: Path) -> dict[str, str | bytes]:
    """Everything mkdocs needs in its docs folder, as a pure function of content/."""
    content = load_content(content_dir)
    graph = build_graph(content)
    files: dict[str, str | bytes] = dict(render_site(graph))
    for extra in [*_extras(graph), _search(graph, files)]:
        overlap = set(files) & set(extra)
        assert not overlap, f"pages rendered twice: {sorted(overlap)}"
        files.update(extra)
    return files


def _search(graph, pages: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """The results page and the prebuilt index of the pages rendered so far."""
    from .search import search_files, search_page_markdown
    from .search.site_docs import search_docs

    out: dict[str, str | bytes] = {urls.source_path(urls.SEARCH): search_page_markdown()}
    out.update(search_files(search_docs(graph, pages)))
    return out


def _extras(graph) -> list[dict[str, str | bytes]]:
    """Optional page families (search, guide, open data) added by their own modules."""
    from .extras import extra_files

    return extra_files(graph)


def source_date_epoch(content_dir: Path) -> str:
    """Fixed build date for reproducible output: env var, else last content commit, else 0."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(content_dir)], capture_output=True,
                             text=True, check=False, cwd=content_dir if content_dir.is_dir() else None)
        return out.stdout.strip() or "0"
    except OSError:
        return "0"


def run_mkdocs(docs: Path, out: Path, config: Path = CONFIG) -> None:
    """mkdocs build as a library call, strict (a broken internal link fails the build)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(config), docs_dir=str(docs), site_dir=str(out), strict=True)
    build(cfg)


def build_site(content_dir: Path, site_dir: Path, docs_out: Path | None = None) -> None:
    """Build site_dir from content_dir; on any error site_dir is left untouched."""
    files = source_files(content_dir)  # raises ContentError before anything is written
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(content_dir)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with build_folder(site_dir) as tmp:  # lock, clean leftovers of killed builds, temp folder
        docs = Path(tmp) / "docs"
        write_tree(docs, files)
        built = Path(tmp) / "site"
        run_mkdocs(docs, built)
        publish(built, site_dir)
    if docs_out is not None:
        import shutil

        if docs_out.exists():
            shutil.rmtree(docs_out)
        write_tree(docs_out, files)
