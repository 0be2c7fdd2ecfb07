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

from pathlib import Path

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
