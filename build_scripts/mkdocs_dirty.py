"""Dirty builds (``mkdocs serve --dirty``, ``mkdocs build --dirty``): only what changed is written.

MkDocs' ``--dirty`` neither reads, renders nor writes a file that says it is not modified
since the last build (``File.is_modified``: by modification times, which a generated file
does not have: MkDocs takes it as always modified). :class:`Manifest` decides for the
generated files instead, from what determines their bytes, recorded per site folder in the
build cache (``site-manifest``):

* a generated page outside the navigation, by its page key
  (:func:`build_scripts.cache.pages.page_key`: its Markdown, which of its link targets
  exist, the site digest of settings, templates, navigation and date), recorded only when its
  HTML came from or went into the page cache (a page that warned is written again, and warns
  again);
* a generated data file (JSON, the search index's files), by a digest of its bytes;
* a raw text's copy (``sources/<id>.txt``), by a digest of its bytes (not by its time: a text
  restored from a backup is older than its copy);
* every other page (the navigation's, ``docs/``: the home page shows the corpus' summary) is
  written by every build; the theme's and ``docs/``'s other files as MkDocs decides (times);
* a file the last build wrote that this build does not make (a removed document's pages) is
  deleted.

Every build with a cache keeps the manifest (a plain build too, so that a later dirty build
can trust what it wrote); before anything is written, the last one is marked untrusted (a
build stopped half-way leaves nothing trusted), and every file a build writes is recorded,
the theme's and ``docs/``'s included, so that what is no longer made is deleted. A skipped
page gets its anchors and its links to anchors back from the page cache, so MkDocs' anchor
check still covers every page. Manifests live in ``<cache>/site-manifests/`` (not a kind of the
store, which a build prunes: a build into one folder must not forget another's); one whose
folder is gone is removed.

Guarantees: a dirty build after any change leaves the site folder byte for byte what a
clean build writes (``tests/test_incremental.py``); a file whose key is unknown, or that is
missing from the folder, is written; nothing outside the site folder is ever deleted. It
imports nothing of MkDocs (stand-ins test it).
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from .cache.keys import digest
from .mkdocs_pages import give_anchors

FOLDER = "site-manifests"


def data_key(path: str, data: bytes) -> str:
    """The key of a generated data file: its path and its bytes (compressed, as a
    :class:`~build_scripts.render.pages.SiteFile` holds them: the same text, the same bytes)."""
    return digest("data", path, data)


class Manifest:
    """What the last build wrote into one site folder, file by file, under which key."""

    def __init__(self, store, site_dir: str | Path):
        self.site_dir = Path(site_dir).resolve()
        folder = getattr(store, "folder", None)
        self.folder = Path(folder) / FOLDER if folder is not None else None
        self._name = digest("site-manifest", str(self.site_dir))
        self.before: dict[str, str | None] = self._load(self._path()) if self.folder else {}
        self.after: dict[str, str | None] = {}

    def _path(self) -> Path:
        return self.folder / f"{self._name}.pickle"

    def _load(self, path: Path) -> dict:
        try:
            with open(path, "rb") as handle:
                value = pickle.load(handle)
        except Exception:  # none yet, or unreadable: nothing is trusted
            return {}
        return dict(value["files"]) if value.get("folder") == str(self.site_dir) else {}

    def _save(self, files: dict) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({"folder": str(self.site_dir), "files": files}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path())
        except OSError:  # a read-only or full disk: the next dirty build writes everything
            pass

    def invalidate(self) -> None:
        """Before anything is written: the last build's files are known, none trusted."""
        self._save({dest: None for dest in sorted(self.before)})

    def unchanged(self, dest_uri: str, key: str | None) -> bool:
        """Whether *dest_uri* is in the folder as the last build wrote it under *key*."""
        return (key is not None and self.before.get(dest_uri) == key
                and (self.site_dir / dest_uri).is_file())

    def record(self, dest_uri: str, key: str | None) -> None:
        """*dest_uri* is this build's, written under *key* (``None``: not to be trusted again)."""
        self.after[dest_uri] = key

    def keep(self) -> None:
        """Keep this build's manifest as it now stands (what :meth:`finish` keeps, once more:
        the files written after it, ``mkdocs serve``'s search index)."""
        self._save(dict(sorted(self.after.items())))

    def finish(self) -> list[str]:
        """Delete what the last build wrote and this one did not make; keep this build's
        manifest; forget the manifests of folders that are gone. Returns the deleted paths."""
        deleted = []
        for dest in sorted(set(self.before) - set(self.after)):
            path = (self.site_dir / dest).resolve()
            if self.site_dir in path.parents and path.is_file():
                path.unlink()
                deleted.append(dest)
        self._save(dict(sorted(self.after.items())))
        for other in sorted(self.folder.glob("*.pickle")) if self.folder else ():
            try:
                with open(other, "rb") as handle:
                    gone = not Path(pickle.load(handle)["folder"]).is_dir()
            except Exception:
                gone = True
            if gone:
                other.unlink(missing_ok=True)
        return deleted


def notice(record: logging.LogRecord) -> bool:
    """A logging filter: MkDocs' warning that a dirty build may leave pages stale, as a notice
    (the archive's pages are checked by content, its other pages written by every build), so
    that ``mkdocs serve --dirty`` works with ``strict: true``."""
    if record.levelno == logging.WARNING and record.getMessage().startswith("A 'dirty' build is being performed"):
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


def mark_files(manifest: Manifest, files: Iterable, copied: Iterable, reuse: bool = False) -> None:
    """Record every file this build makes but the pages (:func:`mark_pages`, and the pages'
    own records as they are written); a generated data file (one with ``compressed``, its bytes
    as held) is written again only when its bytes changed (``file.modified``), a raw text's copy
    (*copied*: ``(file, digest of its bytes)``) only when its bytes changed; the theme's and
    ``docs/``'s files as MkDocs decides. *reuse*: a build that is not dirty for MkDocs writes
    into the last build's folder (a plain ``mkdocs serve`` with a cache): an unchanged copy is
    not copied either."""
    copies = {id(file): key for file, key in copied}
    for file in files:
        if file.is_documentation_page():
            continue
        if (data := getattr(file, "compressed", None)) is not None:
            key = data_key(file.src_uri, data)
            file.modified = not manifest.unchanged(file.dest_uri, key)
        elif (key := copies.get(id(file))) is not None:
            same = manifest.unchanged(file.dest_uri, key)
            file.is_modified = (lambda same: lambda: not same)(same)
            if reuse and same:
                file.copy_file = _leave
        manifest.record(file.dest_uri, key)


def _leave(dirty: bool = False) -> None:
    """``File.copy_file`` of a copy left as it is in the folder."""


class Quiet(logging.Filter):
    """A logging filter for a plain build into the last build's folder: MkDocs logs a line
    for each page it does not write (the plugin gave it no output: the page is in the folder
    as it was); those of *pages* (source paths) are dropped, any other passes."""

    def __init__(self, pages: set[str]):
        super().__init__()
        self.lines = {f"Page skipped: '{src}'. Generated empty output." for src in pages}

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.INFO and record.getMessage() in self.lines)


def mark_pages(manifest: Manifest, page_cache, pages: Iterable, files) -> dict:
    """Which pages a dirty build writes again: a cacheable page (``page_cache.cacheable``) whose
    key is the one it was written under, and whose HTML is in the page cache, stays as it is;
    every other page is written. Returns ``{file: cached page}`` of the pages left as they are
    (their anchors: :func:`restore_anchors`)."""
    skipped = {}
    for file in pages:
        if file.src_uri not in page_cache.cacheable:
            file.is_modified = lambda: True  # the navigation's and docs/ pages: every build
            continue
        key = page_cache.key(file, files)
        hit = page_cache.skip(key) if manifest.unchanged(file.dest_uri, key) else None
        if hit is not None:
            file.modified = False
            skipped[file] = hit
            manifest.record(file.dest_uri, key)
    return skipped


def restore_anchors(skipped: dict, files) -> None:
    """Give each page a dirty build did not read its anchors and its links to other pages'
    anchors (from the page cache), as a cached page has them: MkDocs checks them all."""
    for file, hit in skipped.items():
        if file.page is not None:
            give_anchors(file.page, hit.anchors, hit.links_to_anchors, files)


def changed(manifest: Manifest | None, items: Iterable, dirty: bool) -> Iterator:
    """Of the late files (``SiteFile``), those a build writes: all of them, or in a *dirty*
    build those whose bytes changed (each recorded in *manifest*)."""
    for item in items:
        if manifest is not None:
            key = data_key(item.path, item.data)
            unchanged = manifest.unchanged(item.path, key)
            manifest.record(item.path, key)
            if dirty and unchanged:
                continue
        yield item
