"""Putting a built site in place: one atomic exchange, a lock, and cleanup after killed builds.

site/ stays a real directory, so servers, rsync and Pages uploads pointed at it keep working. The new
tree is built beside it (`.pia-<site>-build-*/site`, same filesystem) and swapped in with
renameat2(RENAME_EXCHANGE) on Linux or renamex_np(RENAME_SWAP) on macOS: one system call, so a reader,
or a kill at any instant, finds either the whole old tree or the whole new one, never a missing or mixed
site/. The old tree lands in the build folder and is deleted with it; if the process dies first, the
next build deletes it. Where neither call exists the swap falls back to two renames (a short window).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock, builds are not serialised
    fcntl = None  # type: ignore[assignment]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # Linux <linux/fs.h>
_RENAME_SWAP = 2  # macOS <stdio.h>
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP}


_HELD: set[int] = set()  # lock file descriptors held by this process


def _drop_held_locks_in_child() -> None:
    """A forked worker shares the lock's open file; if it outlived a killed build it would hold the lock for
    ever and every later build would wait. Children close their copy: only the build itself holds the lock."""
    for fd in _HELD:
        with suppress(OSError):
            os.close(fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_held_locks_in_child)


class PublishError(Exception):
    """The new site could not be put in place; the message says what state site/ is in."""


def build_prefix(site: Path) -> str:
    """Prefix of this site's build folders: named after the site, so two sites in one folder never
    clean each other's builds."""
    return f".pia-{site.name}-build-"


def lock_path(site: Path) -> Path:
    return site.with_name(f".{site.name}.lock")


@contextmanager
def build_folder(site: Path) -> Iterator[Path]:
    """Hold the site's lock, remove leftovers of killed builds, and yield a fresh folder beside site/.

    The folder (with the old tree, after a publish) is removed on the way out, also on errors.
    """
    site.parent.mkdir(parents=True, exist_ok=True)
    with site_lock(site):
        clean_leftovers(site)
        folder = Path(tempfile.mkdtemp(prefix=build_prefix(site), dir=site.parent))
        try:
            yield folder
        finally:
            _remove(folder, "ビルド用の一時フォルダ", "temporary build folder")


@contextmanager
def site_lock(site: Path) -> Iterator[None]:
    """An exclusive flock on `.<site>.lock` beside site/: a second build waits, and says so.

    The lock file is never deleted (deleting it would let two builds hold different files)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(lock_path(site), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"別のビルドが {site} を生成中です。終わるまで待ちます (another build of {site} is running; waiting)",
                  file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        _HELD.add(fd)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock


def clean_leftovers(site: Path) -> None:
    """Delete what killed builds left: this site's build folders and a stale `site.old` (folder or file).

    Called with the lock held, so no running build owns them. A leftover that cannot be deleted is only
    reported: publishing never goes through it."""
    prefix = build_prefix(site)
    stale = [p for p in site.parent.iterdir() if p.name.startswith(prefix)]
    old = site.with_name(site.name + ".old")  # the two-rename publish of earlier versions
    if os.path.lexists(old):
        stale.append(old)
    for path in sorted(stale):
        _remove(path, "前回のビルドの残り", "leftover of an earlier build")


def _remove(path: Path, ja: str, en: str) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        print(f"警告: {ja} {path} を削除できませんでした: {exc.strerror}。公開には影響しません"
              f" (warning: could not delete {en} {path}: {exc.strerror}; publishing is not affected)",
              file=sys.stderr, flush=True)


def swap_in(built: Path, site: Path) -> None:
    """Put `built` at `site`; afterwards `built` holds the previous tree (if there was one)."""
    if os.path.islink(site) or (os.path.lexists(site) and not site.is_dir()):
        raise PublishError(f"{site} がフォルダではないため公開できませんでした。{site} は変更していません"
                           f" (cannot publish: {site} is not a folder; it was left unchanged)")
    if not os.path.lexists(site):
        _rename(built, site)  # nothing to replace: a plain rename is atomic
        return
    if _exchange(built, site):
        return
    _two_renames(built, site)


def _rename(source: Path, target: Path) -> None:
    try:
        os.rename(source, target)
    except OSError as exc:
        raise PublishError(f"{target} を公開できませんでした: {exc.strerror}。既存のサイトは変更していません"
                           f" (could not publish {target}: {exc.strerror}; the existing site is unchanged)") from exc


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directory entries in one system call; False when this OS or filesystem cannot."""
    call = _swap_call()
    if call is None:
        return False
    if call(os.fsencode(a), os.fsencode(b)) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise PublishError(f"{b} を公開できませんでした: {os.strerror(code)}。既存のサイトは変更していません"
                       f" (could not publish {b}: {os.strerror(code)}; the existing site is unchanged)")


def _swap_call():
    """renameat2(RENAME_EXCHANGE) or renamex_np(RENAME_SWAP) as a two-path function, if libc has it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover
        return None
    if hasattr(libc, "renameat2"):
        fn = libc.renameat2
        fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        return lambda a, b: fn(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
    if hasattr(libc, "renamex_np"):  # pragma: no cover - macOS
        fn = libc.renamex_np
        fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        return lambda a, b: fn(a, b, _RENAME_SWAP)
    return None  # pragma: no cover


def _two_renames(built: Path, site: Path) -> None:  # pragma: no cover - only without an exchange call
    """Fallback: site → beside built, built → site. Not atomic: for an instant site/ is missing."""
    old = built.with_name(built.name + ".old")
    _rename(site, old)
    try:
        os.rename(built, site)
    except OSError as exc:
        os.rename(old, site)
        raise PublishError(f"{site} を公開できませんでした: {exc.strerror}。既存のサイトに戻しました"
                           f" (could not publish {site}: {exc.strerror}; the existing site was put back)") from exc
    os.rename(old, built)
