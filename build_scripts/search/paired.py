"""Two common words from their pair's head: the Python twin of the pair branch of ``head`` in
``search-shards.js``.

:meth:`.sharded.ShardedSearcher.head` gives a query of two required words (no phrase,
wildcard, symbol or filter) wanting at most ``headDocs`` documents its pair file, fetched
with its term buckets (:mod:`.pairs` says what the file holds). :func:`pair_head` answers
from it when the pair is there and a head was made for the forms typed
(:func:`typed_forms`): the postings of both terms in that head's documents, and the true
counts. A lunr index of those postings then ranks them as the whole index would (the
head holds all the postings of its documents: :mod:`.sharded`'s argument).
"""

from __future__ import annotations

from build_scripts.search.pipeline import process_term
from build_scripts.search.query import ParsedQuery
from build_scripts.search.tiered import restricted
from build_scripts.search.tiers import undelta


def typed_forms(parsed: ParsedQuery, terms: list[str], entries: dict) -> list[str] | None:
    """Per term, the query word typed for it that is one of its exact forms (``""``: none), as a
    head is keyed; None when a term has two such words or a word belongs to another term (the
    ranking then counts exact words in a way no head was made for)."""
    out = {t: "" for t in terms}
    for word in sorted(parsed.exact):
        term = process_term(word)
        if term not in out:
            return None
        if word in entries.get(term, {}).get("w", ()):
            if out[term]:
                return None
            out[term] = word
    return [out[t] for t in terms]



def pair_head(parsed: ParsedQuery, entries: dict, pairs: dict) -> tuple[dict, list] | None:
    """``({term: columns}, [paragraphs, documents])`` from the pair file *pairs*, or None (no head
    for this pair or for the forms typed)."""
    a, b = sorted(c.term for c in parsed.clauses)
    pair = pairs.get(f"{a} {b}")
    forms = typed_forms(parsed, [a, b], entries)
    docs = pair["h"].get(" ".join(forms)) if pair is not None and forms is not None else None
    if docs is None:
        return None
    keep = set(undelta(docs))
    return {a: restricted([pair["p"][0]], keep), b: restricted([pair["p"][1]], keep)}, pair["n"]
