"""The site build's pure core: corpus folder -> corpus -> generated files.

:func:`build` reads the raw folder (through :mod:`.sources`, normalizing in
*workers* processes), runs the corpus-wide stages, and returns every
generated file. :func:`output` is what the MkDocs plugin calls: the same
files, the archive's date, the messages to log and the home page's summary,
as one compact :class:`Output` kept in the build cache under the digest of
every raw text's key (name, bytes, sidecar, code version): when no text
changed, nothing is normalized or computed again. Guarantees: nothing here
imports MkDocs; the result depends only on the folder's contents (not on
the cache, nor on the number of workers).
"""

from __future__ import annotations

import ctypes
import gc
import os
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path

from . import corpus as corpus_mod
from .cache.keys import code_version, digest, document_digests
from .render import french, versions
from .render.pages import ShelvedFiles, SiteFile, display_name, doc_path, site_files
from .citations import attach as citation_stage
from .entities.stage import attach as entity_stage
from .search.stage import analysis_key, attach as search_stage
from .series.stage import attach as series_stage
from .sidecar import is_date
from .search_process import Late, new_search_pool
from .shelf import Shelf
from .sources import normalize_all, read_folder, scan

#: Corpus-wide stages, run in order once every document is parsed.
STAGES = (citation_stage, entity_stage, series_stage, search_stage)


@dataclass(frozen=True)
class Built:
    """A built corpus and its generated files (*late*: the search stage's, still being made
    in a process of their own; :meth:`complete` waits for them)."""

    corpus: corpus_mod.Corpus
    files: tuple[SiteFile, ...]
    late: "Late | None" = None

    def complete(self) -> "Built":
        """The same build with every file, the search stage's included, in path order."""
        if self.late is None:
            return self
        return Built(self.corpus, merged(self.files, self.late.files()))

    def home(self, latest: int, from_path: str) -> dict:
        """Counts per type and the latest documents, for the home template."""
        return home_context(home_summary(self.corpus, latest), from_path)


def home_summary(corpus: corpus_mod.Corpus, latest: int) -> dict:
    """The home page's data, with paths from the docs root (see :func:`home_context`)."""
    from .render.listings import facet_path

    docs = corpus.listed
    types = corpus.facet("type")
    return {
        "total": len(docs),
        "types": [{"label": french.type_label(t, many=len(d) > 1), "count": len(d), "path": facet_path("type", t)}
                  for t, d in types.items()],
        "bodies": len(corpus.facet("body")),
        "latest": [{"symbol": display_name(d), "title": d.meta.title, "date": french.date(d.meta.date),
                    "type": french.type_label(d.meta.type), "path": doc_path(d.meta.id)}
                   for d in docs[:latest]],
    }


def home_context(summary: dict, from_path: str) -> dict:
    """*summary* with each ``path`` made a URL relative to the page *from_path*."""
    base = posixpath.dirname(from_path)

    def url(path: str) -> str:
        target = path[:-len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
        return posixpath.relpath(target, base or ".") + "/"

    def relative(item: dict) -> dict:
        out = {k: v for k, v in item.items() if k != "path"}
        return {**out, "url": url(item["path"])}

    return {**summary, "types": [relative(t) for t in summary["types"]],
            "latest": [relative(d) for d in summary["latest"]]}


def epoch(corpus: corpus_mod.Corpus) -> int:
    """The newest document date (or year) as seconds since 1970 (0 for an undated corpus):
    the archive's date, for reproducible builds."""
    import calendar

    days = [d.meta.date or f"{corpus_mod.year(d)}-01-01" for d in corpus.listed if corpus_mod.year(d)]
    valid = [tuple(int(x) for x in day.split("-")) for day in days if is_date(day)]
    return calendar.timegm(max(valid) + (0, 0, 0)) if valid else 0


def merged(files: tuple[SiteFile, ...], more: tuple[SiteFile, ...]) -> tuple[SiteFile, ...]:
    """*files* and *more*, in path order (the order :func:`site_files` gives)."""
    return tuple(sorted(files + more, key=lambda f: f.path))


def _aside(workers: int | None) -> bool:
    """Whether the search stage runs in a process of its own (more than one worker)."""
    return (workers or os.cpu_count() or 1) > 1 and search_stage in STAGES


def build(folder: Path, workers: int | None = 1, store=None, base_url: str | None = None) -> Built:
    """Read *folder*, build the corpus and every generated file (*base_url*: see :func:`start`)."""
    return _build(read_folder(folder, workers, store), workers, store, base_url=base_url).complete()


def _build(read, workers: int | None = 1, store=None, search_pool=None, own_pool: bool = False,
           base_url: str | None = None) -> Built:
    """The corpus-wide stages and the rendering. With more than one worker, the search stage
    (which reads only the documents) runs in a process of its own while the other stages and
    the caller go on (:class:`Late`): a fresh interpreter (``spawn``), not a copy of this one,
    so that it holds only the documents and the index, and gives all its memory back when it
    ends; with a *store*, stages read back what they computed for unchanged documents.
    *search_pool*: a one-process pool (:func:`new_search_pool`) started by the caller, shut
    down with the stage when *own_pool*, else kept by the caller (``mkdocs serve``: its process
    keeps the search analyses it read in memory, no interpreter to start, no analysis to read
    again on the next rebuild)."""
    if read.shelf is not None:  # the documents are on the shelf already (:func:`start`)
        corpus = corpus_mod.assemble(read.shelf, list(read.results), read.failures)
    else:
        folder, remember = (store.folder, store.memory is not None) if store is not None else (None, False)
        corpus = corpus_mod.build((r.document for r in read.results), read.failures, folder, remember)
    corpus.extras["pages"] = ShelvedFiles(corpus.documents.shelf)  # the stages' pages: their bytes on the shelf
    if base_url:
        corpus.extras["base_url"] = base_url
    if store is not None:
        corpus.extras["cache"] = store
        corpus.extras["digests"] = document_digests(corpus.listed, remember=store.memory is not None)
    versions.register(corpus)  # before the stages: the pages they make read its contributions
    late = None
    if _aside(workers):
        late = Late(search_pool, own_pool) if search_pool is not None else Late(new_search_pool(), True)
    try:
        if late is not None:
            folder = store.folder if store is not None else None
            digests = corpus.extras.get("digests", {}) if folder is not None else {}
            late.submit(corpus.documents, corpus.failures, folder, digests, not late.own)
            if digests:  # the worker's cache reads are this build's too (not pruned)
                store.keep("search-analysis", [analysis_key(d) for d in digests.values()])
        for stage in STAGES:
            if not (late is not None and stage is search_stage):
                stage(corpus)
        return Built(corpus, tuple(site_files(corpus)), late)
    except BaseException:
        if late is not None:
            late.close(wait=False)
        raise


@dataclass(frozen=True)
class Output:
    """What the MkDocs plugin needs of a build: compact, picklable, cached as a whole."""

    files: tuple[SiteFile, ...]
    epoch: int
    messages: tuple[str, ...]  # unreadable files, then every document's warnings (file and line), in order
    home: dict  # home_summary()
    fingerprint: str  # digest of the inputs (every raw text's key, the failures, *latest*)
    sources: tuple[tuple[str, str, str | None], ...] = ()  # (document id, raw file name, digest of its bytes) of each published document


def messages(corpus: corpus_mod.Corpus) -> tuple[str, ...]:
    """What the build reports: each unreadable file, then each warning of each document, in
    corpus order, naming the file and the line."""
    out = [f"{message} (not published)" for _, message in corpus.failures]
    out += [issue.format(doc.meta.source) for doc in corpus.listed for issue in doc.issues]
    return tuple(out)


def output(folder: Path, latest: int = 8, workers: int | None = None, store=None, search_pool=None,
           base_url: str | None = None) -> Output:
    """The build of *folder* (see :func:`build`), read back from *store* when no raw text
    changed (*search_pool*: see :func:`_build`; *base_url*: see :func:`start`)."""
    started = start(folder, latest, workers, store, search_pool, base_url=base_url)
    started.finish()
    return started.output


class Started:
    """A build whose search stage may still be running (:func:`start`).

    :attr:`output` has every other file at once; :meth:`finish` waits for the search stage's
    files, returns them, and makes :attr:`output` the whole build (then kept in the build
    cache, as :func:`output` keeps it). A build read back from the cache is whole from the start.
    """

    def __init__(self, output: Output, late: Late | None = None, store=None):
        self.output, self._late, self._store = output, late, store

    @property
    def pending(self) -> bool:
        """Whether the search stage's files are still to come (:meth:`finish` waits for them)."""
        return self._late is not None

    def finish(self) -> tuple[SiteFile, ...]:
        """The files of :attr:`output` that came late (none once finished); the whole build is
        then in the build cache (its other files were put there by :func:`start`)."""
        if self._late is None:
            return ()
        late, self._late = self._late.files(), None
        self.output = replace(self.output, files=merged(self.output.files, late))
        if self._store is not None:
            self._store.put("site-late", self.output.fingerprint, late)
        return late

    def release_files(self) -> None:
        """Let :attr:`output`'s files go (the caller holds them now: ``mkdocs build``'s
        generated files, each let go once written); :meth:`finish` still gives the late ones."""
        self.output = replace(self.output, files=())

    def abandon(self) -> None:
        """Give the search stage up (the build failed)."""
        if self._late is not None:
            self._late.close(wait=False)
            self._late = None


def start(folder: Path, latest: int = 8, workers: int | None = None, store=None, search_pool=None,
          whole: bool = True, base_url: str | None = None) -> Started:
    """:func:`output`, without waiting for the search stage (see :class:`Started`): its process
    starts first (unless *search_pool* is given: see :func:`_build`), so that its interpreter
    is up by the time the documents are read. Without *whole*, the stages run even when no text
    changed (each reading back what it cached): ``mkdocs serve``'s first build, so that what
    they keep in memory is there for the first rebuild. *base_url*: the address the site is
    published at (``https://example.org/archive/``), for what is read outside the site (the
    CSL-JSON items' ``URL``); ``None``: site-relative addresses."""
    scanned = scan(folder)
    keys = [raw.key() for _, raw in scanned if not isinstance(raw, str)]
    failed = [part for name, raw in scanned if isinstance(raw, str) for part in (name, raw)]
    fingerprint = digest("site", code_version(), str(latest), base_url or "", *keys, *failed)
    if whole and store is not None and (cached := _whole(store, fingerprint)) is not None:
        store.keep("normalized", keys)  # still this build's documents (not pruned)
        return Started(cached)
    own = search_pool is None and _aside(workers)
    pool = new_search_pool() if own else search_pool
    try:
        if own:
            pool.submit(int)  # start the process now
        shelf = Shelf(store.folder, store.memory is not None) if store is not None else Shelf()
        read = normalize_all(scanned, workers, store, shelf)
        contents = {name: raw.source for name, raw in scanned if not isinstance(raw, str)}
        del scanned
        built = _build(read, workers, store, pool, own, base_url)
        result = Output(built.files, epoch(built.corpus), messages(built.corpus), home_summary(built.corpus, latest),
                        fingerprint, tuple((d.meta.id, d.meta.source, contents.get(d.meta.source))
                                           for d in built.corpus.listed))
    except BaseException:
        if own:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    if store is not None:  # read back whole (`_whole`) once `site-late` holds the late files (none when all are here)
        store.put("site", fingerprint, result)
        if built.late is None:
            store.put("site-late", fingerprint, ())
    return Started(result, built.late, store)


def _whole(store, fingerprint: str) -> Output | None:
    """A whole build read back from *store*: its files and the search stage's (those came
    last: a build stopped before them is not whole)."""
    cached, late = store.get("site", fingerprint), store.get("site-late", fingerprint)
    if cached is None or late is None:
        return None
    return replace(cached, files=merged(cached.files, late)) if late else cached


def release_memory() -> None:
    """Collect what is unreachable and give the freed heap back to the system (glibc's
    ``malloc_trim``; elsewhere, only the collection): what the corpus held between two phases of
    a build is not counted against the next one."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
