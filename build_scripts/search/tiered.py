"""Several common words: the first documents from tier maps and impact tiers, the counts from record sets.

The Python twin of ``search-tiers.js``. Used by :meth:`.sharded.ShardedSearcher.hits` for a
query with ``groups`` (the first *N* documents are wanted) whose words are all required,
with at least one common term (see :mod:`.tiers`), no phrase, no wildcard, no symbol token,
every term in the index, and which a head cannot answer. Filters are allowed.

**Candidates.** Per term, the documents holding it in the ``text`` field and in the
``title`` or ``symbol`` field: a common term's tier map (``search/maps/``, which also says
the tier of each), another term's postings (in its bucket). A record matching every word
(lunr's AND: every term in some field of the record) lies in a document of their
intersection, per kind, kept by the filters' documents. An empty intersection falls back to
the general path (which tries OR, as the whole index would).

**First documents, exact (a threshold algorithm).** A document is *complete* once, for
every common term, the tier holding it is fetched: then all its postings of every query
term are in, and the lunr index of the fetched terms restricted to complete documents
scores its records exactly (same argument as :mod:`.sharded`: the restricted field vectors
give the same products in the same order). They are ranked by :func:`~.rank.order`; let
τ be the best record of the *N*-th document. A matching record of an incomplete candidate
lies among the records that hold every term whose postings for that document are in (any
of its records if none is: its first record's place stands for them), and its sort key is
no better than ``(its kind, the most exact words the query can have, the score computed
with, for each term whose tier is not in, the highest weight of that tier per field, its
place)``: lunr's score is a sum of non-negative products divided by ``|q|`` = √(terms),
monotone in every weight, and the bound is taken with a margin far above float noise.
When no such key comes before τ, no incomplete document can come before the *N*-th: the
first *N* documents, their records and order are those of the whole index. Otherwise, per
common term, the first tier not yet in that holds an undecided document is fetched —
every such tier when at most *N* documents are undecided — and again.

**Record sets, when they pay.** A round that would fetch a tier numbered
:data:`SETS_AFTER` or more (past the first 64 + 256 documents of a term: words that seldom
meet in one paragraph, whose candidate documents hold them in different paragraphs) fetches
the terms' record sets first (``search/sets/``): the matching records are then known
exactly (the sets' intersection, per kind), the candidates are their documents, the bounds
are taken on those records only, and the rounds go on. An empty intersection falls back as
above.

**Counts, exact, after.** ``|M ∩ paragraphs|`` and the documents of ``M``, the records of
the sets' intersection: :meth:`Tiered.narrow` fetches the sets once the first documents are
decided, if no round needed them (the browser shows the first documents before).

Rounds are deterministic, so that ``search-shards.js`` fetches the same files.
"""

from __future__ import annotations

import math
from typing import Callable

from build_scripts.search.pipeline import process_term
from build_scripts.search.rank import Found, _rounded
from build_scripts.search.tiers import decode_map, decode_records, undelta

FIELDS = 3  # text, title, symbol
MARGIN = 1e-9
SETS_AFTER = 2  # a round wanting a tier numbered this or more fetches the record sets first


def eligible(parsed, entries: dict, terms: set[str], groups: int | None, head) -> bool:
    if groups is None or head is not None or not terms:
        return False
    if parsed.phrases or parsed.symbols or any(c.wildcard or not c.required for c in parsed.clauses):
        return False
    if any("i" not in entries.get(t, {}) for t in terms):
        return False
    return any("h" in entries[t] for t in terms)


def _postings(columns: list, holders: tuple[dict, dict]) -> dict[tuple[int, int], list[int]]:
    """``(doc, local) → [weight per field]`` of file-encoded columns; adds to *holders* (document →
    its records holding the term in text, → in title or symbol: a weight may round to 0, so
    presence is kept apart)."""
    out: dict[tuple[int, int], list[int]] = {}
    for f, column in enumerate(columns):
        if not column:
            continue
        held = holders[min(f, 1)]
        for doc, local, weight in zip(undelta(column[0]), column[1], column[2]):
            out.setdefault((doc, local), [0] * FIELDS)[f] = weight
            held.setdefault(doc, set()).add(local)
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
    """One query's state: the candidate documents (or matching records), and the tiers fetched so far."""

    def __init__(self, parsed, entries: dict, terms: set[str], allowed: list[set[int]], read: Callable):
        self.parsed, self.entries, self.read, self.allowed = parsed, entries, read, allowed
        self.terms = sorted(terms)
        self.common = [t for t in self.terms if "h" in entries[t]]
        self.fetched: dict[str, set[int]] = {t: set() for t in self.common}  # tiers fetched
        self.tier_of: dict[str, dict[int, int]] = {}  # document → its tier
        self.tiers: dict[str, list] = {t: [] for t in self.common}  # their columns
        self.known: dict[str, set[int]] = {t: set() for t in self.common}  # their documents
        self.holders: dict[str, tuple[dict, dict]] = {t: ({}, {}) for t in self.terms}
        self.weights: dict[str, dict] = {t: {} if t in self.common else _postings(entries[t]["p"], self.holders[t])
                                         for t in self.terms}
        self.exact = False  # the record sets are in: self.paragraphs, self.documents
        self.paragraphs: list[tuple[int, int]] = []
        self.documents: list[tuple[int, int]] = []
        self.by_doc: dict[int, list] = {}
        found: list[set[int] | None] = [None, None]
        for t in self.terms:
            if t in self.common:
                self.tier_of[t], text, titles = decode_map(read(f"search/maps/{entries[t]['i']}.json"))
            else:
                text, titles = set(self.holders[t][0]), set(self.holders[t][1])
            found = [part if before is None else before & part for before, part in zip(found, (text, titles))]
        self.kinds = [{d for d in docs if self.keep(d)} for docs in found]  # candidates: paragraphs, documents
        self.docs = sorted(self.kinds[0] | self.kinds[1])
        self.exact_most = 0
        for word in sorted(parsed.exact):
            entry = entries.get(process_term(word) or "")
            self.exact_most += bool(entry and word in entry.get("w", ()))
        self.norm = math.sqrt(len(self.terms))

    def keep(self, doc: int) -> bool:
        return all(doc in a for a in self.allowed)

    def narrow(self) -> None:
        """Fetch the record sets (once): the matching records exactly; the candidates become their documents."""
        if self.exact:
            return
        found: list[set | None] = [None, None]
        for t in self.terms:
            if t in self.common:
                data = self.read(f"search/sets/{self.entries[t]['i']}.json")
                parts = (set(decode_records(data["t"])), set(decode_records(data["d"])))
            else:
                parts = tuple({(d, l) for d, ls in h.items() for l in ls} for h in self.holders[t])
            found = [part if before is None else before & part for before, part in zip(found, parts)]
        self.paragraphs, self.documents = (sorted(k for k in keys if self.keep(k[0])) for keys in found)
        self.kinds = [{k[0] for k in self.paragraphs}, {k[0] for k in self.documents}]
        self.docs = sorted(self.kinds[0] | self.kinds[1])
        for keys, document in ((self.paragraphs, False), (self.documents, True)):
            for key in keys:
                self.by_doc.setdefault(key[0], []).append((key, document))
        self.exact = True

    def bounds(self, doc: int) -> list[tuple[tuple[int, int], bool]]:
        """``(key, is a document record)`` of the records of the incomplete *doc* that may match (see
        the docstring): the matching ones once the sets are in; else per kind, the records holding
        every term whose postings for *doc* are in, or ``(doc, 0)`` standing for any."""
        if self.exact:
            return self.by_doc.get(doc, [])
        out = []
        for kind, document in ((0, False), (1, True)):
            if doc not in self.kinds[kind]:
                continue
            held = [self.holders[t][kind].get(doc, set()) for t in self.terms
                    if t not in self.common or doc in self.known[t]]
            out += [((doc, local), document) for local in sorted(set.intersection(*held))] if held else [((doc, 0), document)]
        return out

    def fetch(self, wanted: list[tuple[str, int]]) -> None:
        """The tiers *wanted*: ``(term, tier number)``."""
        for t, k in wanted:
            data = self.read(f"search/tiers/{self.entries[t]['i']}-{k}.json")
            self.fetched[t].add(k)
            self.tiers[t].append(data["p"])
            found = _postings(data["p"], self.holders[t])
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
    pending = {d: b for d in state.docs if not state.complete(d) for b in [state.bounds(d)] if b}
    if not pending:
        return None
    top = first_documents(ranked, n)
    if len(top) < n:
        return sorted(pending)
    best = next(f for f in ranked if f.doc == top[-1])
    tau = sort_key(best, exact)
    out = [d for d in sorted(pending) if any(state.upper(key, document) < tau for key, document in pending[d])]
    return out or None
