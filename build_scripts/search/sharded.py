"""Querying the sharded index (:mod:`.shards`): the Python twin of ``ShardedSearch`` in ``search.js``.

A query fetches, through ``read(path) -> parsed JSON``:

1. ``search/meta.json`` once;
2. the term buckets of its terms (and of its symbol tokens and exact words, which are
   the same strings or their terms), plus, for a wildcard clause, the prefix bucket of
   its first two characters and the term buckets of every term that prefix reaches;
3. for a filter, the document list of each wanted value;
4. for a phrase, the text chunks of the candidate records (the phrase is checked
   against the text, as :class:`~.query.Searcher` does);
5. to show results, the text chunks of those results only (:meth:`ShardedSearcher.results`);
6. a common term's whole posting list (``search/tails/``) unless its head answers the query
   (one word, the first documents: see :mod:`.heads`; two words: the pair's head, from the
   pair file fetched with the term buckets, see :mod:`.pairs`) or, for the first documents of any
   other query of required words without phrase, wildcard or symbol (several common words,
   a filter, the documents past a head), its tier map and the impact tiers that decide
   them, then its record set for the counts (:mod:`.tiered`).

**Same scores as the whole index.** The fetched terms make a lunr index of their own
(``Index.load`` of the serialization :func:`partial` writes): their term numbers, their
postings, and, per record and field, the field vector *restricted to these terms*
(the weights, exact to the 3 decimals lunr keeps). lunr scores a record as
``Σ_fields (q_f · v_f) / |q_f|``: the query vector ``q_f`` only has entries at the terms
the clauses expand to, which are all fetched (the token set of a wildcard's prefix is
complete), so each dot product adds the same products in the same order (ascending term
number) and ``|q_f|`` is the same: the scores are those of the whole index, bit for bit,
and the matched terms, the required and optional sets, hence the hits, are the same.
Exact forms (``w``, masks), symbol documents (``s``), document records (a hit in the
``title`` or ``symbol`` field) and filters (document lists) give the rest of the ranking
without the store; :func:`~.query.order` ranks. ``tests/test_search_shards.py`` compares
everything with :class:`~.query.Searcher` over the monolithic index.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from lunr.index import Index

from build_scripts.search.query import DEFAULT_LIMIT, FILTERS, ParsedQuery, marks, parse_query, snippet, url
from build_scripts.search.rank import Found, highlighted, lunr_hits, order
from build_scripts.search.pipeline import process_term
from build_scripts.search.shards import bucket, doc_path, prefix_key
from build_scripts.search.text import phrase_key
from build_scripts.search.paired import pair_head, typed_forms
from build_scripts.search.tiered import SETS_AFTER, Tiered, eligible, first_documents, undecided
from build_scripts.search.tiers import undelta

Reader = Callable[[str], object]


class Hits(NamedTuple):
    """What a query matches: the records (ranked) and the true counts."""

    parsed: ParsedQuery
    found: list[Found]
    paragraphs: int  # matching paragraph records
    docs: int  # matching documents
    complete: bool  # found holds every match (False: the first documents', from a head)


def mask_bits(mask) -> int:
    if isinstance(mask, list):
        return sum(1 << b for b in mask)
    return mask


def partial(meta: dict, entries: dict[str, dict], terms: set[str]) -> dict:
    """The lunr serialization of the index restricted to *terms* (present in *entries*)."""
    fields = meta["fields"]
    inverted, vectors = [], {}
    for term in sorted(t for t in terms if "i" in entries.get(t, {})):
        entry = entries[term]
        posting: dict = {}
        for f, name in enumerate(fields):
            column = entry["p"][f]
            posting[name] = {}
            if not column:
                continue
            for doc, local, weight in zip(undelta(column[0]), column[1], column[2]):
                ref = f"{doc}.{local}"
                posting[name][ref] = {}
                vectors.setdefault(f"{name}/{ref}", []).append((entry["i"], weight / 1000))
        posting["_index"] = entry["i"]
        inverted.append([term, posting])
    field_vectors = [[ref, [x for pair in sorted(pairs) for x in pair]] for ref, pairs in vectors.items()]
    return {"version": meta["lunr"], "fields": fields, "fieldVectors": field_vectors,
            "invertedIndex": inverted, "pipeline": meta["pipeline"]}


class ShardedSearcher:
    """Queries the files of :func:`~.shards.shard_files`, read through *read* (cached here)."""

    def __init__(self, read: Reader):
        self._read = read
        self._cache: dict[str, object] = {}
        self.meta = self.read("search/meta.json")
        self.fetched: list[str] = []  # paths read, in order (for tests and benches)

    def read(self, path: str):
        if path not in self._cache:
            self._cache[path] = self._read(path)
            if path != "search/meta.json":
                self.fetched.append(path)
        return self._cache[path]

    def entries(self, keys: set[str]) -> dict[str, dict]:
        out = {}
        for key in sorted(keys):
            data = self.read(f"search/terms/{bucket(key, self.meta['buckets'])}.json")
            if key in data:
                out[key] = data[key]
        return out

    def expand(self, prefix: str) -> list[str]:
        """Every index term starting with *prefix* (a wildcard clause)."""
        terms = self.read(f"search/prefix/{bucket(prefix_key(prefix), self.meta['prefixBuckets'])}.json")
        return [t for t in terms if t.startswith(prefix)]

    def chunk(self, doc: int, local: int) -> dict:
        return self.read(doc_path(doc, local // self.meta["chunk"]))

    def record(self, doc: int, local: int) -> list:
        return self.chunk(doc, local)["r"][local % self.meta["chunk"]]

    def accepted(self, filters: dict | None) -> list[set[int]]:
        """Per active filter, the documents it accepts."""
        out = []
        for name, _ in FILTERS:
            want = (filters or {}).get(name)
            if want is None or want == "" or want == []:
                continue
            values = {str(v) for v in ([want] if isinstance(want, (str, int)) else want)}
            docs: set[int] = set()
            for i, value in enumerate(self.meta["facets"][name]):
                if value in values:
                    docs.update(undelta(self.read(f"search/facets/{name}-{i}.json")))
            out.append(docs)
        return out

    def pair_file(self, parsed: ParsedQuery, groups: int | None) -> dict | None:
        """The pair file of a query of two required words (no phrase, wildcard or symbol) wanting at
        most ``headDocs`` documents, fetched with its term buckets (:mod:`.pairs`); else None."""
        count = self.meta.get("pairBuckets", 0)
        if not count or groups is None or groups > self.meta.get("headDocs", 0) or len(parsed.clauses) != 2:
            return None
        if parsed.phrases or parsed.symbols or any(c.wildcard or not c.required for c in parsed.clauses):
            return None
        a, b = sorted(c.term for c in parsed.clauses)
        return self.read(f"search/pairs/{bucket(a + ' ' + b, count)}.json") if a != b else None

    def head(self, parsed: ParsedQuery, filters: dict | None, entries: dict, groups: int | None,
             pairs: dict | None = None):
        """``({term: columns}, [paragraphs, documents])`` of the head that answers this query's first
        *groups* documents (a common word's, or a pair's from *pairs*, its pair file), or None."""
        if groups is None or groups > self.meta.get("headDocs", 0) or self.accepted(filters):
            return None
        if pairs is not None:
            return pair_head(parsed, entries, pairs)
        if len(parsed.clauses) != 1:
            return None
        clause = parsed.clauses[0]
        entry = entries.get(clause.term, {})
        forms = typed_forms(parsed, [clause.term], entries)
        if clause.wildcard or parsed.phrases or parsed.symbols or "h" not in entry or forms is None:
            return None
        return {clause.term: entry["h"].get(forms[0], entry["h"][""])}, entry["n"]

    def hits(self, q: str, filters: dict | None = None, *, prefix: bool = False, groups: int | None = None) -> Hits:
        """The matching records, ranked (no text fetched but a phrase's candidates').

        With *groups*, a one-word query on a common term may use its head, and a two-word query
        of common words its pair's (:mod:`.pairs`): then ``found`` holds the first *groups*
        documents' matches (at least) and the counts come from the index (``complete`` is
        False); several common words otherwise go through the tiers (:mod:`.tiered`); without
        *groups*, every match.
        """
        parsed = parse_query(q, prefix)
        if not parsed.clauses:
            return Hits(parsed, [], 0, 0, True)
        terms = {c.term for c in parsed.clauses if not c.wildcard}
        for c in parsed.clauses:
            if c.wildcard:
                terms.update(self.expand(c.term))
        exact_terms = {w: process_term(w) for w in parsed.exact}
        entries = self.entries(terms | set(parsed.symbols) | {t for t in exact_terms.values() if t})
        head = self.head(parsed, filters, entries, groups, self.pair_file(parsed, groups))
        if eligible(parsed, entries, terms, groups, head):
            out = self._tiered(parsed, entries, terms, filters, groups)
            if out is not None:
                return out
        for term, columns in (head[0] if head is not None else {}).items():
            entries[term] = {**entries[term], "p": columns}
        for term in sorted(terms):
            if "h" in entries.get(term, {}) and (head is None or term not in head[0]):
                entries[term] = {**entries[term], **self.read(f"search/tails/{entries[term]['i']}.json")}
        found, and_mode = self._match(parsed, entries, terms, self.accepted(filters), True)
        exact = self._exact(found, parsed, entries, exact_terms) if parsed.exact else {}
        symbol_docs: set[int] = set()
        for s in parsed.symbols:
            symbol_docs.update(undelta(entries.get(s, {}).get("s", [])))
        found = order(found, parsed, and_mode, exact, symbol_docs)
        if head is not None:
            paragraphs, docs = head[1]
            return Hits(parsed, found, paragraphs, docs, False)
        return Hits(parsed, found, sum(not f.document for f in found), len({f.doc for f in found}), True)

    def _match(self, parsed: ParsedQuery, entries: dict, terms: set[str], allowed: list[set[int]],
               or_mode: bool) -> tuple[list[Found], bool]:
        """The records lunr matches in the index of *entries* (OR mode if AND finds none and *or_mode*)."""
        index = Index.load(partial(self.meta, entries, terms))
        hits, and_mode = lunr_hits(index, parsed.clauses, True), True
        if not hits and or_mode and parsed.free_required >= 2:
            hits, and_mode = lunr_hits(index, parsed.clauses, False), False
        found = []
        for hit in hits:
            doc, local = (int(x) for x in hit["ref"].split("."))
            if any(doc not in docs for docs in allowed):
                continue
            if parsed.phrases:
                key = " " + phrase_key(self.record(doc, local)[2]) + " "
                if not all(" " + p + " " in key for p in parsed.phrases):
                    continue
            fields = {f for per_term in hit["match_data"].metadata.values() for f in per_term}
            found.append(Found((doc, local), hit["score"], set(hit["match_data"].metadata),
                               bool(fields - {"text"}), doc))
        return found, and_mode

    def _tiered(self, parsed: ParsedQuery, entries: dict, terms: set[str], filters: dict | None,
                groups: int) -> Hits | None:
        """The first *groups* documents from tier maps and impact tiers, then the counts from record
        sets (:mod:`.tiered`); None when nothing matches every word (the general path then tries OR)."""
        state = Tiered(parsed, entries, terms, self.accepted(filters), self.read)
        state.fetch([(t, 0) for t in state.common])  # with the maps (the browser fetches both at once)
        exact_terms = {w: process_term(w) for w in parsed.exact}
        ranked: list[Found] = []
        while state.docs:
            sub = state.entries_for({d for d in state.docs if state.complete(d)})
            found, _ = self._match(parsed, sub, terms, [], False)
            exact = self._exact(found, parsed, sub, exact_terms) if parsed.exact else {}
            ranked = order(found, parsed, True, exact, set())
            need = undecided(state, ranked, exact, groups)
            if need is None:
                break
            more = state.next_tiers(need, len(need) <= groups)
            if not state.exact and any(k >= SETS_AFTER for _, k in more):
                state.narrow()  # deep tiers: the matching records first
                continue
            if not more:
                raise RuntimeError("tiers exhausted before the first documents were decided")
            state.fetch(more)
        if not ranked:
            return None
        top = set(first_documents(ranked, groups))
        state.narrow()  # the counts (the browser asks for them once the first documents are shown)
        return Hits(parsed, [f for f in ranked if f.doc in top], len(state.paragraphs), len(state.docs), False)

    def _exact(self, found: list[Found], parsed: ParsedQuery, entries: dict, exact_terms: dict) -> dict:
        """Per found record, how many query words it holds exactly as typed (from the masks)."""
        wanted = {key: set() for key in (f.key for f in found)}
        for word, term in exact_terms.items():
            entry = entries.get(term or "")
            if not entry or word not in entry.get("w", ()):
                continue
            bit = 1 << entry["w"].index(word)
            holders = set()
            for column in entry["p"]:
                if not column or not column[3]:
                    continue
                for doc, local, mask in zip(undelta(column[0]), column[1], column[3]):
                    if mask_bits(mask) & bit:
                        holders.add((doc, local))
            for key in holders & wanted.keys():
                wanted[key].add(word)
        return {key: len(words) for key, words in wanted.items()}

    def results(self, parsed: ParsedQuery, found: list[Found]) -> list[dict]:
        """Result dicts (those of :meth:`.query.Searcher.query`) for *found*: fetches their chunks."""
        out = []
        for f in found:
            doc, local = f.key
            chunk = self.chunk(doc, local)
            fragment, label, text = chunk["r"][local % self.meta["chunk"]]
            doc_id, title, symbol, type_, body, year = chunk["d"]
            out.append({
                "ref": f"{doc_id}#{fragment}" if fragment else doc_id, "doc_id": doc_id, "title": title,
                "symbol": symbol, "label": label,
                "snippet": snippet(text, marks(text, highlighted(f, parsed), parsed.phrases)),
                "url": url(doc_id, fragment), "score": f.score, "type": type_, "body": body, "year": year,
            })
        return out

    def query(self, q: str, filters: dict | None = None, *, prefix: bool = False,
              limit: int | None = DEFAULT_LIMIT) -> list[dict]:
        """Like :meth:`.query.Searcher.query`."""
        out = self.hits(q, filters, prefix=prefix)
        return self.results(out.parsed, out.found if limit is None else out.found[:limit])
