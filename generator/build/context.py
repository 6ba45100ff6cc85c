"""The build context: everything one build needs to know, decided once at the command line and handed down.

Why: renderers must never read the environment or the clock. The build date is SOURCE_DATE_EPOCH when set,
else the time of the last git commit touching content/, else 0 — so the same content builds the same bytes
in any time zone, locale, working directory or path spelling.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"


@dataclass(frozen=True)
class Shard:
    """Part `index` (1-based) of `count` disjoint parts of the site (`--shard 2/8`)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        k, _, n = text.partition("/")
        if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
            raise ValueError(f"--shard は K/N の形で 1 ≤ K ≤ N にしてください (expected K/N): {text!r}")
        return cls(int(k), int(n))


@dataclass(frozen=True)
class BuildContext:
    """Paths (absolute), the build date, and the options of one build."""

    content_dir: Path
    site_dir: Path
    epoch: int
    jobs: int = 1
    shard: Shard | None = None
    incremental: bool = True
    docs_out: Path | None = None
    config: Path = CONFIG
    cache_dir: Path = field(default=Path())

    @property
    def build_date(self) -> datetime:
        return datetime.fromtimestamp(self.epoch, UTC)

    @classmethod
    def create(cls, content_dir: Path, site_dir: Path, *, epoch: int | None = None, jobs: int | None = None,
               **options: object) -> BuildContext:
        """A context with absolute paths; epoch from SOURCE_DATE_EPOCH or git when not given."""
        content, site = content_dir.resolve(), site_dir.resolve()
        options.setdefault("cache_dir", site.parent / ".pia-cache" / site.name)
        return cls(content, site, epoch if epoch is not None else content_epoch(content),
                   jobs or default_jobs(), **options)  # type: ignore[arg-type]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def content_epoch(content_dir: Path) -> int:
    """SOURCE_DATE_EPOCH, else the last commit touching content_dir, else 0 (read once, at the edge)."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return int(env)
    if not content_dir.is_dir():
        return 0
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "."], capture_output=True, text=True,
                             check=False, cwd=content_dir, env={**os.environ, "LC_ALL": "C", "TZ": "UTC"})
    except OSError:
        return 0
    text = out.stdout.strip()
    return int(text) if text.isdigit() else 0
