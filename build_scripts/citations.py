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

import functools
from collections import defaultdict
from dataclasses import dataclass

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


@functools.lru_cache(maxsize=None)
def _references(text: str, body: str | None, language: str) -> tuple:
    """References in one paragraph, found once per build: :func:`cited_symbols` (when the
    corpus is assembled) and :func:`compute` both ask. Unbounded, and emptied by
    :func:`forget` at the start of each corpus (a bounded cache smaller than the corpus's
    paragraphs made the second pass find them all again: 7.8 times the time for twice the
    documents at 4,000)."""
    return tuple(find_references(text, issuing_body=body, language=language))


def forget() -> None:
    """Empty the references found for an earlier corpus (its memory is not kept across builds)."""
    _references.cache_clear()


def references_of(doc: Document):
    """``(paragraph id, reference)`` for every reference in *doc*'s paragraphs and footnotes."""
    for pid, text in units(doc):
        for ref in _references(text, doc.meta.body, doc.meta.language):
            yield pid, ref


def cited_symbols(docs) -> dict[str, str]:
    """Slug -> symbol of every document that *docs* cite (where stubs would be)."""
    return {ref.target.slug: str(ref.target) for doc in docs for _, ref in references_of(doc)}


def compute(corpus) -> dict:
    """Citations, cited-by lists and stubs for the whole corpus."""
    by_slug = {Symbol.parse(d.meta.symbol).slug: d for d in corpus.documents if d.meta.symbol}
    citations: list[Citation] = []
    for doc in corpus.documents:
        own = doc.meta.symbol
        for pid, ref in references_of(doc):
            symbol = str(ref.target)
            if symbol == own:
                continue
            slug = ref.target.slug
            target_id = by_slug[slug].meta.id if slug in by_slug else slug
            citations.append(Citation(doc.meta.id, pid, ref.start, ref.end, ref.text, symbol, target_id,
                                      ref.paragraph, ref.date, ref.title))
    cites: dict[str, list[Citation]] = defaultdict(list)
    cited_by: dict[str, list[Citation]] = defaultdict(list)
    for c in citations:
        cites[c.source].append(c)
        cited_by[c.target_id].append(c)
    archive_ids = {d.meta.id for d in corpus.documents}
    stubs = {}
    for target_id, cs in sorted(cited_by.items()):
        if target_id in archive_ids:
            continue
        symbol = Symbol.parse(cs[0].target)
        dates = sorted({c.date for c in cs if c.date})
        stubs[target_id] = Stub(target_id, str(symbol), symbol.body, dates[0] if len(dates) == 1 else None,
                                _most_given(c.title for c in cs))
    return {"citations": citations, "cites": dict(cites), "cited_by": dict(cited_by), "stubs": stubs}


def _most_given(titles) -> str | None:
    """The title the citing texts give most often (ties: the shortest, then alphabetical)."""
    counts: dict[str, int] = {}
    for title in titles:
        if title:
            counts[title] = counts.get(title, 0) + 1
    return min(counts, key=lambda t: (-counts[t], len(t), t)) if counts else None


def target_anchor(corpus, citation: Citation) -> str | None:
    """The paragraph id a citation points to inside an archive document (``op-5``), if it exists."""
    if not citation.target_paragraph:
        return None
    target = corpus.get(citation.target_id)
    if target is None:
        return None
    for prefix in ("op", "para"):
        pid = f"{prefix}-{citation.target_paragraph}"
        if target.paragraph(pid):
            return pid
    return None


def attach(corpus) -> None:
    """Compute the stage and register its page contributions on *corpus*."""
    from .render import citation_pages

    corpus.extras["citation_data"] = compute(corpus)
    citation_pages.register(corpus)
