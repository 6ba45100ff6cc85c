"""Checking many assessment files fast: in several processes, and not at all when a file has not changed.

Why: validation is pure Python and costs ~40 ms a file (1,000 files: 40 s on one core). Files are checked
independently (content.check_assessment_file), so they spread over processes; and each result is kept in
the build cache under a key made of the file's bytes, its shown path, what else the check reads (the 団体
codes) and the generator's code, so an unchanged file is a ~1 ms unpickle in the next build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from generator.build.incremental import code_hash
from generator.build.processes import pool
from generator.load.content import FileResult, MapFiles, _display
from generator.load.limits import MAX_FILE_BYTES

CHUNK = 16


def cached_parallel(cache_dir: Path | None, jobs: int) -> MapFiles:
    """A `map_files` for load_content: results from the cache, the rest checked in `jobs` processes."""
    code = code_hash()

    def map_files(check: Callable[[Path], FileResult], paths: list[Path], salt: str) -> list[FileResult]:
        keys = [_key(code, salt, path) for path in paths]
        results: list[FileResult | None] = [_cached(cache_dir, key) for key in keys]
        todo = [i for i, r in enumerate(results) if r is None]
        for i, result in zip(todo, _check_all(check, [paths[i] for i in todo], jobs), strict=True):
            results[i] = result
            _store(cache_dir, keys[i], result)
        return [r for r in results if r is not None]

    return map_files


def _check_all(check: Callable[[Path], FileResult], paths: list[Path], jobs: int) -> list[FileResult]:
    if jobs <= 1 or len(paths) < 2 * CHUNK:
        return [check(path) for path in paths]
    with pool(jobs) as workers:
        return list(workers.map(check, paths, chunksize=CHUNK))


def _key(code: str, salt: str, path: Path) -> str | None:
    """None for what is never cached: links (their target may lie outside content/) and oversized files."""
    if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
        return None
    h = hashlib.sha256()
    for part in (code, salt, _display(path), str(path.resolve())):
        h.update(part.encode("utf-8") + b"\0")
    h.update(path.read_bytes())
    return h.hexdigest()


def _cached(cache_dir: Path | None, key: str | None) -> FileResult | None:
    if cache_dir is None or key is None:
        return None
    try:
        with open(cache_dir / key[:2] / key, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def _store(cache_dir: Path | None, key: str | None, result: FileResult) -> None:
    """Only valid results are kept (a file with problems is reported afresh each time)."""
    if cache_dir is None or key is None or result.assessment is None:
        return
    folder = cache_dir / key[:2]
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{key}.{os.getpid()}.tmp"
    tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, folder / key)
