"""Querying a built index: the Python twin of ``search.js``.

``search.js`` does exactly this in the browser; the parity tests run both on
the same index and compare the results. The rules:

Query syntax
    Text between double quotes (``"…"``, ``“…”``, ``«…»``, ``„…``) is a
    *phrase*; an unclosed quote runs to the end. The rest is free words.
    Free words and phrase words go through :func:`tokenize` and the pipeline
    (elision, stop words, stemming, folding), so ``etats membres`` meets
    ``États Membres`` and ``l’Office`` meets ``office``.

Matching
    Every term is required (AND). A symbol token is matched through its short
    form (``A/RES/74/176`` requires ``74/176``, the full token only adds to the
    score). When AND finds nothing and the query has two free terms or more,
    the free terms become optional (OR); phrase terms stay required.
    With ``prefix=True`` (search as you type) the last free word, if the
    query ends inside it, also matches as a prefix of index terms (lunr's
    trailing wildcard on its processed form, two characters at least).

Phrases
    Candidates must hold every phrase term (lunr), then the phrase itself:
    ``" " + phrase_key(phrase) + " "`` inside ``" " + phrase_key(text) + " "``
    (folded words, stop words kept, elided letters dropped).

Filters
    ``{"type": ..., "body": ..., "year": ...}``, each a string or a list of
    strings (any of them), applied to the document of each result.

Order
    First by the number of query words a record holds exactly as typed
    (lower case, accents kept: ``traité`` prefers « traité », ``traite``
    prefers « traite »; ``etats`` still finds « États », which no record
    holds exactly), then by score (lunr's BM25), rounded to 1e-6 so that
    float noise between lunr.py and lunr.js cannot swap near-ties, then by
    record order.
    *Document hits* (records without a fragment, indexed by title and
    symbol only) found with every term required come before paragraph hits:
    a query whose every word is in a document's title names that document.
    *Symbol queries*: documents whose symbol (or its short form) equals a
    query token with a digit (``74/176``, ``A/RES/74/176``, ``2015/23``,
    ``2388``) come first; if the query holds nothing but such tokens, each of
    those documents appears once (its best paragraph) before the mentions of
    the symbol in other documents.

Results
    Dicts ``{ref, doc_id, title, symbol, label, snippet, url, score, type,
    body, year}``. ``snippet`` is HTML: the paragraph text (when longer, a window
    of about :data:`SNIPPET_CHARS` characters: the one that shows the most
    distinct matched words, ``women`` and ``migrants`` rather than ``migrants``
    twice),
    escaped, with matched words and phrases in ``<mark>``. ``url`` is relative
    to the site root: ``documents/<doc_id>/#<paragraph id>``. Offsets count
    code points here and UTF-16 units in JavaScript: snippets of text with
    characters beyond the BMP may be cut a character apart.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from lunr.index import Index

from build_scripts.search import pipeline  # noqa: F401  (registers the functions)
from build_scripts.search.acronyms import names_of
from build_scripts.search.english import related_terms
from build_scripts.search.pipeline import process_term
from build_scripts.search.rank import Found, highlighted, lunr_hits, order
from build_scripts.search.stopwords import is_stop_word
from build_scripts.search.text import DIGIT_RE, fold, phrase_key, prepare, tokenize

SNIPPET_CHARS = 300
SNIPPET_LEAD = 80
DEFAULT_LIMIT = 50
FILTERS = (("type", 3), ("body", 4), ("year", 5))

_QUOTES_RE = re.compile("[\u201c\u201d\u00ab\u00bb\u201e]")
_URL_SAFE = "!*'()"


@dataclass
class Clause:
    term: str
    required: bool  # required in AND mode
    wildcard: bool
    phrase: bool  # required in every mode


@dataclass
class ParsedQuery:
    clauses: list[Clause]
    phrases: list[str]  # phrase keys
    symbols: set[str]  # folded query tokens with a digit
    symbol_only: bool  # nothing but such tokens, no phrase
    free_required: int  # free clauses required in AND mode
    free_terms: set[str] = field(default_factory=set)  # terms typed outside quotes (highlighted one by one)
    exact: set[str] = field(default_factory=set)  # the words as typed (lower case, accents kept), for exact forms


def _add(clauses: list[Clause], raw: str, required: bool, wildcard: bool, phrase: bool) -> None:
    term = process_term(raw)
    if term is None:
        return
    wildcard = wildcard and len(term) >= 2
    for clause in clauses:
        if clause.term == term and clause.wildcard == wildcard:
            clause.required = clause.required or required
            clause.phrase = clause.phrase or phrase
            return
    clauses.append(Clause(term, required, wildcard, phrase))


def parse_query(q: str, prefix: bool = False) -> ParsedQuery:
    """Split *q* into lunr clauses, phrase keys and symbol tokens."""
    parts = _QUOTES_RE.sub('"', q).split('"')
    free = " ".join(parts[0::2])
    phrases = [key for key in (phrase_key(p) for p in parts[1::2]) if key]
    clauses: list[Clause] = []
    tokens = tokenize(free)
    ends_in_word = (
        prefix and len(parts) % 2 == 1 and bool(tokens) and tokens[-1].end == len(prepare(free))
    )
    primaries = [i for i, tok in enumerate(tokens) if not tok.alias]
    for i in primaries:
        tok = tokens[i]
        wildcard = ends_in_word and i == primaries[-1]
        if i + 1 < len(tokens) and tokens[i + 1].alias:
            _add(clauses, tokens[i + 1].term, True, wildcard, False)
            _add(clauses, tok.term, False, wildcard, False)
        else:
            _add(clauses, tok.term, True, wildcard, False)
    free_required = sum(1 for c in clauses if c.required)
    free_terms = {c.term for c in clauses}
    for part in parts[1::2]:
        for tok in tokenize(part):
            if not tok.alias:
                _add(clauses, tok.term, True, False, True)
    symbols = {fold(tok.term) for tok in tokens if DIGIT_RE.search(tok.term)}
    symbol_only = (
        not phrases and bool(primaries) and all(DIGIT_RE.search(tokens[i].term) for i in primaries)
    )
    exact = exact_words(free + " " + " ".join(parts[1::2]))
    return ParsedQuery(clauses, phrases, symbols, symbol_only, free_required, free_terms, exact)


def exact_words(text: str) -> set[str]:
    """The words of *text* as written (lower case, accents kept), stop words and numbers aside."""
    return {tok.term.lower() for tok in tokenize(text)
            if not tok.alias and not DIGIT_RE.search(tok.term) and not is_stop_word(tok.term)}


def _accepts(filters: dict | None, doc: list[str]) -> bool:
    if not filters:
        return True
    for name, column in FILTERS:
        want = filters.get(name)
        if want is None or want == "" or want == []:
            continue
        values = [want] if isinstance(want, (str, int)) else list(want)
        if doc[column] not in {str(v) for v in values}:
            return False
    return True


def escape(text: str) -> str:
    """HTML escape: ``& < > " '``."""
    return html.escape(text, quote=True)


def marks(text: str, terms: set[str], phrases: list[str]) -> list[list[int]]:
    """``[start, end)`` ranges of *text* to highlight, sorted and merged."""
    tokens = tokenize(text)
    ranges = [[t.start, t.end] for t in tokens  # a word, or an inflection of it (:func:`.english.related_terms`)
              if process_term(t.term) in terms or not terms.isdisjoint(related_terms(t.term.lower()))]
    names = sorted({key for term in terms for key in names_of(term)})  # an acronym marks the names it stands for
    if phrases or names:
        words = [t for t in tokens if not t.alias]
        folded = [fold(t.term) for t in words]
        for key in [*phrases, *names]:
            wanted = key.split(" ")
            n = len(wanted)
            for i in range(len(folded) - n + 1):
                if folded[i:i + n] == wanted:
                    ranges.append([words[i].start, words[i + n - 1].end])
    ranges.sort()
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _best_window(text: str, ranges: list[list[int]]) -> int:
    """Where the window of a long text starts showing: at the mark whose window (from
    :data:`SNIPPET_LEAD` before it, :data:`SNIPPET_CHARS` long) shows the most distinct
    marked words (folded), the first such mark on a tie; 0 without marks."""
    best, best_count = (ranges[0][0] if ranges else 0), 0
    for a, _ in ranges:
        lo = max(0, a - SNIPPET_LEAD)
        count = len({fold(text[x:y]) for x, y in ranges if x >= lo and y <= lo + SNIPPET_CHARS})
        if count > best_count:
            best, best_count = a, count
    return best


def snippet(text: str, ranges: list[list[int]]) -> str:
    """Escaped HTML of (a window of) *text* with *ranges* in ``<mark>``."""
    n = len(text)
    start, end = 0, n
    if n > SNIPPET_CHARS:
        first = _best_window(text, ranges)
        start = max(0, first - SNIPPET_LEAD)
        if start > 0:
            space = text.find(" ", start)
            if space != -1 and space < first:
                start = space + 1
        end = min(n, start + SNIPPET_CHARS)
        if end < n:
            space = text.rfind(" ", start, end)
            if space > start:
                end = space
    out = ["… " if start > 0 else ""]
    pos = start
    for a, b in ranges:
        a, b = max(a, pos), min(b, end)
        if a >= b:
            continue
        out.append(escape(text[pos:a]))
        out.append("<mark>" + escape(text[a:b]) + "</mark>")
        pos = b
    out.append(escape(text[pos:end]))
    if end < n:
        out.append(" …")
    return "".join(out)


def url(doc_id: str, fragment: str) -> str:
    """``documents/<doc_id>/#<fragment>``, each part percent-encoded like encodeURIComponent."""
    path = f"documents/{quote(doc_id, safe=_URL_SAFE)}/"
    return path + (f"#{quote(fragment, safe=_URL_SAFE)}" if fragment else "")


class Searcher:
    """A loaded index and store, queried like ``ArchiveSearch.query``."""

    def __init__(self, index: dict, store: dict):
        self.index = Index.load(index)
        self.docs = store["docs"]
        self.records = store["records"]
        self._phrase_keys: dict[int, str] = {}
        self._doc_symbols: dict[int, set[str]] = {}
        self._exact: dict[int, set[str]] = {}

    def lunr(self, clauses: list[Clause], and_mode: bool) -> list[dict]:
        """Raw lunr results for *clauses*: ``[{ref, score, match_data}]``."""
        return lunr_hits(self.index, clauses, and_mode)

    def _phrase_key(self, row: int) -> str:
        if row not in self._phrase_keys:
            self._phrase_keys[row] = " " + phrase_key(self.records[row][3]) + " "
        return self._phrase_keys[row]

    def _exact_words(self, row: int) -> set[str]:
        if row not in self._exact:
            self._exact[row] = exact_words(self.records[row][3])
        return self._exact[row]

    def _symbols(self, doc: int) -> set[str]:
        if doc not in self._doc_symbols:
            self._doc_symbols[doc] = {fold(t.term) for t in tokenize(self.docs[doc][2])}
        return self._doc_symbols[doc]

    def query(
        self,
        q: str,
        filters: dict | None = None,
        *,
        prefix: bool = False,
        limit: int | None = DEFAULT_LIMIT,
    ) -> list[dict]:
        """Ranked results for *q* (see the module docstring)."""
        parsed = parse_query(q, prefix)
        if not parsed.clauses:
            return []
        hits, and_mode = self.lunr(parsed.clauses, True), True
        if not hits and parsed.free_required >= 2:
            hits, and_mode = self.lunr(parsed.clauses, False), False
        found = []
        for hit in hits:
            row = int(hit["ref"])
            record = self.records[row]
            if not _accepts(filters, self.docs[record[0]]):
                continue
            if parsed.phrases:
                key = self._phrase_key(row)
                if not all(" " + p + " " in key for p in parsed.phrases):
                    continue
            found.append(Found(row, hit["score"], set(hit["match_data"].metadata), not record[1], record[0]))
        exact = {f.key: len(parsed.exact & self._exact_words(f.key)) for f in found} if parsed.exact else {}
        symbol_docs = {f.doc for f in found if self._symbols(f.doc) & parsed.symbols} if parsed.symbols else set()
        found = order(found, parsed, and_mode, exact, symbol_docs)
        if limit is not None:
            found = found[:limit]
        return [self._result(f.key, f.score, highlighted(f, parsed), parsed.phrases) for f in found]

    def _result(self, row: int, score: float, terms: set[str], phrases: list[str]) -> dict:
        doc_index, fragment, label, text = self.records[row]
        doc_id, title, symbol, type_, body, year = self.docs[doc_index]
        return {
            "ref": f"{doc_id}#{fragment}" if fragment else doc_id,
            "doc_id": doc_id,
            "title": title,
            "symbol": symbol,
            "label": label,
            "snippet": snippet(text, marks(text, terms, phrases)),
            "url": url(doc_id, fragment),
            "score": score,
            "type": type_,
            "body": body,
            "year": year,
        }
