"""Per-document search analyses (``build_scripts/search/analysis.py``) and their cache.

* postings fed with analyses equal postings fed with the analyzed terms (the path lunr.py's
  Builder is compared with), exact forms included;
* the sharded files made from cached analyses are the files made from scratch, and a changed
  document is analyzed again while the others are read back;
* the analysis of a record depends on its own texts only (property test).
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings, strategies as st

from build_scripts.cache.store import Store
from build_scripts.search.analysis import Analyzer, analyze, cached, exact_forms
from build_scripts.search.index import FIELDS, build_postings, field_tokens
from build_scripts.search.postings import Postings, field_terms
from build_scripts.search.record import SearchRecord
from build_scripts.search.shards import shard_files
from build_scripts.search.text import tokenize
from test_search_parity import TRICKY_TEXTS, seed_records


def _direct(records) -> Postings:
    """The postings from the terms themselves (``Postings.add``), exact forms included."""
    postings = Postings(FIELDS)
    for record in records:
        terms = field_terms(field_tokens(record.text if record.fragment else record.title))  # acronyms included
        symbol = [] if record.fragment else field_terms(field_tokens(record.symbol))
        per_field = [terms, [], []] if record.fragment else [[], terms, symbol]
        postings.add(per_field, exact_forms(record.text))
    return postings


def _state(postings: Postings):
    return ({t: (p.index, [list(r) for r in p.rows], [list(x) for x in p.tfs], p.masks, p.forms)
             for t, p in postings.terms.items()}, [list(x) for x in postings.lengths], postings.serialize())


def test_analyses_give_the_postings_of_the_terms_themselves():
    records = seed_records()
    assert _state(build_postings(records, forms=True)) == _state(_direct(records))


def test_tricky_texts_analyze_as_their_terms():
    records = [SearchRecord(ref=f"d#p{i}", doc_id="d", title="T", symbol="A/1", type="resolution", body="ga",
                            year="2020", label=f"par. {i}", text=text) for i, text in enumerate(TRICKY_TEXTS)]
    assert _state(build_postings(records, forms=True)) == _state(_direct(records))


def _groups(records):
    by_doc: dict[str, list] = {}
    for r in records:
        by_doc.setdefault(r.doc_id, []).append(r)
    return [(f"digest-{doc}", rs) for doc, rs in by_doc.items()]


def test_cached_analyses_give_the_same_files_and_only_a_changed_document_is_analyzed_again(tmp_path):
    records = seed_records()
    fresh = dict(shard_files(records))
    store = Store(tmp_path, memory=False)
    assert dict(shard_files(records, analyses=cached(_groups(records), store, lambda part: part))) == fresh
    assert store.missed["search-analysis"] == len(_groups(records))
    changed = [dataclasses.replace(r, text=r.text + " zorglub") if r.ref == records[3].ref else r for r in records]
    groups = [(part + ("-2" if any(r.ref == records[3].ref for r in rs) else ""), rs) for part, rs in _groups(changed)]
    again = Store(tmp_path, memory=False)
    assert dict(shard_files(changed, analyses=cached(groups, again, lambda part: part))) == dict(shard_files(changed))
    assert again.missed["search-analysis"] == 1 and again.hits == len(groups) - 1


def test_a_stale_entry_of_another_length_is_not_used(tmp_path):
    records = seed_records()
    groups = _groups(records)
    store = Store(tmp_path, memory=False)
    part, first = groups[0]
    store.put("search-analysis", part, tuple(analyze(first[:1])))  # a wrong entry: one record only
    assert list(cached(groups, store, lambda p: p)) == analyze(records)


words = st.text(alphabet="aàeéiîoôuœçAÉ -’'/0123456789«»", max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=6))
def test_a_records_analysis_depends_on_its_own_text_only(texts):
    records = [SearchRecord(ref=f"d#p{i}", doc_id="d", title="T", symbol="A/1", type="resolution", body="ga",
                            year="2020", label=f"par. {i}", text=t) for i, t in enumerate(texts)]
    shared = Analyzer()
    together = analyze(records, analyzer=shared)
    alone = [analyze([r])[0] for r in records]
    assert together == alone


def test_an_analyzer_that_forgets_gives_the_same_analyses(monkeypatch):
    """The analyzer's memory of texts seen is bounded (:data:`REMEMBERED`); starting afresh
    when it is full changes nothing but the time taken."""
    from build_scripts.search import analysis

    records = seed_records()
    remembered = analyze(records)
    monkeypatch.setattr(analysis, "REMEMBERED", 3)
    forgetful = Analyzer(True)
    assert [forgetful.record(r) for r in records] == remembered
    assert len(forgetful._fields) <= 3 and len(forgetful._forms) <= 3


def test_term_frequencies_and_masks_are_held_in_the_narrowest_array_that_fits():
    """Most term frequencies and exact-form masks fit in a byte: their arrays start at one byte an
    entry and widen (two, four, eight bytes, then a list) only when a value does not fit; the
    values read back are the values put in."""
    from array import array

    from build_scripts.search.postings import Postings, _append
    from build_scripts.search.index import FIELDS

    columns = [array("B")]
    values = [1, 255, 256, 70_000, 1 << 40, 1 << 70, 3]
    for value in values:
        _append(columns, 0, value)
    assert columns[0] == values and isinstance(columns[0], list)
    narrow = [array("B")]
    _append(narrow, 0, 300)
    assert narrow[0].typecode == "H" and list(narrow[0]) == [300]
    postings = Postings(FIELDS, keep_order=False)
    postings.add([["droit"] * 300, [], []], {"droit": ["droits"]})
    postings.add([["droit"], [], []])
    term = postings.terms["droit"]
    assert term.tfs[0].typecode == "H" and list(term.tfs[0]) == [300, 1]
    assert term.masks[0].typecode == "B" and postings.masks_of("droit", 0) == [1, 0]
