"""Build pipeline: load + validate → graph → page list → make what changed (in parts) → search, sitemap → publish.

Every content error is found before the first file is written. The new tree is assembled in a folder beside
site/ — from hard links to the published files that did not change plus the files made now — and swapped in
atomically (publishing.py); a build that changes nothing writes nothing. `build_shard` makes one disjoint part
of the site and `merge_shards` assembles parts into the same bytes a single build gives.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.build.context import CONFIG, BuildContext, Shard
from generator.build.incremental import (
    Fingerprints,
    Manifest,
    build_salt,
    forget_manifest,
    load_manifest,
    record_hashes,
    save_manifest,
)
from generator.build.loading import cached_parallel
from generator.build.mkdocs_config import nav_paths, site_url_of
from generator.build.parts import PartResult, Plan, build_parts
from generator.build.publishing import build_folder
from generator.build.search_entries import EntryCache
from generator.build.writer import publish
from generator.load.content import load_content
from generator.model import urls
from generator.model.graph import build_graph
from generator.outputs.search import search_files
from generator.outputs.search.index import DocEntry, SearchDoc, doc_entry
from generator.outputs.search.site_docs import page_facts
from generator.outputs.search.synonyms import load_synonyms
from generator.outputs.site import all_pages, render_site
from generator.outputs.sitemap import sitemap_files
from generator.pages.markdown import PageOptions
from generator.pages.pages import output_of

SHARD_INFO = "_pia-shard.json"


@dataclass
class BuildReport:
    """What a build did, for the command line and the benchmarks."""

    pages: int = 0
    made: int = 0
    removed: int = 0
    published: bool = False
    phases: list[tuple[str, float, float]] = field(default_factory=list)  # (step, seconds, peak RSS MB so far)
    _last: float = field(default_factory=time.perf_counter, repr=False)

    def lap(self, step: str) -> None:
        """Note the end of a step (printed by `build --verbose`)."""
        now = time.perf_counter()
        self.phases.append((step, now - self._last, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
        self._last = now

    def timings(self) -> str:
        return "\n".join(f"  {step:<10} {seconds:7.1f} s  RSS {rss:6.0f} MB" for step, seconds, rss in self.phases)

    def __str__(self) -> str:
        if not self.published:
            return f"変更はありません。何も書き込んでいません (no change; nothing written; {self.pages} pages)"
        return (f"公開しました: {self.pages} ページ中 {self.made} ページを作成、{self.removed} ページを削除"
                f" (published: made {self.made} of {self.pages} pages, removed {self.removed})")


def source_files(content_dir: Path) -> dict[str, str | bytes]:
    """Every file of the docs folder as a pure function of content/ (tests; the build streams instead)."""
    content = load_content(content_dir)
    today = BuildContext.create(content_dir, Path("site")).build_date.date()
    return render_site(build_graph(content), PageOptions(today, content_dir))


def build_site(content_dir: Path, site_dir: Path, docs_out: Path | None = None, **options: object) -> BuildReport:
    """Build site_dir from content_dir (see BuildContext.create for options); site_dir is untouched on error."""
    return build(BuildContext.create(content_dir, site_dir, docs_out=docs_out, **options))


@dataclass
class Planned:
    """A build's plan and the little the later steps need: once the pages are made, the plan (which holds
    every record through the pages' closures) is dropped, so the search index is built without them."""

    plan: Plan | None
    prints: Fingerprints
    manifest: Manifest | None
    gone: set[str]
    paths: set[str]
    outputs: list[str]  # every page's file, markdown pages only (the sitemap)
    all_outputs: set[str]
    site_url: str
    synonyms: list[list[str]]
    report: BuildReport


def plan_build(ctx: BuildContext) -> Planned:
    """Load and validate (raises ContentError before anything is written), list the pages, decide what to make."""
    records = ctx.cache_dir / "records"  # keyed by file bytes and code: safe for clean builds too
    content = load_content(ctx.content_dir, ctx.build_date.date(), cached_parallel(records, ctx.jobs))
    synonyms = load_synonyms(ctx.content_dir)  # its errors too come before anything is written
    graph = build_graph(content)
    pages = all_pages(graph, PageOptions(ctx.build_date.date(), ctx.content_dir))
    site_url = site_url_of(ctx.config)
    prints = Fingerprints.of(pages, record_hashes(ctx.content_dir, content), build_salt(ctx, site_url),
                             ctx.build_date.date().isoformat())
    mine = [p for p in pages if ctx.shard is None or owner(p.path, ctx.shard)]
    manifest = load_manifest(ctx) if ctx.shard is None else None
    if manifest is not None and manifest.prints.salt != prints.salt:
        manifest = None  # code, theme or configuration changed: every file is made afresh, assets included
    made, gone = prints.changed_since(manifest.prints if manifest else None)
    todo = [p for p in mine if p.path in made]
    navs = nav_paths(ctx.config)
    plan = Plan(todo, {p.path: p.make() for p in pages if p.path in navs} if todo else {}, page_facts(graph),
                ctx.config, ctx.epoch, EntryCache(ctx.cache_dir / "search", prints.salt))
    report = BuildReport(pages=len(mine), made=len(todo), removed=len(gone))
    return Planned(plan, prints, manifest, gone, {p.path for p in pages},
                   sorted(p.output for p in pages if p.is_markdown), {p.output for p in pages}, site_url, synonyms,
                   report)


def build(ctx: BuildContext) -> BuildReport:
    started = time.perf_counter()
    planned = plan_build(ctx)
    manifest, report = planned.manifest, planned.report
    report._last = started
    report.lap("plan")
    if manifest is not None and not report.made and not report.removed:
        return report
    with build_folder(ctx.site_dir) as folder:
        assert planned.plan is not None
        results = build_parts(planned.plan, folder, ctx.jobs)
        planned.plan = None  # frees the records and the graph before the search index is built
        report.lap("pages")
        tree = folder / "site"
        _assemble(tree, ctx.site_dir if manifest is not None else None, results, planned.all_outputs, planned.gone)
        docs = _search_docs(manifest.search_docs if manifest else {}, results, planned.paths, planned.gone)
        report.lap("assemble")
        if ctx.shard is None:
            finishing = _finishing_files(docs, planned.synonyms, planned.site_url, planned.outputs,
                                         EntryCache(ctx.cache_dir / "search", planned.prints.salt).entry)
            written = _write_all(tree, finishing, manifest.finishing if manifest else {})
            del finishing  # the search index's bytes: hundreds of MB at 1,000 assessments
        else:
            _write_shard_info(tree, docs, ctx.shard, planned.outputs)
        report.lap("search")
        if ctx.docs_out is not None:
            _write_docs(ctx.docs_out, results)
        forget_manifest(ctx)
        publish(tree, ctx.site_dir)
    if ctx.shard is None:
        save_manifest(ctx, Manifest(planned.prints, {d.url: _doc_fields(d) for d in docs}, written))
    report.lap("publish")
    report.published = True
    return report


def owner(path: str, shard: Shard) -> bool:
    """Whether a page belongs to this shard: a stable hash of its path, so shards stay balanced and disjoint."""
    return zlib.crc32(path.encode("utf-8")) % shard.count == shard.index - 1


def _assemble(tree: Path, previous: Path | None, results: list[PartResult], outputs: set[str], gone: set[str]) -> None:
    """The new tree: the previous site hard-linked, minus removed pages, plus every file made now.

    Part 0 also brings the files mkdocs makes once per run (theme assets, 404.html) in a full build."""
    if previous is not None:
        shutil.copytree(previous, tree, copy_function=os.link, symlinks=True)
        for path in gone:
            _delete(tree, output_of(path))
    tree.mkdir(exist_ok=True)
    for i, result in enumerate(results):
        for rel in result.owned:
            _move(result.folder / rel, tree / rel)
        if i == 0 and previous is None:
            for path in sorted(result.folder.rglob("*")):
                rel = path.relative_to(result.folder).as_posix()
                if path.is_file() and rel not in outputs:
                    _move(path, tree / rel)


def _delete(tree: Path, rel: str) -> None:
    """Remove a file that is gone, and the folders it leaves empty (a removed page leaves no trace)."""
    path = tree / rel
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == tree or not folder.is_dir() or any(folder.iterdir()):
            break
        folder.rmdir()


def _link_over(source: str, target: str) -> None:
    """Hard-link for copytree; a file every shard made (theme assets, 404.html) is taken from the last."""
    if os.path.lexists(target):
        os.unlink(target)
    os.link(source, target)


def _move(source: Path, target: Path) -> None:
    """Replace the directory entry (never write into a file that may be hard-linked to the live site)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def _search_docs(old: dict, results: list[PartResult], paths: set[str], gone: set[str]) -> list[SearchDoc]:
    """This build's documents plus the previous build's for pages that were not made again."""
    docs = {url: SearchDoc(url, *fields) for url, fields in old.items()
            if urls.source_path(url) in paths and urls.source_path(url) not in gone}
    for result in results:
        docs.update((d.url, d) for d in result.search_docs)
    return [docs[url] for url in sorted(docs)]


def _doc_fields(doc: SearchDoc) -> list[str]:
    return [doc.title, doc.kind, doc.org, doc.form, doc.published, doc.body]


def _finishing_files(docs: list[SearchDoc], synonyms: list[list[str]], site_url: str, outputs: list[str],
                     entry_of: Callable[[SearchDoc], DocEntry] = doc_entry) -> dict[str, bytes]:
    """Files made from the whole site at the end: the search index and the sitemap."""
    files = dict(search_files(docs, synonyms, entry_of))
    files.update(sitemap_files(site_url, outputs))
    return files


def _write_all(tree: Path, files: dict[str, bytes], previous: dict[str, str]) -> dict[str, str]:
    """Write the files whose bytes changed since the previous build, each by rename (the tree may share
    inodes with the live site); delete the previous build's files that are gone. Returns path → hash."""
    written = {}
    for rel, data in sorted(files.items()):
        written[rel] = digest = hashlib.sha256(data).hexdigest()
        path = tree / rel
        if previous.get(rel) == digest and path.is_file():
            continue
        tmp = path.with_name(path.name + ".pia-tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    for rel in sorted(set(previous) - set(files)):
        _delete(tree, rel)
    return written


def _write_shard_info(tree: Path, docs: list[SearchDoc], shard: Shard, outputs: list[str]) -> None:
    """What the merge needs from a shard: its search documents and the pages the sitemap lists."""
    info = {"shard": f"{shard.index}/{shard.count}", "search_docs": {d.url: _doc_fields(d) for d in docs},
            "pages": outputs}
    (tree / SHARD_INFO).write_text(json.dumps(info, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def _write_docs(docs_out: Path, results: list[PartResult]) -> None:
    """The Markdown docs folder of this build (for other builders such as ProperDocs)."""
    if docs_out.exists():
        shutil.rmtree(docs_out)
    docs_out.mkdir(parents=True)
    for result in results:
        for docs in sorted(result.folder.parent.glob("docs-*")):
            shutil.copytree(docs, docs_out, dirs_exist_ok=True)
        for rel in result.owned:
            if not rel.endswith(".html") and (result.folder / rel).is_file():
                (docs_out / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(result.folder / rel, docs_out / rel)


def merge_shards(parts: Iterable[Path], site_dir: Path, content_dir: Path, config: Path = CONFIG) -> BuildReport:
    """Assemble shard outputs into one site: the same bytes a single build of all pages gives."""
    site_dir = site_dir.resolve()
    docs: dict[str, SearchDoc] = {}
    with build_folder(site_dir) as folder:
        tree = folder / "site"
        tree.mkdir()
        found: set[str] = set()
        pages: set[str] = set()
        for part in sorted(parts):
            info = json.loads((part / SHARD_INFO).read_text(encoding="utf-8"))
            found.add(info["shard"])
            docs.update((url, SearchDoc(url, *fields)) for url, fields in info["search_docs"].items())
            pages.update(info["pages"])
            shutil.copytree(part, tree, copy_function=_link_over, dirs_exist_ok=True,
                            ignore=lambda d, names, top=part: [SHARD_INFO] if Path(d) == top else [])
        count = {int(s.split("/")[1]) for s in found}
        if len(count) != 1 or len(found) != next(iter(count)):
            raise SystemExit(f"シャードがそろっていません: {sorted(found)} (incomplete set of shards)")
        finishing = dict(search_files([docs[u] for u in sorted(docs)], load_synonyms(content_dir)))
        _write_all(tree, finishing | sitemap_files(site_url_of(config), pages), {})
        publish(tree, site_dir)
    return BuildReport(pages=len(pages), made=len(pages), published=True)
