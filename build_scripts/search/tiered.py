"""Several common words: the first documents from impact tiers, the counts from record sets.

The Python twin of ``search-tiers.js``. Used by :meth:`.sharded.ShardedSearcher.hits` for a
query with ``groups`` (the first *N* documents are wanted) whose words are all required,
with at least one common term (see :mod:`.tiers`), no phrase, no wildcard, no symbol token,
every term in the index, and which a head cannot answer. Filters are allowed.

**Counts, exact.** The record sets of the common terms (``search/sets/``) and the postings
of the others give, per term, the paragraph records holding it (``text`` field) and the
document records (``title`` or ``symbol``); lunr's AND (every term in some field of the
record) is their intersection, per kind: ``M``, the matching records, filtered by the
filters' documents. The counts are ``|M ∩ paragraphs|`` and the documents of ``M``. An
empty ``M`` falls back to the general path (which tries OR, as the whole index would).

**First documents, exact (a threshold algorithm).** A document is *complete* once, for
every common term, the tier holding it is fetched: then all its postings of every query
term are in, and the lunr index of the fetched terms restricted to complete documents
scores its records exactly (same argument as :mod:`.sharded`: the restricted field vectors
give the same products in the same order). They are ranked by :func:`~.rank.order`; let
τ be the best record of the *N*-th document. A record of ``M`` in an incomplete document
has a key no better than ``(its kind, the most exact words the query can have, the score
computed with, for each term whose tier is not in, the bound of the later tiers (the
highest weight there, per field), its place)``: lunr's score is a sum of non-negative
products divided by ``|q|`` = √(terms), monotone in every weight, and the bound is taken
with a margin far above float noise. When no such key comes before τ, no incomplete
document can come before the *N*-th: the first *N* documents, their records and order are
those of the whole index. Otherwise, per common term, the first tier not yet in that holds
an undecided document is fetched — every such tier when there are at most *N* undecided
documents (a few matches: one more round completes them) — and again. The set says which
tier holds a document. Rounds are deterministic, so that ``search-shards.js`` fetches the
same files.
"""

from __future__ import annotations

import math
from typing import Callable

from build_scripts.search.pipeline import process_term
from build_scripts.search.rank import Found, _rounded
from build_scripts.search.tiers import decode_records, undelta

FIELDS = 3  # text, title, symbol
MARGIN = 1e-9


def eligible(parsed, entries: dict, terms: set[str], groups: int | None, head) -> bool:
    if groups is None or head is not None or not terms:
        return False
    if parsed.phrases or parsed.symbols or any(c.wildcard or not c.required for c in parsed.clauses):
        return False
    if any("i" not in entries.get(t, {}) for t in terms):
        return False
    return any("h" in entries[t] for t in terms)


def _postings(columns: list) -> dict[tuple[int, int], list[int]]:
    """``(doc, local) → [weight per field]`` of file-encoded columns."""
    out: dict[tuple[int, int], list[int]] = {}
    for f, column in enumerate(columns):
        if not column:
            continue
        for doc, local, weight in zip(undelta(column[0]), column[1], column[2]):
            out.setdefault((doc, local), [0] * FIELDS)[f] = weight
    return out


def restricted(columns_list: list[list], docs: set[int]) -> list:
    """File-encoded columns of the postings of *docs* in *columns_list* (file-encoded), record order."""
    out = []
    for f in range(FIELDS):
        rows = []
        for columns in columns_list:
            column = columns[f]
            if not column:
                continue
            for k, (doc, local) in enumerate(zip(undelta(column[0]), column[1])):
                if doc in docs:
                    rows.append((doc, local, column[2][k], column[3][k] if column[3] else 0))
        rows.sort()
        if not rows:
            out.append(0)
            continue
        last, deltas = 0, []
        for row in rows:
            deltas.append(row[0] - last)
            last = row[0]
        masks = [r[3] for r in rows]
        out.append([deltas, [r[1] for r in rows], [r[2] for r in rows], masks if any(m != 0 for m in masks) else 0])
    return out


class Tiered:
    """One query's state: the matching records, and the tiers fetched so far."""

    def __init__(self, parsed, entries: dict, terms: set[str], allowed: list[set[int]], read: Callable):
        self.parsed, self.entries, self.read = parsed, entries, read
        self.terms = sorted(terms)
        self.common = [t for t in self.terms if "h" in entries[t]]
        self.fetched: dict[str, set[int]] = {t: set() for t in self.common}  # tiers fetched
        self.tier_of: dict[str, dict[int, int]] = {t: {} for t in self.common}  # document → its tier
        self.tiers: dict[str, list] = {t: [] for t in self.common}  # their columns
        self.known: dict[str, set[int]] = {t: set() for t in self.common}  # their documents
        self.weights: dict[str, dict] = {t: _postings(entries[t]["p"]) for t in self.terms if t not in self.common}
        for t in self.common:
            self.weights[t] = {}
        paragraphs, documents = None, None
        for t in self.terms:
            if t in self.common:
                data = read(f"search/sets/{entries[t]['i']}.json")
                text, docs = set(decode_records(data["t"])), set(decode_records(data["d"]))
                for part in (data["t"], data["d"]):
                    self.tier_of[t].update(zip(undelta(part[0]), part[3]))
            else:
                columns = entries[t]["p"]
                text = {(d, l) for d, l in zip(undelta(columns[0][0]), columns[0][1])} if columns[0] else set()
                docs = {(d, l) for c in columns[1:] if c for d, l in zip(undelta(c[0]), c[1])}
            paragraphs = text if paragraphs is None else paragraphs & text
            documents = docs if documents is None else documents & docs
        keep = lambda key: all(key[0] in a for a in allowed)  # noqa: E731
        self.paragraphs = sorted(k for k in paragraphs if keep(k))
        self.documents = sorted(k for k in documents if keep(k))
        self.docs = sorted({k[0] for k in self.paragraphs} | {k[0] for k in self.documents})
        self.exact_most = 0
        for word in sorted(parsed.exact):
            entry = entries.get(process_term(word) or "")
            self.exact_most += bool(entry and word in entry.get("w", ()))
        self.norm = math.sqrt(len(self.terms))

    def fetch(self, wanted: list[tuple[str, int]]) -> None:
        """The tiers *wanted*: ``(term, tier number)``."""
        for t, k in wanted:
            data = self.read(f"search/tiers/{self.entries[t]['i']}-{k}.json")
            self.fetched[t].add(k)
            self.tiers[t].append(data["p"])
            found = _postings(data["p"])
            self.weights[t].update(found)
            self.known[t].update(doc for doc, _ in found)

    def next_tiers(self, docs: list[int], all_at_once: bool) -> list[tuple[str, int]]:
        """Per common term, the tiers holding *docs* not yet fetched: all, or the first."""
        out = []
        for t in self.common:
            needed = sorted({self.tier_of[t][d] for d in docs if d not in self.known[t]} - self.fetched[t])
            out += [(t, k) for k in (needed if all_at_once else needed[:1])]
        return out

    def complete(self, doc: int) -> bool:
        return all(doc in self.known[t] for t in self.common)

    def entries_for(self, docs: set[int]) -> dict:
        """The query's entries with the postings of *docs* only (the fetched tiers for common terms)."""
        out = dict(self.entries)
        for t in self.terms:
            parts = self.tiers[t] if t in self.common else [self.entries[t]["p"]]
            out[t] = {**self.entries[t], "p": restricted(parts, docs)}
        return out

    def upper(self, key: tuple[int, int], document: bool) -> tuple:
        """The best sort key a record of an incomplete document can have (see the docstring)."""
        score = 0.0
        for f in ((1, 2) if document else (0,)):
            dot = 0.0
            for t in self.terms:
                if t not in self.common or key[0] in self.known[t]:
                    dot += self.weights[t].get(key, (0, 0, 0))[f] / 1000
                else:  # the highest weight of the tier that holds the document
                    dot += self.entries[t]["t"][self.tier_of[t][key[0]]][f] / 1000
            score += dot / self.norm
        score = score * (1 + MARGIN) + MARGIN
        return (not document, -self.exact_most, -_rounded(score), key)


def sort_key(f: Found, exact: dict) -> tuple:
    """A record's place in :func:`~.rank.order` (AND mode, no symbol): smaller comes first."""
    return (not f.document, -exact.get(f.key, 0), -_rounded(f.score), f.key)


def first_documents(ranked: list[Found], n: int) -> list[int]:
    docs, seen = [], set()
    for f in ranked:
        if f.doc not in seen:
            seen.add(f.doc)
            docs.append(f.doc)
            if len(docs) == n:
                break
    return docs


def undecided(state: Tiered, ranked: list[Found], exact: dict, n: int) -> list[int] | None:
    """The incomplete documents that could still come among the first *n* (None: none can)."""
    incomplete = [d for d in state.docs if not state.complete(d)]
    if not incomplete:
        return None
    top = first_documents(ranked, n)
    if len(top) < n:
        return incomplete
    best = next(f for f in ranked if f.doc == top[-1])
    tau = sort_key(best, exact)
    out = set()
    lacking = set(incomplete)
    for keys, document in ((state.paragraphs, False), (state.documents, True)):
        for key in keys:
            if key[0] in lacking and key[0] not in out and state.upper(key, document) < tau:
                out.add(key[0])
    return sorted(out) or None
