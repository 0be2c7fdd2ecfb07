"""The corpus's documents on a shelf: on disk, one compressed pickle each, read back when used.

A build holds, in memory, only what every page and listing needs of each document — its
:class:`Listed` entry (metadata and warnings) — and writes the rest (paragraphs, notes,
masthead …) to a temporary file as it reads the documents. A stage that reads the texts
takes the documents from :class:`Documents` one at a time, in corpus order, and lets each
go before the next: the main process's memory no longer grows with the texts of the corpus
(at 10,000 documents they weighed about a gigabyte there), only with the entries and the
corpus-wide indexes. The stages put there what they make per document and want back later
(the generated files' compressed bytes, the entity stage's passages), on the same terms.

Guarantees:

* a document read back equals the one shelved, with the entry's metadata and warnings
  (which the corpus may change after shelving: final ids, warnings about claimed ids);
* :class:`Documents` is a read-only sequence in corpus order: iterating it reads the
  file forwards and holds one document at a time; indexing reads one document;
* the file is a nameless temporary file (removed by the system when it is closed, or when
  the process ends, however it ends), in the build cache's folder when there is one;
  under ``mkdocs serve``, whose build cache keeps every document in memory anyway, the
  documents stay in memory as they are (no file);
* a shelf is read by the process that wrote it (it is never pickled).
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import tempfile
import threading
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from .model import Document, Issue, Metadata

#: Documents read back by id (:meth:`Documents.get`) kept for the next call: a page that looks
#: up the same few documents again and again reads each once.
RECENT = 16


@dataclass(frozen=True, slots=True)
class Listed:
    """What the corpus holds in memory of a document: its metadata and its warnings.

    It has a document's ``meta`` and ``issues`` (so that listings, facets, sorting and the id
    rules take either), and nothing else: code that wants the text fails loudly on an entry
    rather than finding no paragraph."""

    meta: Metadata
    issues: tuple[Issue, ...] = ()
    number: int = -1  # the document's number on its shelf
    content: str = ""  # the digest of the rest of the document (:func:`~build_scripts.cache.keys.content_digest`)


class Shelf:
    """An append-only file of compressed document pickles (see module docstring)."""

    def __init__(self, folder: str | os.PathLike | None = None, remember: bool = False, compress: bool = True):
        # *remember*: a build whose cache keeps every value in memory for the next (``mkdocs
        # serve``), which holds the documents anyway: they stay here as they are (nothing written
        # or read back: the same objects, which the stages' caches of the last build recognise),
        # and the digests of their texts are kept for the next build
        self.remember, self.folder = remember, folder
        self.compress = compress  # False: values read back often, for which decompressing would cost more than the disk
        self._kept: list[Document] | None = [] if remember else None
        if folder is not None and not remember:
            os.makedirs(folder, exist_ok=True)
        self._file = tempfile.TemporaryFile(prefix="un-archive-shelf-", dir=folder) if not remember else None
        self._offsets, self._lengths = array("Q"), array("Q")  # where each value's bytes are in the file
        self._end = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._offsets) if self._kept is None else len(self._kept)

    def put(self, doc) -> int:
        """Shelve *doc* (a document, or any value a stage wants back later, one at a time); its
        number on the shelf (0, 1, 2 … in the order put)."""
        if self._kept is not None:
            self._kept.append(doc)
            return len(self._kept) - 1
        data = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
        return self.put_bytes(zlib.compress(data, 1) if self.compress else data)

    def take(self, number: int):
        """The document (or value) shelved as *number*, read back."""
        if self._kept is not None:
            return self._kept[number]
        data = self.take_bytes(number)
        return pickle.loads(zlib.decompress(data) if self.compress else data)

    def put_bytes(self, data: bytes) -> int:
        """Shelve *data* as they are (a generated file's compressed text); its number."""
        if self._kept is not None:
            self._kept.append(data)
            return len(self._kept) - 1
        with self._lock:
            os.pwrite(self._file.fileno(), data, self._end)
            self._offsets.append(self._end)
            self._lengths.append(len(data))
            self._end += len(data)
            return len(self._offsets) - 1

    def take_bytes(self, number: int) -> bytes:
        """The bytes shelved as *number* (:meth:`put_bytes`)."""
        if self._kept is not None:
            return self._kept[number]
        offset, length = self._offsets[number], self._lengths[number]
        data = os.pread(self._file.fileno(), length, offset)
        if len(data) != length:
            raise OSError(f"document shelf: {length} bytes expected at {offset}, {len(data)} read")
        return data

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    def __reduce__(self):
        raise TypeError("a document shelf is read by the process that wrote it")


class Documents(Sequence):
    """The corpus's documents, in corpus order, read from a :class:`Shelf` when used.

    ``entries[i]`` is the i-th document's :class:`Listed` entry (which has its number on the
    shelf); a document read back has its entry's metadata and warnings."""

    def __init__(self, shelf: Shelf, entries: Sequence[Listed]):
        if any(not 0 <= e.number < len(shelf) for e in entries):
            raise ValueError("an entry without a document on the shelf")
        self.shelf, self.entries = shelf, tuple(entries)
        self._at = {e.meta.id: n for n, e in enumerate(self.entries)}
        self._recent: OrderedDict[int, Document] = OrderedDict()

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._read(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._read(index)

    def __iter__(self) -> Iterator[Document]:
        for i in range(len(self)):
            yield self._read(i)

    def __eq__(self, other) -> bool:
        return isinstance(other, Documents) and other is self

    __hash__ = object.__hash__

    def position(self, doc_id: str) -> int | None:
        """The document's position in corpus order, or None."""
        return self._at.get(doc_id)

    def get(self, doc_id: str) -> Document | None:
        """The document with id *doc_id* (the last :data:`RECENT` asked for are kept), or None."""
        at = self._at.get(doc_id)
        if at is None:
            return None
        doc = self._recent.get(at)
        if doc is None:
            doc = self._recent[at] = self._read(at)
            if len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(at)
        return doc

    def _read(self, i: int) -> Document:
        entry = self.entries[i]
        doc = self.shelf.take(entry.number)
        if doc.meta != entry.meta or doc.issues != entry.issues:
            doc = dataclasses.replace(doc, meta=entry.meta, issues=entry.issues)
        return doc


class ById(Mapping):
    """Every document of *documents* by id, each read when asked for (see :meth:`Documents.get`)."""

    def __init__(self, documents: Documents):
        self._documents = documents

    def __getitem__(self, doc_id: str) -> Document:
        doc = self._documents.get(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __contains__(self, doc_id) -> bool:
        return self._documents.position(doc_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (e.meta.id for e in self._documents.entries)

    def __len__(self) -> int:
        return len(self._documents)


def shelve(doc: Document, shelf: Shelf) -> Listed:
    """Put *doc* on *shelf*; its entry."""
    from .cache.keys import content_digest

    return Listed(doc.meta, doc.issues, shelf.put(doc), content_digest(doc, shelf.remember))
