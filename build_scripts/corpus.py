"""The whole corpus, computed once before any page is rendered.

Guarantees of :func:`build`: document ids are unique (a second file claiming
the same symbol keeps its text under ``<slug>-2`` and both files get a
warning naming the other); documents are ordered by date (newest first),
then symbol, then id; every corpus-wide index (listings now; cited-by,
entities and series when those stages run) is derived here from the parsed
documents, never from rendered HTML.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Document, Issue


@dataclass(frozen=True)
class Corpus:
    """Documents plus corpus-wide indexes."""

    documents: tuple[Document, ...]
    failures: tuple[tuple[str, str], ...] = ()
    extras: dict = field(default_factory=dict, compare=False)  # stage name -> corpus-wide data

    def get(self, doc_id: str) -> Document | None:
        return self._by_id().get(doc_id)

    def _by_id(self) -> dict[str, Document]:
        cache = self.extras.setdefault("_by_id", {})
        if not cache:
            cache.update({d.meta.id: d for d in self.documents})
        return cache

    def facet(self, name: str) -> dict[str, list[Document]]:
        """Documents grouped by ``type``, ``body``, ``year`` or ``session`` (sorted keys)."""
        groups: dict[str, list[Document]] = defaultdict(list)
        for doc in self.documents:
            value = year(doc) if name == "year" else getattr(doc.meta, name)
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


def build(documents, failures=()) -> Corpus:
    """Assemble the corpus (see module docstring)."""
    docs = unique_ids(list(documents))
    return Corpus(tuple(sorted(docs, key=sort_key)), tuple(failures))


def unique_ids(docs: list[Document]) -> list[Document]:
    """The documents in file-name order, ids made unique: a repeated id becomes ``<id>-2``
    (``-3`` …) and both documents get a warning naming the other file."""
    seen: dict[str, Document] = {}
    out = []
    for doc in sorted(docs, key=lambda d: d.meta.source):
        first = seen.get(doc.meta.id)
        if first is None:
            seen[doc.meta.id] = doc
            out.append(doc)
            continue
        n = 2
        while f"{doc.meta.id}-{n}" in seen:
            n += 1
        new_id = f"{doc.meta.id}-{n}"
        claim = doc.meta.symbol or doc.meta.id
        issue = Issue(0, f"{claim} is also claimed by {first.meta.source}; published as {new_id}")
        doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, id=new_id), issues=doc.issues + (issue,))
        seen[new_id] = doc
        out.append(doc)
        out[out.index(first)] = seen[first.meta.id] = dataclasses.replace(
            first, issues=first.issues + (Issue(0, f"{claim} is also claimed by {doc.meta.source} (published as {new_id})"),))
    return out
