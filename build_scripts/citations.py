"""The citation stage of the corpus: who cites what, paragraph by paragraph.

:func:`compute` runs :func:`build_scripts.references.find_references` over
every paragraph and footnote of the parsed corpus, once, before rendering.
Guarantees: a document never cites itself; every cited symbol resolves to an
archive document (same slug) or to a *stub* — a page at the same URL scheme
that says what the citing texts tell about it (body, date when they agree,
the title they give most often) — so links never change when
the full text is added; citations are sorted (deterministic).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from .cache.keys import digest
from .model import Document
from .references import find_references
from .symbol import Symbol


@dataclass(frozen=True)
class Citation:
    """One reference: where it stands and what it targets."""

    source: str  # citing document id
    paragraph: str  # paragraph or footnote id in the citing document
    start: int
    end: int
    text: str
    target: str  # canonical symbol
    target_id: str  # archive document id or stub slug
    target_paragraph: str | None  # "5" for "paragraphe 5 de sa résolution …"
    date: str | None
    title: str | None = None  # the title the citing text gives it
    place: str = ""  # the label of its paragraph in the citing text: "par. 3", "note 2"
    anchor: str | None = None  # the id of the paragraph it points to in an archive document: "op-5"


@dataclass(frozen=True)
class Stub:
    """A cited document that is not in the archive: what the citations tell."""

    id: str
    symbol: str
    body: str | None
    date: str | None
    title: str | None = None


def units(doc: Document) -> list[tuple[str, str]]:
    return [(p.id, p.text) for p in doc.paragraphs] + [(n.id, n.text) for n in doc.footnotes]


#: The references of each document text read in this build, by :func:`_text_key`: found once
#: per build (the corpus's assembly and :func:`compute` both ask; copies of a text share them).
_FOUND: dict[str, tuple] = {}


def forget() -> None:
    """Empty the references found for an earlier corpus (its memory is not kept across builds)."""
    _FOUND.clear()


def _text_key(doc: Document) -> str:
    return digest("references", doc.meta.body, doc.meta.language, *(x for unit in units(doc) for x in unit))


def references_of(doc: Document) -> tuple:
    """``(paragraph id, reference)`` for every reference in *doc*'s paragraphs and footnotes.

    Kept per document text, not per paragraph: what is kept is the references (the citations'
    index), not the texts they were found in (a cache keyed by the paragraphs' texts held every
    text of the corpus through the build)."""
    key = _text_key(doc)
    found = _FOUND.get(key)
    if found is None:
        body, language = doc.meta.body, doc.meta.language
        found = _FOUND[key] = tuple((pid, ref) for pid, text in units(doc)
                                    for ref in find_references(text, issuing_body=body, language=language))
    return found


def cited_symbols(docs) -> dict[str, str]:
    """Slug -> symbol of every document that *docs* cite (where stubs would be)."""
    return {ref.target.slug: str(ref.target) for doc in docs for _, ref in references_of(doc)}


def compute(corpus) -> dict:
    """Citations, cited-by lists and stubs for the whole corpus: one pass over the texts (each
    citation takes its paragraph's label in the citing text then), then one read of each
    archive document a citation points into a paragraph of (its anchor)."""
    from .render.labels import place_label

    by_slug = {Symbol.parse(d.meta.symbol).slug: d.meta.id for d in corpus.listed if d.meta.symbol}
    citations: list[Citation] = []
    for doc in corpus.documents:
        own, places = doc.meta.symbol, {}
        for pid, ref in references_of(doc):
            symbol = str(ref.target)
            if symbol == own:
                continue
            slug = ref.target.slug
            if pid not in places:
                places[pid] = place_label(doc, pid)
            citations.append(Citation(doc.meta.id, pid, ref.start, ref.end, ref.text, symbol, by_slug.get(slug, slug),
                                      ref.paragraph, ref.date, ref.title, places[pid]))
    citations = _anchored(corpus, citations)
    cites: dict[str, list[Citation]] = defaultdict(list)
    cited_by: dict[str, list[Citation]] = defaultdict(list)
    for c in citations:
        cites[c.source].append(c)
        cited_by[c.target_id].append(c)
    archive_ids = set(corpus.rank())
    stubs = {}
    for target_id, cs in sorted(cited_by.items()):
        if target_id in archive_ids:
            continue
        symbol = Symbol.parse(cs[0].target)
        dates = sorted({c.date for c in cs if c.date})
        stubs[target_id] = Stub(target_id, str(symbol), symbol.body, dates[0] if len(dates) == 1 else None,
                                _most_given(c.title for c in cs))
    return {"citations": citations, "cites": dict(cites), "cited_by": dict(cited_by), "stubs": stubs}


def _anchored(corpus, citations: list[Citation]) -> list[Citation]:
    """*citations*, each that names a paragraph of an archive document given that paragraph's
    id (:attr:`Citation.anchor`) when the document has it: each such document read once."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for c in citations:
        if c.target_paragraph and corpus.entry(c.target_id) is not None:
            wanted[c.target_id].add(c.target_paragraph)
    found: dict[tuple[str, str], str] = {}
    rank = corpus.rank()
    for target_id in sorted(wanted, key=rank.__getitem__):
        target = corpus.get(target_id)
        ids = {p.id for p in target.paragraphs}
        for number in wanted[target_id]:
            pid = next((pid for prefix in ("op", "para") if (pid := f"{prefix}-{number}") in ids), None)
            if pid is not None:
                found[(target_id, number)] = pid
    return [replace(c, anchor=anchor) if (anchor := found.get((c.target_id, c.target_paragraph))) else c
            for c in citations]


def _most_given(titles) -> str | None:
    """The title the citing texts give most often (ties: the shortest, then alphabetical)."""
    counts: dict[str, int] = {}
    for title in titles:
        if title:
            counts[title] = counts.get(title, 0) + 1
    return min(counts, key=lambda t: (-counts[t], len(t), t)) if counts else None


def attach(corpus) -> None:
    """Compute the stage and register its page contributions on *corpus*."""
    from .render import citation_pages

    corpus.extras["citation_data"] = compute(corpus)
    citation_pages.register(corpus)
