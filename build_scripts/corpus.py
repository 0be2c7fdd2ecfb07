"""The whole corpus, computed once before any page is rendered.

Guarantees of :func:`build` (ids from :func:`assign_ids`, which the CLI uses
too): document ids are slugs of at most :data:`build_scripts.slug.MAX`
characters; permanent addresses are owned by symbols — an id set by a
sidecar that is another document's address (its symbol's slug or its own
id) or the address of a cited document (a stub) is refused with a warning and
the document keeps its own address; ids are unique (a second file claiming
the same symbol keeps its text under ``<slug>-2`` — a symbol stated by a text
wins over one stated by a sidecar, then a French text, then file-name order decides — and both
files get a warning naming the other; a text in another language than the one keeping the
address is that document's version in its language, ``<slug>-<language>`` — ``s-res-2719-2023-en``
— without warning); documents are ordered by date (newest first),
then symbol, then id; every corpus-wide index (listings now; cited-by,
entities and series when those stages run) is derived here from the parsed
documents, never from rendered HTML. The documents are on a shelf
(:mod:`build_scripts.shelf`): the corpus holds each one's entry (metadata and
warnings) and reads a text back when a stage asks for it, one document at a time.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import slug
from .model import Document, Issue
from .shelf import ById, Documents, Listed, Shelf, shelve
from .symbol import Symbol


@dataclass(frozen=True)
class Corpus:
    """Documents plus corpus-wide indexes.

    *documents*: a tuple of documents (a corpus made by hand, in tests) or, from :func:`build`,
    the shelved :class:`~build_scripts.shelf.Documents` (read one at a time when iterated);
    :attr:`listed` holds what stays in memory of each document (its metadata and warnings)."""

    documents: Sequence[Document]
    failures: tuple[tuple[str, str], ...] = ()
    extras: dict = field(default_factory=dict, compare=False)  # stage name -> corpus-wide data

    @property
    def listed(self) -> Sequence[Listed | Document]:
        """Each document's metadata and warnings (``.meta``, ``.issues``), in corpus order, without
        reading any text: what listings, facets and counts use."""
        return self.documents.entries if isinstance(self.documents, Documents) else self.documents

    def get(self, doc_id: str) -> Document | None:
        """The document with id *doc_id* (read from the shelf), or None."""
        if isinstance(self.documents, Documents):
            return self.documents.get(doc_id)
        return self._by_id().get(doc_id)

    def entry(self, doc_id: str) -> Listed | Document | None:
        """The metadata and warnings of the document with id *doc_id* (no text read), or None."""
        if isinstance(self.documents, Documents):
            at = self.documents.position(doc_id)
            return None if at is None else self.documents.entries[at]
        return self._by_id().get(doc_id)

    def by_id(self) -> Mapping[str, Document]:
        """Every document by id: one mapping for the corpus, built once (do not change it);
        a shelved document is read when looked up."""
        if isinstance(self.documents, Documents):
            return self.extras.setdefault("_by_id", ById(self.documents))
        return self._by_id()

    def entries(self) -> Mapping[str, Listed | Document]:
        """Every document's entry (:meth:`entry`) by id: one mapping, built once (do not change it)."""
        if not isinstance(self.documents, Documents):
            return self._by_id()
        cache = self.extras.setdefault("_entries", {})
        if not cache:
            cache.update({e.meta.id: e for e in self.documents.entries})
        return cache

    def _by_id(self) -> dict[str, Document]:
        cache = self.extras.setdefault("_by_id", {})
        if not cache:
            cache.update({d.meta.id: d for d in self.documents})
        return cache

    def rank(self) -> dict[str, int]:
        """Every document's position in corpus order, by id: one mapping, built once (do not
        change it; building it per document made the « Cité par » lists quadratic)."""
        cache = self.extras.setdefault("_rank", {})
        if not cache:
            cache.update({d.meta.id: n for n, d in enumerate(self.listed)})
        return cache

    def facet(self, name: str) -> dict[str, list[Listed | Document]]:
        """Documents' entries grouped by ``type``, ``body``, ``year`` or ``session`` (sorted keys; a
        session of another body than the General Assembly is ``<body>:<session>``, ``HRC:55``: the
        Human Rights Council's fifty-fifth session is not the Assembly's)."""
        groups: dict[str, list] = defaultdict(list)
        for doc in self.listed:
            value = year(doc) if name == "year" else getattr(doc.meta, name)
            if name == "session" and value and doc.meta.body not in (None, "GA"):
                value = f"{doc.meta.body}:{value}"
            if value:
                groups[str(value)].append(doc)
        return dict(sorted(groups.items()))


def year(doc: Document) -> str | None:
    """The document's year: from its date, else a sidecar's year, else an ECOSOC/SC symbol."""
    if doc.meta.date:
        return doc.meta.date[:4]
    if doc.meta.year:
        return doc.meta.year
    symbol = doc.meta.symbol or ""
    for part in symbol.replace("(", "/").replace(")", "").split("/"):
        part = part.strip()
        if len(part) == 4 and part.isdigit() and part.startswith(("19", "20")):
            return part
    return None


def sort_key(doc: Document):
    """Newest first, then symbol, then id (deterministic)."""
    return (-(int(doc.meta.date.replace("-", "")) if doc.meta.date else int(year(doc) or 0) * 10000),
            doc.meta.symbol or "~", doc.meta.id)


def build(documents, failures=(), folder=None, remember: bool = False) -> Corpus:
    """Assemble the corpus (see module docstring) from *documents*, shelved as they come (in a
    temporary file in *folder*, else in the system's temporary folder; *remember*: see
    :class:`~build_scripts.shelf.Shelf`)."""
    shelf = Shelf(folder, remember)
    return assemble(shelf, [shelve(doc, shelf) for doc in documents], failures)


def assemble(shelf: Shelf, entries: list[Listed], failures=()) -> Corpus:
    """The corpus of the documents on *shelf* (*entries*: theirs, as shelved): ids assigned
    (see module docstring; the references the texts cite read from the shelf, one document
    at a time), ordered."""
    from .citations import cited_symbols, forget

    forget()  # references are found once per build (see citations.references_of)
    cited = cited_symbols(shelf.take(e.number) for e in entries)
    listed = assign_ids(entries, cited)
    return Corpus(Documents(shelf, sorted(listed, key=sort_key)), tuple(failures))


def assign_ids(docs: list, cited: dict[str, str] | None = None) -> list:
    """Final document ids, in file-name order: capped, owned (see module docstring), unique.
    *docs*: documents, or their entries (:class:`~build_scripts.shelf.Listed`) with *cited*,
    the symbols their texts cite (:func:`~build_scripts.citations.cited_symbols`)."""
    if cited is None:
        from .citations import cited_symbols, forget

        forget()  # references are found once per build (see citations.references_of)
        cited = cited_symbols(docs)
    docs = [_with_id(d, slug.slug(d.meta.id)) if not slug.is_slug(d.meta.id) else d for d in docs]
    ranked = sorted(docs, key=lambda d: (_from_sidecar(d), d.meta.source), reverse=True)
    owners = {own: d for d in ranked if (own := _own_address(d))}  # the best-ranked claimant last, so it stays
    out = []
    for doc in docs:
        claimed = doc.meta.id
        if dict(doc.meta.provenance).get("id") == "sidecar" and claimed != _own_address(doc):
            owner = owners.get(claimed)
            if owner is not None and owner is not doc:
                why = f"the address of {owner.meta.symbol or claimed} ({owner.meta.source})"
            elif claimed in cited:
                why = f"the address of {cited[claimed]}, cited in the archive"
            else:
                why = None
            if why:
                own = _own_address(doc) or _default_id(doc)
                issue = Issue(0, f"sidecar id {claimed!r} refused: it is {why}; published as {own}")
                doc = dataclasses.replace(_with_id(doc, own), issues=doc.issues + (issue,))
        out.append(doc)
    return unique_ids(out)


def _own_address(doc: Document) -> str | None:
    """The address a document owns: its symbol's slug, or its id when nothing in a sidecar set it."""
    if doc.meta.symbol and (symbol := Symbol.try_parse(doc.meta.symbol)):
        return symbol.slug
    return doc.meta.id if dict(doc.meta.provenance).get("id") != "sidecar" else None


def _default_id(doc: Document) -> str:
    from .parse.metadata import make_id

    m = doc.meta
    return slug.slug(make_id(m.symbol, m.source, m.sponsors, m.type))


def _with_id(doc: Document, new_id: str) -> Document:
    return dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, id=new_id))


def unique_ids(docs: list[Document]) -> list[Document]:
    """The documents in file-name order, ids made unique: of the documents sharing an id, the
    one whose symbol (or id) its own text states keeps it over one that has it from a sidecar,
    then a French one (the archive's language), then the first by file name; another language's
    first text becomes ``<id>-<language>`` (the document's version in that language, no
    warning); the others become ``<id>-2`` (``-3`` …), and each of them and the text of its
    language that kept an address get a warning naming the other file."""
    out = sorted(docs, key=lambda d: d.meta.source)
    claims: dict[str, list[int]] = defaultdict(list)
    for n, doc in enumerate(out):
        claims[doc.meta.id].append(n)
    taken = set(claims)
    for doc_id, at in claims.items():
        keeper, *others = sorted(at, key=lambda n: (_from_sidecar(out[n]), out[n].meta.language != ARCHIVE_LANGUAGE,
                                                    out[n].meta.source))
        holders = {out[keeper].meta.language: keeper}  # the text that holds each language's address
        for n in sorted(others):
            language = out[n].meta.language
            if language not in holders and slug.is_slug(f"{doc_id}-{language}") and f"{doc_id}-{language}" not in taken:
                holders[language] = n  # the same document in another language: its version, not a clash
                taken.add(version := f"{doc_id}-{language}")
                out[n] = _with_id(out[n], version)
                continue
            holder = holders.get(language, keeper)  # a clash with the text of its language
            suffix = 2
            while f"{doc_id}-{suffix}" in taken:
                suffix += 1
            new_id = f"{doc_id}-{suffix}"
            taken.add(new_id)
            claim, first, doc = out[n].meta.symbol or doc_id, out[holder], out[n]
            out[n] = dataclasses.replace(_with_id(doc, new_id), issues=doc.issues + (
                Issue(0, f"{claim} is also claimed by {first.meta.source}; published as {new_id}"),))
            out[holder] = dataclasses.replace(first, issues=first.issues + (
                Issue(0, f"{claim} is also claimed by {doc.meta.source} (published as {new_id})"),))
    return out


#: The language of the archive's pages: its text of a document keeps the document's address.
ARCHIVE_LANGUAGE = "fr"


def language_versions(listed) -> dict[str, tuple[str, ...]]:
    """Each document's versions in other languages (the ids of the documents with the same
    symbol and another language, in id order), for those that have any: one pass."""
    by_symbol: dict[str, list] = defaultdict(list)
    for doc in listed:
        if doc.meta.symbol:
            by_symbol[doc.meta.symbol].append(doc.meta)
    out = {}
    for metas in by_symbol.values():
        for m in metas:
            if others := sorted(o.id for o in metas if o.language != m.language):
                out[m.id] = tuple(others)
    return out


def _from_sidecar(doc: Document) -> bool:
    """True when the document's address comes from its sidecar (a stated symbol or id)."""
    provenance = dict(doc.meta.provenance)
    return "sidecar" in (provenance.get("symbol"), provenance.get("id"))
