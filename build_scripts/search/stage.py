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

from ..cache.keys import code_version, digest
from ..corpus import year
from ..render import french
from ..render.labels import label
from .analysis import cached
from .assets import asset_texts
from .shards import shard_files
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
    return {
        "types": {t: french.type_label(t) for t in corpus.facet("type")},
        "bodies": {b: french.body_label(b) for b in corpus.facet("body")},
        "years": sorted(corpus.facet("year"), reverse=True),
    }


def attach(corpus, release: bool = False) -> None:
    """Build the index and register the files on *corpus*. With a build cache
    (``corpus.extras["cache"]`` and the documents' ``digests``), each document's analysis is
    read back when that document did not change: only changed documents are analyzed again.
    With *release* (the search stage's own process), the corpus lets its documents go once
    their records are made: the index is built without them in memory."""
    from ..render.pages import SiteFile

    store, digests = corpus.extras.get("cache"), corpus.extras.get("digests", {})
    groups = [(digests.get(doc.meta.id), document_records(doc)) for doc in corpus.documents]
    labels = facets(corpus)
    if release:
        corpus.release()
    analyses = cached(groups, store, analysis_key)
    records = (r for _, rs in groups for r in rs)
    del groups  # held by the two generators only: the records (and their texts) go once their files are made
    files = [SiteFile(path, text) for path, text in shard_files(records, labels=labels, analyses=analyses)]
    files += [SiteFile(f"assets/search/{name}", text) for name, text in asset_texts().items()]
    corpus.extras.setdefault("pages", []).extend(files)
