"""What the index needs of each search record, computed once per version of a document.

Tokenizing and analyzing the words of every record (and finding the exact forms that
rank « traité » above « traite ») is most of the index build; it depends only on the
record's own texts. :func:`analyze` turns records into compact :class:`RecordTerms`
(per field: its length and its terms with their frequencies, in order of first
appearance; the exact forms of its terms), from which
:meth:`~.postings.Postings.add_analyzed` builds the postings exactly as
:meth:`~.postings.Postings.add` does from the terms themselves. Everything that depends on
the whole corpus (term numbers, idf, average field lengths, weights, heads) is computed
afterwards from these records, so a build may read the analyses of unchanged documents
back from the build cache (:func:`cached`) and analyze only the changed ones.

Guarantees: :func:`analyze` is a pure function of the records' texts, titles, symbols and
languages (an English record's words bring their inflections' terms: :mod:`.english`)
(two equal records give equal analyses; tested against the direct path); :func:`cached`
gives the same analyses as :func:`analyze`, with a key per document that covers the code
version and the document's digest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from build_scripts.search.acronyms import acronym_tokens
from build_scripts.search.english import index_terms
from build_scripts.search.pipeline import process_term
from build_scripts.search.postings import field_terms
from build_scripts.pickling import by_fields
from build_scripts.search.query import exact_words
from build_scripts.search.record import SearchRecord
from build_scripts.search.text import tokenize


@by_fields
@dataclass(frozen=True, slots=True)
class FieldTerms:
    """One field of one record: its length (terms, repeats included) and its distinct terms
    in order of first appearance, with their frequencies."""

    length: int
    terms: tuple[str, ...]
    tfs: tuple[int, ...]


@by_fields
@dataclass(frozen=True, slots=True)
class RecordTerms:
    """One record: a :class:`FieldTerms` per indexed field, and its exact forms
    (``(term, (words as written, …))``; empty when not asked for)."""

    fields: tuple[FieldTerms, ...]
    forms: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _raw(value: str) -> list[str]:
    """The tokens of a field: its words, then the acronyms of the organizations it names."""
    tokens = tokenize(value)
    return [tok.term for tok in tokens] + acronym_tokens(value, tokens)


def exact_forms(text: str) -> dict[str, list[str]]:
    """``{term: [words of *text* as written (lower case, accents kept) that give it]}``."""
    forms: dict[str, list[str]] = {}
    for word in sorted(exact_words(text)):
        term = process_term(word)
        if term is not None:
            forms.setdefault(term, []).append(word)
    return forms


def field_of(terms: Sequence[str]) -> FieldTerms:
    counts: dict[str, int] = {}
    for term in terms:
        counts[term] = counts.get(term, 0) + 1
    return FieldTerms(len(terms), tuple(counts), tuple(counts.values()))


#: Texts an :class:`Analyzer` remembers at most: past them it starts afresh (memory stays bounded
#: however many distinct paragraphs an archive has).
REMEMBERED = 50_000


class Analyzer:
    """Analyzes records, remembering texts already seen (copies of a paragraph are common),
    up to :data:`REMEMBERED` of them."""

    def __init__(self, forms: bool = True):
        self.forms = forms
        self._fields: dict[tuple[str, bool], FieldTerms] = {}
        self._forms: dict[str, tuple] = {}

    def field(self, value: str, english: bool = False) -> FieldTerms:
        found = self._fields.get((value, english))
        if found is None:
            if len(self._fields) >= REMEMBERED:
                self._fields.clear()
            if english:  # each word's terms, then its inflections' (:mod:`.english`)
                terms = [t for raw in _raw(value) for t in index_terms(str(raw).lower())]
            else:
                terms = field_terms(_raw(value))
            found = self._fields[(value, english)] = field_of(terms)
        return found

    def record(self, record: SearchRecord) -> RecordTerms:
        """The analysis of *record*: a paragraph fills ``text`` with its own words, a document
        record ``title`` and ``symbol`` (see :mod:`.index`)."""
        empty = FieldTerms(0, (), ())
        english = record.language == "en"
        if record.fragment:
            fields = (self.field(record.text, english), empty, empty)
        else:
            fields = (empty, self.field(record.title, english), self.field(record.symbol, english))
        if not self.forms:
            return RecordTerms(fields)
        forms = self._forms.get(record.text)
        if forms is None:
            if len(self._forms) >= REMEMBERED:
                self._forms.clear()
            forms = self._forms[record.text] = tuple((t, tuple(w)) for t, w in exact_forms(record.text).items())
        return RecordTerms(fields, forms)


def analyze(records: Iterable[SearchRecord], forms: bool = True, analyzer: Analyzer | None = None) -> list[RecordTerms]:
    """The :class:`RecordTerms` of *records*, in order."""
    analyzer = analyzer or Analyzer(forms)
    return [analyzer.record(r) for r in records]


def cached(groups: Iterable[tuple[str | None, Sequence[SearchRecord]]], store=None,
           key: Callable[[str], str] | None = None) -> Iterator[RecordTerms]:
    """The analyses of records given document by document as ``(cache key part, records)``:
    read from *store* under ``key(part)`` when there, else computed (and stored). A part of
    ``None`` is never cached."""
    for _, found in cached_groups(groups, store, key):
        yield from found


def cached_groups(groups: Iterable[tuple[str | None, Sequence[SearchRecord]]], store=None,
                  key: Callable[[str], str] | None = None) -> Iterator[tuple[Sequence[SearchRecord], tuple[RecordTerms, ...]]]:
    """:func:`cached`, document by document: ``(records, their analyses)``."""
    analyzer = Analyzer(True)
    for part, records in groups:
        k = key(part) if (store is not None and part is not None and key) else None
        found = store.get("search-analysis", k) if k else None
        if found is None or len(found) != len(records):
            found = tuple(analyze(records, analyzer=analyzer))
            if k:
                store.put("search-analysis", k, found)
        yield records, found
