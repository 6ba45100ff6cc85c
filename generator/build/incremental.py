"""What changed since the last build: fingerprints of pages from the records they read, and the manifest.

A page's fingerprint hashes the build's salt (generator code, templates, theme, mkdocs.yml, aliases), its
path and the hashes of the records it declares in `Page.reads`. A page whose fingerprint is unchanged is
neither rendered nor built again; its file is taken from the published site. The manifest lives in the
cache folder beside site/ (never published) and is written only after a successful publish.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.build.context import ROOT, BuildContext
from generator.load.content import ALIAS_FILE, ASSESSMENT_DIR, ORG_DIR, SOURCE_DIR, Content
from generator.pages.pages import ALL, Page

MANIFEST = "manifest.json"
SEARCH_DOCS = "search-docs.pickle"
FORMAT = 1
CODE_PARTS = ("generator", "theme", "mkdocs.yml", "requirements.txt")


def _sha(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def code_hash(root: Path = ROOT) -> str:
    """Everything besides content that shapes the output: a change here rebuilds every page."""
    files: list[Path] = []
    for name in CODE_PARTS:
        path = root / name
        files.extend([path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()
                                                             and "__pycache__" not in p.parts))
    return _sha(*(part for p in files for part in (p.relative_to(root).as_posix(), p.read_bytes())))


def record_hashes(content_dir: Path, content: Content) -> dict[str, str]:
    """Hash of each record a page can read: `org:<code>` and each assessment id (which includes its 団体)."""
    out = {f"org:{code}": _sha((content_dir / ORG_DIR / f"{code}.yaml").read_bytes())
           for code in content.organizations}
    for a in content.assessments:
        out[a.id] = _sha((content_dir / ASSESSMENT_DIR / f"{a.id}.yaml").read_bytes(), out[f"org:{a.org_code}"])
    return out


def build_salt(ctx: BuildContext, site_url: str) -> str:
    aliases = ctx.content_dir / ALIAS_FILE
    texts = sorted((ctx.content_dir / SOURCE_DIR).glob("*.txt"))
    return _sha(str(FORMAT), code_hash(), aliases.read_bytes() if aliases.is_file() else b"", site_url,
                *(part for p in texts for part in (p.name, p.read_bytes())))


@dataclass(frozen=True)
class Fingerprints:
    """Fingerprint of every page of one build, and the salt they were made with."""

    salt: str
    pages: dict[str, str]

    @classmethod
    def of(cls, pages: Iterable[Page], records: dict[str, str], salt: str, day: str) -> Fingerprints:
        everything = _sha(day, *(f"{k}={v}" for k, v in sorted(records.items())))
        return cls(salt, {p.path: _sha(salt, p.path, *sorted(everything if r == ALL else f"{r}={records.get(r)}"
                                                               for r in p.reads))
                          for p in pages})

    def changed_since(self, old: Fingerprints | None) -> tuple[set[str], set[str]]:
        """(paths to make, paths that are gone) relative to the previous build; all when nothing is known."""
        if old is None or old.salt != self.salt:
            return set(self.pages), set()
        made = {path for path, fp in self.pages.items() if old.pages.get(path) != fp}
        return made, set(old.pages) - set(self.pages)


@dataclass(frozen=True)
class Manifest:
    """What the published site was built from: page fingerprints, search documents (url → fields) and the
    hash of every file made from the whole site at the end (search index, sitemap)."""

    prints: Fingerprints
    search_docs: dict[str, list[str]]
    finishing: dict[str, str]


def load_manifest(ctx: BuildContext) -> Manifest | None:
    """The last published build's manifest, if its site is still there."""
    path = ctx.cache_dir / MANIFEST
    if not ctx.incremental or not ctx.site_dir.is_dir() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        with open(ctx.cache_dir / SEARCH_DOCS, "rb") as f:
            docs = pickle.load(f)
        return Manifest(Fingerprints(data["salt"], data["pages"]), docs, data["finishing"])
    except (OSError, ValueError, KeyError, EOFError, pickle.UnpicklingError):
        return None


def save_manifest(ctx: BuildContext, manifest: Manifest) -> None:
    """Written (atomically) after the site is published, so it always describes the published site."""
    ctx.cache_dir.mkdir(parents=True, exist_ok=True)
    with open(ctx.cache_dir / (SEARCH_DOCS + ".tmp"), "wb") as f:  # pickle streams: no giant JSON string
        pickle.dump(manifest.search_docs, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(ctx.cache_dir / (SEARCH_DOCS + ".tmp"), ctx.cache_dir / SEARCH_DOCS)
    tmp = ctx.cache_dir / (MANIFEST + ".tmp")
    data = {"salt": manifest.prints.salt, "pages": manifest.prints.pages, "finishing": manifest.finishing}
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, ctx.cache_dir / MANIFEST)


def forget_manifest(ctx: BuildContext) -> None:
    """Before a publish: if it dies half-way, the next build must not trust a stale manifest."""
    (ctx.cache_dir / MANIFEST).unlink(missing_ok=True)
