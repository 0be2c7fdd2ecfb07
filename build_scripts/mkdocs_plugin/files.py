"""The generated pages and data files as MkDocs files, and the raw texts' copies.

Guarantees: a :class:`GeneratedFile` holds its text as the stage made it (a
:class:`~build_scripts.render.pages.SiteFile`, compressed, possibly on the build's shelf)
and gives MkDocs only what it asks through ``content_bytes`` / ``content_string``; under
``mkdocs build`` the text is let go once MkDocs has used it, and reading it again raises
rather than writing an empty file; a data file's folder is made once per build.
:func:`files_sources` adds each published document's raw text as received, under a name
made from its id's slug, never the file's own name.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..render.pages import SiteFile


class GeneratedFile(File):
    """A generated page or data file, its text held compressed until MkDocs uses it."""

    made: set[str] = set()  # folders made by this build (emptied by each build's on_files)
    keep_unchanged = False  # a plain serve into the last build's folder put back: as a dirty build
    let_go = False  # mkdocs build: a file's text is let go once used (written, or the page read)
    later: list | None = None  # plain mkdocs serve: where the file goes instead of being written (the tail writes it)

    def __init__(self, config, item: SiteFile):
        super().__init__(item.path, src_dir=None, dest_dir=config.site_dir,
                         use_directory_urls=config.use_directory_urls)
        self.generated_by = config.plugins._current_plugin or "<unknown>"
        self.abs_src_path = None
        self._content = item  # never str or bytes: MkDocs reads it only through the methods below
        self.modified = True  # what a dirty build asks (build_scripts.mkdocs_dirty decides)

    def is_modified(self) -> bool:
        return self.modified

    @property
    def compressed(self) -> bytes:
        """The file's bytes as held (what a dirty build's key digests)."""
        return self._content.data

    @property
    def content_bytes(self) -> bytes:
        return self._content.raw

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._content = SiteFile(self.src_uri, value.decode("utf-8"))

    @property
    def content_string(self) -> str:
        return self._content.content

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._content = SiteFile(self.src_uri, value)

    def copy_file(self, dirty: bool = False) -> None:
        """Write the file's bytes (what MkDocs writes for an in-memory text), or leave it to the
        build's tail (:attr:`later`)."""
        if (dirty or self.keep_unchanged) and not self.modified:
            return self.used()
        if self.later is not None:
            self.later.append(self)
            return
        self.write()
        self.used()

    def used(self) -> None:
        """MkDocs has what it needs of the file (written, or the page read and rendered): under
        ``mkdocs build`` its text is let go (at 10,000 documents the generated files held
        compressed were about half a gigabyte); reading it again is an error, never a silent
        empty file."""
        if self.let_go:
            self._content = _LET_GO

    def write(self) -> None:
        """Write the file's bytes into the site folder."""
        folder = os.path.dirname(self.abs_dest_path)
        if folder not in self.made:  # one mkdir a folder, not one a file (thousands of records share api/documents/)
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)
        with open(self.abs_dest_path, "wb") as handle:
            handle.write(self._content.raw)


class _LetGo:
    """What a generated file holds once its text is let go (:meth:`GeneratedFile.used`)."""

    def __getattr__(self, name):
        raise PluginError("un-archive: a generated file's text was read after MkDocs had used it")


_LET_GO = _LetGo()


def files_sources(files: Files, sources: Path, published, config) -> list[tuple[File, str]]:
    """Each published document's raw text, copied as it was received to ``sources/<id>.txt``
    (the fiche offers it for download; the name is the id's slug, never the file's own name).
    Returns each copy with the digest of its bytes (read when the texts were)."""
    added = []
    for doc_id, name, content in published:
        raw = sources / name
        if raw.is_file() and not raw.is_symlink():
            added.append((File(name, src_dir=str(sources), dest_dir=config.site_dir,
                               use_directory_urls=False, dest_uri=f"sources/{doc_id}.txt"), content))
            files.append(added[-1][0])
    return added
