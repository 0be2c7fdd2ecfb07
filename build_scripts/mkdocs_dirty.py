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
* every other page (the navigation's, ``docs/``: the home page shows the corpus' summary) is
  written by every build; a raw text's copy by its modification time, as MkDocs does;
* a file the last build wrote that this build does not make (a removed document's pages) is
  deleted.

Guarantees: a dirty build after any change leaves the site folder byte for byte what a
clean build writes (``tests/test_incremental.py``); a file whose key is unknown, or that is
missing from the folder, is written; nothing outside the site folder is ever deleted. It
imports nothing of MkDocs (stand-ins test it).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

from .cache.keys import digest

KIND = "site-manifest"


def data_key(path: str, data: bytes) -> str:
    """The key of a generated data file: its path and its bytes (compressed, as a
    :class:`~build_scripts.render.pages.SiteFile` holds them: the same text, the same bytes)."""
    return digest("data", path, data)


class Manifest:
    """What the last build wrote into one site folder, file by file, under which key."""

    def __init__(self, store, site_dir: str | Path):
        self.store, self.site_dir = store, Path(site_dir).resolve()
        self._key = digest(KIND, str(self.site_dir))
        found = store.get(KIND, self._key) if store is not None else None
        self.before: dict[str, str | None] = dict(found or {})
        self.after: dict[str, str | None] = {}

    def unchanged(self, dest_uri: str, key: str | None) -> bool:
        """Whether *dest_uri* is in the folder as the last build wrote it under *key*."""
        return (key is not None and self.before.get(dest_uri) == key
                and (self.site_dir / dest_uri).is_file())

    def record(self, dest_uri: str, key: str | None) -> None:
        """*dest_uri* is this build's, written under *key* (``None``: not to be trusted again)."""
        self.after[dest_uri] = key

    def finish(self) -> list[str]:
        """Delete what the last build wrote and this one did not make; keep this build's
        manifest. Returns the deleted paths."""
        deleted = []
        for dest in sorted(set(self.before) - set(self.after)):
            path = (self.site_dir / dest).resolve()
            if self.site_dir in path.parents and path.is_file():
                path.unlink()
                deleted.append(dest)
        if self.store is not None:
            self.store.put(KIND, self._key, dict(sorted(self.after.items())))
        return deleted


def notice(record: logging.LogRecord) -> bool:
    """A logging filter: MkDocs' warning that a dirty build may leave pages stale, as a notice
    (the archive's pages are checked by content, its other pages written by every build), so
    that ``mkdocs serve --dirty`` works with ``strict: true``."""
    if record.levelno == logging.WARNING and record.getMessage().startswith("A 'dirty' build is being performed"):
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


def mark_data(manifest: Manifest, files: Iterable, copied: Iterable) -> None:
    """Which generated data files a dirty build writes again (``file.modified``): those whose
    bytes changed (a generated file has ``compressed``, its bytes as held); *copied*: the raw
    texts' copies, which MkDocs compares by time (recorded, so that a removed one is deleted)."""
    for file in files:
        data = getattr(file, "compressed", None)
        if data is not None and not file.is_documentation_page():
            key = data_key(file.src_uri, data)
            file.modified = not manifest.unchanged(file.dest_uri, key)
            manifest.record(file.dest_uri, key)
    for file in copied:
        manifest.record(file.dest_uri, None)


def mark_pages(manifest: Manifest, page_cache, pages: Iterable, files) -> None:
    """Which pages a dirty build writes again: a cacheable page (``page_cache.cacheable``) whose
    key is the one it was written under stays as it is (its cache entries kept); every other
    page is written."""
    for file in pages:
        if file.src_uri not in page_cache.cacheable:
            file.is_modified = lambda: True  # the navigation's and docs/ pages: every build
            continue
        key = page_cache.key(file, files)
        if manifest.unchanged(file.dest_uri, key):
            file.modified = False
            page_cache.skip(file, files)
            manifest.record(file.dest_uri, key)


def changed(manifest: Manifest | None, items: Iterable) -> Iterator:
    """Of the late files (``SiteFile``), those a build writes: all of them, or in a dirty build
    (*manifest*) those whose bytes changed (each recorded)."""
    for item in items:
        if manifest is not None:
            key = data_key(item.path, item.data)
            unchanged = manifest.unchanged(item.path, key)
            manifest.record(item.path, key)
            if unchanged:
                continue
        yield item
