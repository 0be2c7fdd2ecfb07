"""The build's last step: the search stage's files, once its process has made them.

The search stage runs in a process of its own while MkDocs renders the pages
(:class:`build_scripts.site.Started`); what is left when MkDocs is done is this tail: take
its files, write them (in a dirty build only those whose bytes changed), delete what the last
build wrote into the site folder and this one did not make, keep the manifest, forget the
cache entries the build did not use.

``mkdocs build`` runs the tail before it ends (:meth:`Tail.run`). Under ``mkdocs serve`` the
rebuilt pages are served first: the tail runs in a thread (:meth:`Tail.start`) while MkDocs
serves them, and the next rebuild (or the server's shutdown) waits for it
(:meth:`Tail.wait`) before it touches the site folder, the manifest or the cache.

Guarantees: the files written, the files deleted, the manifest and the cache are those of the
same build with the tail run in line (``tests/test_serve.py``); until the tail is done the
manifest trusts nothing (:meth:`build_scripts.mkdocs_dirty.Manifest.invalidate`), so a server
stopped half-way leaves nothing a later dirty build would take as written; a tail that fails
is logged as an error naming the search index, and the pages already served stay.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from . import mkdocs_dirty

log = logging.getLogger("mkdocs.plugins.un_archive")


class Tail:
    """The end of one build (see the module): *started*, the build
    (:class:`build_scripts.site.Started`); *files*, MkDocs' files (a late file whose path is
    one of them is not used); *manifest*, *store*: the build's, or ``None``."""

    def __init__(self, started, files, manifest, store, site_dir: str, dirty: bool):
        self.started, self.files, self.manifest, self.store = started, files, manifest, store
        self.site_dir, self.dirty = Path(site_dir), dirty
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    @property
    def pending(self) -> bool:
        """Whether the search stage's files are still to come."""
        return self.started is not None and self.started.pending

    def run(self) -> None:
        """Write the late files, finish the manifest, prune the cache (in this thread)."""
        late = []
        for item in self.started.finish() if self.started is not None else ():
            if self.files.get_file_from_path(item.path) is not None:
                log.warning("un-archive: %s exists in docs_dir; the generated file is not used", item.path)
            else:
                late.append(item)
        for item in mkdocs_dirty.changed(self.manifest, late, self.dirty):
            target = self.site_dir / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.raw)
        if self.manifest is not None:
            removed = self.manifest.finish()
            if self.dirty:
                log.info("un-archive: dirty build: %d files removed, %d left as they were", len(removed),
                         sum(not getattr(f, "modified", True) for f in self.files))
        if self.store is not None:
            for kind in sorted(self.store.used):  # a kind this build did not use at all is kept
                self.store.prune(kind)

    def start(self) -> None:
        """:meth:`run` in a thread of its own (``mkdocs serve``: the pages are served meanwhile)."""
        self.thread = threading.Thread(target=self._run_logged, name="un-archive-search-files", daemon=True)
        self.thread.start()

    def _run_logged(self) -> None:
        try:
            self.run()
        except BaseException as error:  # noqa: BLE001 - reported here and by wait()
            self.error = error
            log.error("un-archive: the search index was not written (%s: %s); the pages are served without it",
                      type(error).__name__, error)
        else:
            log.info("un-archive: search index written")

    def wait(self) -> BaseException | None:
        """Wait for a tail started in a thread; return the error that stopped it, if any."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        return self.error
