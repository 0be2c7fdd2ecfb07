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
builds) and reports the unreadable ones in ``failures``. It reads every file's bytes
itself to digest them (the cache keys) and lets them go (a folder's texts are never all held
at once); the files not in the cache are read again, one at a time, by the process pool of
*workers* (default: every core) that normalizes them — a file whose bytes changed in between
is refused with an error naming it — each result taken back in file-name order: the results, their warnings and the failures are
the same, in the same order, whatever the number of workers. With a
:class:`~build_scripts.cache.store.Store`, a file whose name, bytes, sidecar and code
version were already normalized is not normalized again (its result, or its error, is
read back from the store).
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import sidecar
from .model import Issue
from .normalize import Result, normalize
from .read import MAX_BYTES, InputError
from .shelf import Shelf, shelve

PATTERNS = ("*.txt", "*.md")


@dataclass(frozen=True)
class Folder:
    """What a corpus folder gave: normalized results and unreadable files."""

    results: tuple  # the normalized results, or (given a shelf) their documents' entries on it
    failures: tuple[tuple[str, str], ...]  # (file name, message)
    keys: tuple[str, ...] = ()  # every readable file's cache key, in file-name order
    shelf: "Shelf | None" = None  # where the documents are (see :func:`normalize_all`)


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


@dataclass(frozen=True)
class Raw:
    """One raw text as read from disk, before normalization: what its cache key is made of.

    *data* may be let go once the text is read (:meth:`dropped`: a folder's texts are not all
    held at once): :meth:`bytes` reads the file again, and refuses it if it changed since."""

    name: str
    data: bytes | None
    sidecar_name: str
    sidecar: bytes | None
    sidecar_issues: tuple[Issue, ...] = ()
    source: str = ""  # the digest of the bytes (cache.keys.digest("source", data))
    path: Path | None = None

    def key(self, code: str | None = None) -> str:
        from .cache.keys import document_key

        return document_key(self.name, self.source, self.sidecar_name, self.sidecar, code)

    def dropped(self) -> "Raw":
        """The same text without its bytes held (read again by :meth:`bytes`)."""
        return dataclasses.replace(self, data=None) if self.path is not None else self

    def bytes(self) -> bytes:
        """The text's bytes: held, or read again from the file, which must not have changed."""
        if self.data is not None:
            return self.data
        from .cache.keys import digest

        data = read_bytes(self.path, MAX_BYTES)
        if digest("source", data) != self.source:
            raise InputError(f"{self.name}: changed while the archive was being built, not converted (build again)")
        return data


def load(path: Path) -> Raw:
    """Read one raw file and its sidecar (see module docstring); raise :class:`InputError`."""
    from .cache.keys import digest

    name = path.name
    if not _printable(name):
        raise InputError(f"{name!r}: file name with control, bidirectional or undecodable characters, skipped")
    data = read_bytes(path, MAX_BYTES)
    side = sidecar_path(path)
    side_data, side_issues = _sidecar(side)
    return Raw(name, data, side.name, side_data, tuple(side_issues), digest("source", data), path)


def convert(raw: Raw) -> Result:
    """Normalize one loaded file; any unexpected exception becomes an :class:`InputError`."""
    try:
        result = normalize(raw.bytes(), raw.name, raw.sidecar, raw.sidecar_name)
    except InputError:
        raise
    except Exception as err:  # a bug shown by this file: report it, build the others
        raise InputError(f"{raw.name}: could not be converted ({type(err).__name__}: {str(err)[:200]}); "
                         "skipped — please report this file") from err
    if raw.sidecar_issues:
        doc = dataclasses.replace(result.document, issues=result.document.issues + raw.sidecar_issues)
        result = dataclasses.replace(result, document=doc)
    return result


def read_source(path: Path) -> Result:
    """Read and normalize one raw file and its sidecar (see module docstring)."""
    return convert(load(path))


def _outcome(raw: Raw) -> Result | str:
    """:func:`convert` for the pool: the result, or the error's message (picklable either way)."""
    try:
        return convert(raw)
    except InputError as err:
        return str(err)


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


def scan(folder: Path) -> list[tuple[str, Raw | str]]:
    """Every raw text of *folder* in file-name order, loaded (:class:`Raw`, its bytes digested
    and let go: read again when normalized) or the error's message."""
    out: list[tuple[str, Raw | str]] = []
    for path in source_files(folder):
        try:
            out.append((path.name, load(path).dropped()))
        except InputError as err:
            out.append((path.name, str(err)))
    return out


def read_folder(folder: Path, workers: int | None = 1, store=None) -> Folder:
    """Normalize every raw text of *folder* (see module docstring; ``workers=None``: every core)."""
    return normalize_all(scan(folder), workers, store)


def normalize_all(scanned: list[tuple[str, Raw | str]], workers: int | None = 1, store=None,
                  shelf: Shelf | None = None) -> Folder:
    """Normalize what :func:`scan` loaded (see module docstring). Given a *shelf*, each document
    is put on it as soon as it is normalized (or read back), and the results are the
    documents' entries there (:class:`~build_scripts.shelf.Listed`): no more than a few
    documents are held at once."""
    outcomes: list = []  # a result (or its entry), an error message, or None: still to convert

    def kept(outcome):  # a result's document put on the shelf (its entry kept), when there is one
        return shelve(outcome.document, shelf) if shelf is not None and isinstance(outcome, Result) else outcome

    todo: list[tuple[int, Raw, str]] = []
    keys: list[str] = []
    for _, raw in scanned:
        if isinstance(raw, str):
            outcomes.append(raw)
            continue
        keys.append(key := raw.key())
        known = store.get("normalized", key) if store is not None else None
        outcomes.append(kept(known))
        if known is None:
            todo.append((len(outcomes) - 1, raw, key))
    for n, outcome in enumerate(convert_all([raw for _, raw, _ in todo], workers)):  # to its end: the pool shut down
        at, _, key = todo[n]
        if store is not None:
            store.put("normalized", key, outcome)
        outcomes[at] = kept(outcome)
    results = tuple(o for o in outcomes if o is not None and not isinstance(o, str))
    failures = tuple((name, o) for (name, _), o in zip(scanned, outcomes) if isinstance(o, str))
    return Folder(results, failures, tuple(keys), shelf)


def convert_all(raws: list[Raw], workers: int | None = 1) -> Iterator[Result | str]:
    """:func:`convert` every loaded file, in a pool of *workers* processes (``None``: every core);
    results (or error messages) in the order of *raws*, each given as soon as it and those
    before it are done."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(raws) <= 1:
        yield from (_outcome(raw) for raw in raws)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(raws))) as pool:
        yield from pool.map(_outcome, raws, chunksize=max(1, len(raws) // (8 * workers)))


def _printable(name: str) -> bool:
    """No control, format (bidirectional), separator but space, or undecodable (surrogate)
    character: a name that prints as it is, in messages and on the page."""
    return name.isprintable()


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1024} kB"
