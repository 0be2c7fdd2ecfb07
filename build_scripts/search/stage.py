"""The search stage of the site: one record per paragraph, the prebuilt index, the scripts.

Guarantees of :func:`records`: every document becomes one *document record*
(ref = its id, its title and symbol: what a query naming the document
finds), then every paragraph, item, heading, intro text and footnote one
record of its own words, in corpus order, with its citation label; :func:`attach` adds the
sharded index (``search/meta.json``, ``search/terms/``, ``search/prefix/``, ``search/docs/``,
``search/facets/``: see :mod:`.shards`; the filters' French labels in ``meta.json``) and the
four scripts under ``assets/search/`` (no CDN), built once at site build time. The
words of each document are analyzed once per version of it (:mod:`.analysis`, kept in the
build cache): a rebuild after one text changed analyzes that text only, then recomputes
what depends on the whole corpus (term numbers, weights, heads, files).
"""

from __future__ import annotations

from typing import Iterable

from ..cache.keys import code_version, digest
from ..corpus import year
from ..render import french
from ..render.labels import label
from .analysis import cached_groups
from .assets import asset_texts
from .shards import index_files
from .record import SearchRecord


#: The top folders of the stage's files (the site's 404 page must know them before they are made).
FOLDERS = ("assets", "search")


def records(corpus) -> list[SearchRecord]:
    """The search records of *corpus*."""
    return [record for doc in corpus.documents for record in document_records(doc)]


def document_records(doc) -> list[SearchRecord]:
    """The search records of one document (they depend on the document alone)."""
    m = doc.meta
    common = dict(doc_id=m.id, title=_title(doc), symbol=m.symbol or "", type=m.type,
                  body=m.body or "", year=year(doc) or "", language=m.language or "")
    out = [SearchRecord(ref=m.id, label="document", text=common["title"], **common)]  # the document hit
    for para in doc.paragraphs:
        out.append(SearchRecord(ref=f"{m.id}#{para.id}", label=label(doc, para), text=para.text, **common))
    for note in doc.footnotes:
        out.append(SearchRecord(ref=f"{m.id}#{note.id}", label=f"note {note.marker}", text=note.text, **common))
    return out


def analysis_key(doc_digest: str) -> str:
    """The build-cache key of one document's search analysis (:mod:`.analysis`)."""
    return digest("search-analysis", code_version(), doc_digest)


def _title(doc) -> str:
    """The title a result shows: a draft without symbol is named as everywhere on the site
    (« Projet de résolution (Bélarus, 2013) — Amélioration de … »), so that it can be told from
    the resolution whose title it shares (and found by its sponsors' names)."""
    from ..render.pages import display_name

    m = doc.meta
    if m.symbol:
        return m.title or m.symbol
    name = display_name(doc)
    return f"{name} — {m.title}" if m.title and name != m.title else (m.title or m.id)


def facets(corpus) -> dict:
    """Labels of the filter values present in the corpus."""
    return _labels(corpus.facet("type"), corpus.facet("body"), corpus.facet("year"))


def _labels(types, bodies, years) -> dict:
    return {
        "types": {t: french.type_label(t) for t in sorted(types)},
        "bodies": {b: french.body_label(b) for b in sorted(bodies)},
        "years": sorted(years, reverse=True),
    }


def attach(corpus) -> None:
    """Build the index of *corpus* and register its files on it (see :func:`index`)."""
    files = index(corpus.documents, corpus.extras.get("cache"), corpus.extras.get("digests", {}))
    corpus.extras.setdefault("pages", []).extend(files)


def index(documents: Iterable, store=None, digests: dict | None = None) -> list:
    """The files of the index of *documents* (and the search scripts), reading the documents one at a
    time: with an iterator that gives each once (the search stage's own process), each document, its
    records and their texts are let go once its records are in the postings and its text files made
    (:mod:`.ingest`). With a build cache (*store* and the documents' *digests*), each document's
    analysis is read back when that document did not change: only changed documents are analyzed
    again."""
    from ..render.pages import SiteFile

    digests = digests or {}
    values: tuple[set, set, set] = (set(), set(), set())

    def groups():
        for doc in documents:
            for found, value in zip(values, (doc.meta.type, doc.meta.body, year(doc))):
                if value:
                    found.add(str(value))
            yield digests.get(doc.meta.id), document_records(doc)

    analyzed = cached_groups(groups(), store, analysis_key)
    files = [SiteFile(path, text) for path, text in index_files(analyzed, lambda: _labels(*values))]
    files += [SiteFile(f"assets/search/{name}", text) for name, text in asset_texts().items()]
    return files
