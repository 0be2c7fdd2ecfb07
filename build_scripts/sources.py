"""Edge: read raw files (and their sidecars) from disk and normalize them, one file at a time.

Both the CLI and the site build read through :func:`read_source`, so a file
gives the same document, warnings and errors in both. Guarantees:

* a file is opened without following a symbolic link and only if it is a
  regular file of at most :data:`~build_scripts.read.MAX_BYTES`
  (``ln -s /etc/passwd source_docs/passwd.txt`` is refused, a FIFO never
  blocks the build); a name with control or bidirectional characters is
  refused;
* a sidecar (``NAME.meta.yml``) is read the same way; one that is a link, not
  a regular file or too large is ignored with a warning naming it;
* every problem, including an unexpected exception while converting, becomes
  an :class:`~build_scripts.read.InputError` naming the file: one bad file
  never stops the others.

:func:`read_folder` takes the files in sorted name order (deterministic
builds) and reports the unreadable ones in ``failures``.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from . import sidecar
from .model import Issue
from .normalize import Result, normalize
from .read import MAX_BYTES, InputError

PATTERNS = ("*.txt", "*.md")


@dataclass(frozen=True)
class Folder:
    """What a corpus folder gave: normalized results and unreadable files."""

    results: tuple[Result, ...]
    failures: tuple[tuple[str, str], ...]  # (file name, message)


def sidecar_path(path: Path) -> Path:
    """``NAME.txt`` -> ``NAME.meta.yml``."""
    return path.with_name(path.stem + ".meta.yml")


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of *path*, a regular file of at most *limit* bytes, opened without following
    a symbolic link; raise :class:`InputError` (naming the file) otherwise."""
    name = path.name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        if err.errno == errno.ELOOP or path.is_symlink():
            raise InputError(f"{name}: symbolic link, not followed (copy the file itself into the folder)") from err
        raise InputError(f"{name}: cannot be read ({err.strerror or err})") from err
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: not a regular file, skipped")
        if info.st_size > limit:
            raise InputError(f"{name}: file over {_size(limit)} ({info.st_size:,} bytes), not converted")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: file over {_size(limit)}, not converted")
    return data


def read_source(path: Path) -> Result:
    """Read and normalize one raw file and its sidecar (see module docstring)."""
    name = path.name
    if not _printable(name):
        raise InputError(f"{name!r}: file name with control, bidirectional or undecodable characters, skipped")
    data = read_bytes(path, MAX_BYTES)
    side = sidecar_path(path)
    side_data, side_issues = _sidecar(side)
    try:
        result = normalize(data, name, side_data, side.name)
    except InputError:
        raise
    except Exception as err:  # a bug shown by this file: report it, build the others
        raise InputError(f"{name}: could not be converted ({type(err).__name__}: {str(err)[:200]}); "
                         "skipped — please report this file") from err
    if side_issues:
        doc = dataclasses.replace(result.document, issues=result.document.issues + tuple(side_issues))
        result = dataclasses.replace(result, document=doc)
    return result


def _sidecar(side: Path) -> tuple[bytes | None, list[Issue]]:
    """The sidecar's bytes, or None (with a warning when it exists but cannot be used)."""
    if not os.path.lexists(side):
        return None, []
    try:
        return read_bytes(side, sidecar.MAX_BYTES), []
    except InputError as err:
        return None, [Issue(0, f"{err} (sidecar ignored)")]


def source_files(folder: Path) -> list[Path]:
    """The raw texts of *folder*, sorted (sidecars excluded; links and special files included,
    so that :func:`read_source` reports them)."""
    files = {p for pattern in PATTERNS for p in folder.glob(pattern) if p.is_symlink() or not p.is_dir()}
    return sorted(files)


def read_folder(folder: Path) -> Folder:
    """Normalize every raw text of *folder*."""
    results, failures = [], []
    for path in source_files(folder):
        try:
            results.append(read_source(path))
        except InputError as err:
            failures.append((path.name, str(err)))
    return Folder(tuple(results), tuple(failures))


def _printable(name: str) -> bool:
    """No control, format (bidirectional), separator but space, or undecodable (surrogate)
    character: a name that prints as it is, in messages and on the page."""
    return name.isprintable()


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1024} kB"
