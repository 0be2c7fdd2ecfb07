"""The search stage's own process: a fresh interpreter that builds the index while the caller goes on.

With more than one worker, :func:`build_scripts.site._build` hands the documents to this
process (the search stage reads only them) and goes on with the other stages, the pages and
MkDocs' rendering; :class:`Late` gives the files when they are wanted. Guarantees: the
process is a fresh interpreter (``spawn``), not a copy of the caller's memory, so that it
holds only the documents and the index and gives all its memory back when it ends; it ends
with its parent, even one killed without a chance to shut it down; the files are those the
stage makes in the caller's process (``tests/test_incremental.py``).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
import zlib
from concurrent.futures import ProcessPoolExecutor

from .cache.store import Store
from .render.pages import SiteFile
from .search.stage import index as search_index


#: Documents per compressed pickle sent to the search process.
PACKET = 200


class Late:
    """The search stage's files, being made in a process of their own while the caller goes on
    (the other stages, the pages, MkDocs' rendering): :meth:`files` waits for them, then ends
    that process unless the caller keeps it (``mkdocs serve``); :meth:`close` gives up."""

    def __init__(self, pool: ProcessPoolExecutor, own: bool):
        self._pool, self.own, self.future = pool, own, None
        self.spool: str | None = None

    def submit(self, documents, failures, cache_folder=None, digests=None, memory: bool = False) -> None:
        """Start the search stage (:func:`_search_files`) on *documents*: written to a spool
        file as compressed pickles of :data:`PACKET` documents each, and the file's path sent
        (the pool holds a call's arguments until it ends: a path, not the documents nor their
        pickles, which at 10,000 documents weigh about a hundred megabytes; and no pickle of
        the whole corpus is ever held at once). A process kept across builds (*memory*, with
        the documents' *digests*) keeps the last build's documents: a document it has is sent
        as its digest alone."""
        kept = self._pool.kept if memory and digests and isinstance(self._pool, SearchPool) else None
        if kept is not None:
            self._pool.kept = frozenset(digests[d.meta.id] for d in getattr(documents, "entries", documents))
        self.spool = spool(documents, digests if kept is not None else None, kept or frozenset(), cache_folder)
        self.future = self._pool.submit(_search_files, [self.spool], failures, cache_folder, digests, memory)

    def files(self) -> tuple[SiteFile, ...]:
        try:
            return tuple(self.future.result())
        finally:
            self.close()

    def close(self, wait: bool = True) -> None:
        """End the process (unless the caller keeps it); without *wait*, let a running stage
        end by itself (a failed build does not wait for it)."""
        if self.own and self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
        self._pool = None
        if self.spool is not None and (wait or self.future is None or self.future.done()):
            Spool(self.spool).remove()  # a stage that never ran left it (one that ran removed it)
            self.spool = None


def spool(documents, digests: dict | None = None, kept: frozenset = frozenset(), folder=None) -> "Spool":
    """A new spool file of *documents* (:class:`Spool`), in *folder* (else the temporary folder):
    packets of :data:`PACKET` documents, each read (from the shelf), pickled, compressed, written
    and let go before the next; a document whose digest is in *kept* written as that digest."""
    listed = getattr(documents, "entries", documents)  # shelved documents: their entries (nothing read)
    with tempfile.NamedTemporaryFile("wb", prefix="un-archive-search-", suffix=".spool", delete=False,
                                     dir=folder) as out:
        for n in range(0, len(listed), PACKET):
            items = [digests[d.meta.id] if digests and digests.get(d.meta.id) in kept else documents[k]
                     for k, d in enumerate(listed[n:n + PACKET], n)]
            pickle.dump(zlib.compress(pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL), 1),
                        out, protocol=pickle.HIGHEST_PROTOCOL)
            del items
    return Spool(out.name)


class Spool(str):
    """The path of the documents' spool file (:meth:`Late.submit`): packets, each a pickle of
    the zlib-compressed pickle of a list of documents (or digests)."""

    def documents(self):
        """Every document of the file, in order, read one packet at a time; the file is removed
        once read (or once the reading stops)."""
        try:
            with open(self, "rb") as f:
                while True:
                    try:
                        packet = pickle.load(f)
                    except EOFError:
                        break
                    documents = pickle.loads(zlib.decompress(packet))
                    del packet
                    yield from _once(documents)
        finally:
            self.remove()

    def remove(self) -> None:
        try:
            os.unlink(self)
        except FileNotFoundError:
            pass


class SearchPool(ProcessPoolExecutor):
    """The search stage's one-process pool; :attr:`kept`: the digests of the documents its
    process keeps from the last build (``mkdocs serve``; see :func:`_search_files`)."""

    kept: frozenset[str] = frozenset()


def new_search_pool() -> SearchPool:
    """A one-process pool for the search stage (one build's, or kept across builds by
    ``mkdocs serve``): a fresh interpreter (``spawn``), not a copy of this process's memory,
    whose process ends with its parent, even one killed without a chance to shut the pool
    down (its call queue would keep it waiting, and holding the parent's output streams, for
    ever)."""
    return SearchPool(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                      initializer=_end_with_parent, initargs=(os.getpid(),))


def _end_with_parent(parent: int) -> None:
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


#: The documents of the last build, by digest, in a process kept across builds (``mkdocs serve``).
_KEPT: dict = {}


def _search_files(box: list, failures, cache_folder=None, digests=None, memory: bool = False) -> list[SiteFile]:
    """The search stage's files, computed in a worker process from the documents alone (and
    the analyses of unchanged documents, read from the build cache's folder). The documents
    come in *box*, a one-item list emptied here (the documents, or :meth:`Late.submit`'s
    spool file of them, read packet by packet and removed here), and go through the stage one
    at a time (:func:`~.search.stage.index`): once a document's records are in the index and
    its text files made, nothing holds it (the worker's call arguments would) — except in a
    process kept across builds (*memory*), which keeps this build's documents by digest for the
    next one (a document sent as its digest is taken from there). *failures* is not read (the
    stage reads only the documents)."""
    global _KEPT
    item = box.pop()
    if isinstance(item, Spool):  # Late.submit's spool file
        item = item.documents()
    if memory and digests:
        item = [_KEPT[x] if isinstance(x, str) else x for x in list(item)]
        _KEPT = {digests[d.meta.id]: d for d in item}
    store = Store(cache_folder, memory=memory) if cache_folder is not None else None  # memory: a process kept across builds
    return search_index(_once(item) if isinstance(item, list) else item, store, (digests or {}) if store else {})


def _once(items: list):
    """The items of *items*, each let go by the list as it is given."""
    items.reverse()
    while items:
        yield items.pop()
