"""Make a set of pages into built files: render them, run mkdocs on the Markdown ones, in several processes.

Why parts: mkdocs builds every page it is given and nothing else, and a page's HTML depends only on its own
Markdown, the navigation and the configuration. So the pages can be split into parts, each built by its own
mkdocs run (in its own process), and the results put side by side give the same bytes as one run over
everything. Each part also gets the nav pages, which every page's navigation links to; only the part that
owns a nav page keeps its HTML. This one mechanism serves `--jobs`, `--shard` and incremental builds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.build.mkdocs_config import nav
from generator.build.processes import pool
from generator.build.search_entries import EntryCache
from generator.build.writer import write_file
from generator.model import urls
from generator.outputs.search.index import SearchDoc
from generator.outputs.search.site_docs import search_doc
from generator.pages.pages import Page

# Markdown pages per mkdocs run: mkdocs keeps every page of a run (Markdown and HTML) in memory until the run
# ends, so a part builds its pages in batches and its memory does not grow with the corpus.
BATCH = 500

# The plan of the running build, inherited by forked worker processes (pages hold closures over the graph,
# which cannot be pickled; fork shares them for free).
_PLAN: Plan | None = None


@dataclass
class Plan:
    """The pages to make, the nav pages every part needs, and what each search document is about."""
    pages: list[Page]
    nav: dict[str, str]  # docs path → Markdown of every nav page
    facts: dict[str, tuple[str, str, str, str, str]]  # page url → search facts (title, kind, 団体, 種類, 公表日)
    config: Path
    epoch: int
    entries: EntryCache | None = None  # where each page's search-index entry is kept


@dataclass
class PartResult:
    """What one part produced: its folder, the files it owns, and the search documents of its pages."""
    folder: Path
    owned: list[str] = field(default_factory=list)
    search_docs: list[SearchDoc] = field(default_factory=list)


def split(pages: list[Page], parts: int) -> list[list[int]]:
    """Indices of `pages` dealt round-robin into `parts` lists (similar pages spread evenly)."""
    return [list(range(i, len(pages), parts)) for i in range(parts)]


def build_parts(plan: Plan, folder: Path, jobs: int) -> list[PartResult]:
    """Build every page of the plan, in `jobs` processes; part 0 always runs (it makes the theme assets)."""
    global _PLAN
    parts = [p for i, p in enumerate(split(plan.pages, max(1, jobs))) if p or i == 0]
    folders = [folder / f"part-{i}" for i in range(len(parts))]
    _PLAN = plan
    try:
        if len(parts) == 1:
            return [_build_part(parts[0], folders[0])]
        with pool(len(parts)) as workers:
            return list(workers.map(_build_part, parts, folders))
    finally:
        _PLAN = None


def _build_part(indices: list[int], folder: Path) -> PartResult:
    plan = _PLAN
    assert plan is not None
    out = folder / "site"
    result = PartResult(out)
    markdown = [i for i in indices if plan.pages[i].is_markdown]
    for i in indices:
        page = plan.pages[i]
        if not page.is_markdown:
            write_file(out, page.path, page.make())
            result.owned.append(page.output)
    batches = [markdown[k:k + BATCH] for k in range(0, len(markdown), BATCH)]
    # part 0 also runs when only other parts have Markdown pages: it brings the theme assets and 404.html
    if not batches and folder.name == "part-0" and any(p.is_markdown for p in plan.pages):
        batches = [[]]
    for n, batch in enumerate(batches):
        docs = folder / f"docs-{n}"
        for path, text in plan.nav.items():
            write_file(docs, path, text)
        for i in batch:
            _make_markdown(plan, plan.pages[i], docs, result)
        run_mkdocs(docs, out / "_mkdocs", plan.config, plan.epoch)
        _merge_into(out / "_mkdocs", out)
    return result


def _make_markdown(plan: Plan, page: Page, docs: Path, result: PartResult) -> None:
    """Render one Markdown page into the docs folder, with its search document and index entry."""
    data = page.make()
    assert isinstance(data, str)
    write_file(docs, page.path, data)
    url = page.path[: -len(urls.source_path(""))]
    if url in plan.facts:
        doc = search_doc(url, plan.facts[url], data)
        result.search_docs.append(doc)
        if plan.entries is not None:
            plan.entries.store(doc)
    result.owned.append(page.output)


def _merge_into(source: Path, target: Path) -> None:
    """Move every file of `source` under `target` (same filesystem), then drop `source`."""
    for dirpath, _, names in os.walk(source, topdown=False):
        for name in names:
            src = Path(dirpath) / name
            dst = target / src.relative_to(source)
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
        os.rmdir(dirpath)


def run_mkdocs(docs: Path, out: Path, config: Path, epoch: int) -> None:
    """mkdocs build as a library call, strict (a broken internal link fails the build)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # mkdocs reads its build date only from here

    build(load_config(config_file=str(config), docs_dir=str(docs), site_dir=str(out), strict=True, nav=nav(config)))
