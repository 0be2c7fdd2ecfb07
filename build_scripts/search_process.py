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
import zlib
from concurrent.futures import ProcessPoolExecutor

from . import corpus as corpus_mod
from .cache.store import Store
from .render.pages import SiteFile
from .search.stage import attach as search_stage


#: Documents per compressed pickle sent to the search process.
PACKET = 200


class Late:
    """The search stage's files, being made in a process of their own while the caller goes on
    (the other stages, the pages, MkDocs' rendering): :meth:`files` waits for them, then ends
    that process unless the caller keeps it (``mkdocs serve``); :meth:`close` gives up."""

    def __init__(self, pool: ProcessPoolExecutor, own: bool):
        self._pool, self.own, self.future = pool, own, None

    def submit(self, documents, *args) -> None:
        """Start the search stage (:func:`_search_files`) on *documents*: sent as compressed
        pickles of :data:`PACKET` documents each (the pool holds a call's arguments until it
        ends: these bytes, not the documents, which the caller can let go meanwhile; and no
        pickle of the whole corpus is ever held at once)."""
        payload = [zlib.compress(pickle.dumps(documents[n:n + PACKET], protocol=pickle.HIGHEST_PROTOCOL), 1)
                   for n in range(0, len(documents), PACKET)]
        self.future = self._pool.submit(_search_files, [payload], *args)

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


def new_search_pool() -> ProcessPoolExecutor:
    """A one-process pool for the search stage (one build's, or kept across builds by
    ``mkdocs serve``): a fresh interpreter (``spawn``), not a copy of this process's memory,
    whose process ends with its parent, even one killed without a chance to shut the pool
    down (its call queue would keep it waiting, and holding the parent's output streams, for
    ever)."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_end_with_parent, initargs=(os.getpid(),))


def _end_with_parent(parent: int) -> None:
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _search_files(box: list, failures, cache_folder=None, digests=None, memory: bool = False) -> list[SiteFile]:
    """The search stage's files, computed in a worker process from the documents alone (and
    the analyses of unchanged documents, read from the build cache's folder). The documents
    come in *box*, a one-item list emptied here (the documents, or :meth:`Late.submit`'s
    compressed packets of them), so that once the stage has made their records nothing holds
    them (the worker's call arguments would)."""
    item = box.pop()
    if item and isinstance(item[0], bytes):  # Late.submit's packets
        packets, item = item, []
        while packets:
            item.extend(pickle.loads(zlib.decompress(packets.pop(0))))
    corpus = corpus_mod.Corpus(item, failures)
    del item
    if cache_folder is not None:
        corpus.extras["cache"] = Store(cache_folder, memory=memory)  # memory: a process kept across builds
        corpus.extras["digests"] = digests or {}
    search_stage(corpus, release=True)
    return corpus.extras.get("pages", [])
