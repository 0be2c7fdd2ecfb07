"""The build's last step: the search stage's files, once its process has made them.

The search stage runs in a process of its own while MkDocs renders the pages
(:class:`build_scripts.site.Started`); what is left when MkDocs is done is this tail: write
the files MkDocs left to it (*deferred*: a plain ``mkdocs serve``'s generated data files),
take the search stage's files, write them (in a dirty build only those whose bytes changed), delete what the last
build wrote into the site folder and this one did not make, keep the manifest, forget the
cache entries the build did not use.

``mkdocs build`` runs the tail before it ends (:meth:`Tail.run`). Under ``mkdocs serve`` the
rebuilt pages are served first (:meth:`Tail.start`): the manifest is finished at once for
everything but the search stage's files (those in the folder are kept as they are, under
the keys they were written with), and the rest runs in a thread while MkDocs serves the
pages. A newer build (a file saved again before the search index was written) supersedes it
(:meth:`Tail.supersede`): the newer build does not wait for the search stage of the older
one, whose files are then never written (the newer build's are).

Guarantees: the files written, the files deleted, the manifest and the cache are those of the
same build with the tail run in line (``tests/test_serve.py``); a superseded tail writes
nothing (its deferred files included: the next build writes its own), and one that is
writing is let finish first (a lock), so two builds never write the
folder at once; until the manifest is kept it trusts nothing
(:meth:`build_scripts.mkdocs_dirty.Manifest.invalidate`); a tail that fails is logged as an
error naming the search index, and the pages already served stay.

A plain ``mkdocs serve`` empties the site folder before every rebuild, and deleting ~10⁴
files one by one held the rebuilt page back by about a second at 1,000 documents:
:func:`set_aside` moves the folder's entries into a sibling folder instead (one rename
each: the folder is as empty for MkDocs as after its own cleaning). With a build cache the
plugin moves them back once MkDocs has cleaned (:func:`put_back`) and writes only what
changed, as a dirty build does (:mod:`build_scripts.mkdocs_dirty`: its manifest deletes what
this build no longer makes, so the folder is what a clean build writes); without one,
:func:`discard` deletes those folders once the page is served (the tail's thread, or the end
of ``serve``).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

from . import mkdocs_dirty
from .search.stage import FOLDERS

log = logging.getLogger("mkdocs.plugins.un_archive")


ASIDE_PREFIX = ".un-archive-emptied-"


def set_aside(site_dir: str) -> Path | None:
    """Move every entry of *site_dir* into a new sibling folder (named :data:`ASIDE_PREFIX`…)
    and return that folder (``None`` when *site_dir* is missing or already empty). An entry
    that cannot be moved (another file system) stays, for MkDocs' own cleaning."""
    folder = Path(site_dir)
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return None
    if not entries:
        return None
    aside = Path(tempfile.mkdtemp(prefix=ASIDE_PREFIX, dir=folder.resolve().parent))
    for name in entries:
        try:
            os.rename(folder / name, aside / name)
        except OSError:
            break
    return aside


def put_back(aside: Path, site_dir: str) -> bool:
    """Move what :func:`set_aside` moved back into *site_dir* (emptied by MkDocs meanwhile) and
    remove *aside*; ``False`` (what is left stays in *aside*) when an entry cannot go back."""
    folder = Path(site_dir)
    for name in sorted(os.listdir(aside)):
        try:
            os.rename(aside / name, folder / name)
        except OSError:
            return False
    aside.rmdir()
    return True


def discard(folders: list) -> None:
    """Delete the folders :func:`set_aside` made (taken from the list one by one: a thread
    may share it)."""
    while folders:
        try:
            folder = folders.pop()
        except IndexError:
            return
        shutil.rmtree(folder, ignore_errors=True)


class Tail:
    """The end of one build (see the module): *started*, the build
    (:class:`build_scripts.site.Started`); *files*, MkDocs' files (a late file whose path is
    one of them is not used); *manifest*, *store*: the build's, or ``None``."""

    def __init__(self, started, files, manifest, store, site_dir: str, dirty: bool, deferred=(), aside=None):
        self.started, self.files, self.manifest, self.store = started, files, manifest, store
        self.deferred = list(deferred)  # files MkDocs left to the tail (each has write())
        self.aside = aside if aside is not None else []  # folders set aside to delete (shared: see discard)
        self.site_dir, self.dirty = Path(site_dir), dirty
        self.on_disk: dict[str, str | None] = {}  # the search stage's files in the folder, with their keys
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None
        self.lock = threading.Lock()
        self.superseded = False

    @property
    def pending(self) -> bool:
        """Whether the search stage's files are still to come."""
        return self.started is not None and self.started.pending

    def _late(self) -> list:
        late = []
        for item in self.started.finish() if self.started is not None else ():
            if self.files.get_file_from_path(item.path) is not None:
                log.warning("un-archive: %s exists in docs_dir; the generated file is not used", item.path)
            else:
                late.append(item)
        return late

    def _write(self, late: list) -> None:
        for item in mkdocs_dirty.changed(self.manifest, late, self.dirty):
            target = self.site_dir / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.raw)
        written = self.manifest.after if self.manifest is not None else {}
        self.on_disk = {item.path: written.get(item.path) for item in late}

    def _finish(self) -> None:
        if self.manifest is not None:
            removed = self.manifest.finish()
            if self.dirty:
                log.info("un-archive: only what changed written: %d files removed, %d left as they were", len(removed),
                         sum(not getattr(f, "modified", True) for f in self.files))

    def _prune(self) -> None:
        if self.store is not None:
            for kind in sorted(self.store.used):  # a kind this build did not use at all is kept
                self.store.prune(kind)

    def _write_deferred(self) -> None:
        for file in self.deferred:
            file.write()
        self.deferred = []

    def run(self) -> None:
        """Write the deferred and the late files, finish the manifest, prune the cache (in this thread)."""
        self._write_deferred()
        discard(self.aside)
        self._write(self._late())
        self._finish()
        self._prune()

    def start(self) -> None:
        """Finish the manifest but for the search stage's files, then the rest of :meth:`run`
        in a thread of its own (``mkdocs serve``: the pages are served meanwhile)."""
        if self.manifest is not None:  # the last build's files in the search stage's folders, as written
            for path, key in self.manifest.before.items():
                if path not in self.manifest.after and path.split("/", 1)[0] in FOLDERS:
                    self.on_disk[path] = key
                    self.manifest.record(path, key)
        self._finish()
        self.thread = threading.Thread(target=self._run_late, name="un-archive-search-files", daemon=True)
        self.thread.start()

    def _run_late(self) -> None:
        try:
            with self.lock:  # the deferred files at once: they do not wait for the search stage
                if self.superseded:
                    return
                self._write_deferred()
            discard(self.aside)  # a superseded tail too: nothing in them is served
            late = self._late()
            with self.lock:
                if self.superseded:
                    return
                before = dict(self.on_disk)
                self._write(late)
                for path in sorted(set(before) - set(self.on_disk)):  # the last index's files this one lacks
                    target = (self.site_dir / path).resolve()
                    if self.site_dir.resolve() in target.parents:
                        target.unlink(missing_ok=True)
                    if self.manifest is not None:
                        self.manifest.after.pop(path, None)
                if self.manifest is not None:
                    self.manifest.keep()
                self._prune()
        except BaseException as error:  # noqa: BLE001 - reported here and by wait()
            self.error = error
            log.error("un-archive: the search index was not written (%s: %s); the pages are served without it",
                      type(error).__name__, error)
        else:
            log.info("un-archive: search index written")

    def supersede(self) -> None:
        """A newer build starts: write nothing more (a tail that is writing ends first)."""
        with self.lock:
            self.superseded = True

    @property
    def done(self) -> bool:
        """Whether a tail started in a thread has ended (written, failed or superseded)."""
        return self.thread is None or not self.thread.is_alive()

    def wait(self) -> BaseException | None:
        """Wait for a tail started in a thread; return the error that stopped it, if any."""
        if self.thread is not None:
            self.thread.join()
        return self.error
