"""A content-addressed store: ``kind/key`` → a pickled value, on disk and in memory.

Guarantees: an entry is written to a temporary file and renamed, so a build stopped half-way
never leaves a truncated entry; an entry that cannot be read back (truncated by a full disk,
written by another Python) is a miss, never an error; :meth:`Store.prune` removes the
entries of a kind that the last build did not use, so the folder does not grow with every
edit. The memory layer is shared by every :class:`Store` of the same folder in one process
(``mkdocs serve`` makes a new plugin per rebuild and keeps its cache).

The folder is the build's own (``build/cache`` by default): its pickles are trusted as the
build's output is; never point it at a folder others can write to.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

_MEMORY: dict[str, dict[tuple[str, str], object]] = {}  # folder -> {(kind, key): value}
_MISSING = object()


class Store:
    """Values by ``(kind, key)`` under *folder* (``None``: memory only)."""

    def __init__(self, folder: Path | None, memory: bool = True):
        self.folder = Path(folder) if folder is not None else None
        # keyed by the resolved folder: MkDocs gives `serve`'s first build a relative config path, its rebuilds an absolute one
        where = str(self.folder.resolve()) if self.folder is not None else None
        self.memory = _MEMORY.setdefault(where, {}) if memory or self.folder is None else None
        self.used: dict[str, set[str]] = {}
        self.hits = self.misses = 0
        self.missed: dict[str, int] = {}  # kind -> misses

    def _path(self, kind: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str, default=None):
        """The value stored under *key*, else *default*."""
        self.used.setdefault(kind, set()).add(key)
        value = self.memory.get((kind, key), _MISSING) if self.memory is not None else _MISSING
        if value is _MISSING and self.folder is not None:
            try:
                with open(self._path(kind, key), "rb") as handle:
                    value = pickle.load(handle)
            except Exception:  # missing, truncated or unreadable: a miss
                value = _MISSING
            else:
                if self.memory is not None:
                    self.memory[(kind, key)] = value
        if value is _MISSING:
            self.misses += 1
            self.missed[kind] = self.missed.get(kind, 0) + 1
            return default
        self.hits += 1
        return value

    def put(self, kind: str, key: str, value) -> None:
        """Store *value* (in memory now, on disk atomically)."""
        self.used.setdefault(kind, set()).add(key)
        if self.memory is not None:
            self.memory[(kind, key)] = value
        if self.folder is None:
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:  # a read-only or full disk: the build goes on without saving
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass

    def keep(self, kind: str, keys) -> None:
        """Count *keys* as used by this build (:meth:`prune` keeps them) without reading them."""
        self.used.setdefault(kind, set()).update(keys)

    def prune(self, kind: str) -> int:
        """Forget the entries of *kind* not used since this store was made; return how many."""
        keep = self.used.get(kind, set())
        removed = 0
        for mem_kind, key in list(self.memory or ()):
            if mem_kind == kind and key not in keep:
                del self.memory[(mem_kind, key)]
        if self.folder is not None and (self.folder / kind).is_dir():
            for path in (self.folder / kind).glob("*/*.pickle"):
                if path.stem not in keep:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed
