"""Heads of common pairs (two common words): the first documents and counts of one lunr index, from one file.

* which pairs: :class:`Adjacent` counts terms that follow one another, once both are frequent;
* :func:`pair_head` ranks as :func:`~build_scripts.search.rank.order` does (document records, exact forms,
  score, record order), one head per combination of typed forms;
* :class:`ShardedSearcher` (Python) and ``search-shards.js`` (node): every pair of the real texts' index
  (low thresholds), each combination of forms, in both word orders, answered from the pair file alone
  (no tier, map, set or tail), with the first documents, matches, scores, order and counts of the
  monolithic index, the two twins fetching the same files;
* randomized (hypothesis): small archives where every word is common, two-word queries.
"""

from __future__ import annotations

import json
import random
from array import array

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.search import Searcher, build
from build_scripts.search.analysis import FieldTerms, RecordTerms
from build_scripts.search.pairs import Adjacent, pair_head, record_key, term_data, words
from build_scripts.search.sharded import ShardedSearcher
from tests.support.searchjs import run_search_js
from test_search_shards import files_of, first_groups, monolithic, real_records, reader  # noqa: F401
from test_search_tiers import VOCAB, expected, random_archive

import pytest

PAIRS = {"head_min": 20, "head_docs": 4, "tier_docs": 2, "pair_min": 5, "pair_seen": 3}


@pytest.fixture(scope="module")
def pair_files(real_records):  # noqa: F811
    return files_of(real_records, **PAIRS)


def _analysis(*terms: str) -> RecordTerms:
    return RecordTerms((FieldTerms(len(terms), terms, (1,) * len(terms)), FieldTerms(0, (), ()), FieldTerms(0, (), ())))


def test_a_words_inflections_do_not_stand_between_it_and_the_next_word():
    assert list(words(["united", "uniting", "nation", "nations", "general"])) == ["united", "nation", "general"]
    assert list(words(["act", "acted", "acting", "plan"])) == ["act", "plan"]


def test_adjacent_counts_frequent_neighbours_only():
    counter = Adjacent(seen=2)
    counter.add(_analysis("human", "right", "council"))  # seen once: not counted yet
    counter.add(_analysis("right", "human", "rare"))
    counter.add(_analysis("human", "right"))
    assert counter.pairs == {("human", "right"): 2}
    assert counter.frequent({"human", "right"}, minimum=2) == [("human", "right")]
    assert counter.frequent({"human"}, minimum=1) == []  # both must be common
    counter.add(_analysis("human", "2015"))
    counter.add(_analysis("human", "2015"))
    assert counter.frequent({"human", "2015"}, minimum=1) == []  # a number makes a symbol query
    assert counter.frequent({"human", "right"}, minimum=3) == []


def test_adjacent_forgets_the_least_counted_pairs_past_its_bound():
    counter = Adjacent(seen=1, most=4)
    for _ in range(3):
        counter.add(_analysis("human", "right"))
    counter.add(_analysis("alpha", "beta", "gamma", "delta", "epsilon"))  # four pairs once: six in all
    assert counter.pairs == {("human", "right"): 3}  # the pairs counted once are forgotten


def test_pair_head_ranks_documents_forms_and_scores():
    # columns per field (text, title, symbol): [docs, locals, weights ×1,000, masks]
    a = ([[[0, 1, 2], [1, 1, 1], [1000, 3000, 500], [1, 2, 1]], [[3], [0], [200], 0], 0], ["rights", "right"])
    b = ([[[0, 1, 2, 4], [1, 1, 1, 1], [1000, 1000, 1000, 700], [1, 1, 1, 1]], 0, [[3], [0], [100], [1]]], ["human"])
    head = pair_head(term_data(*a), term_data(*b), head_docs=2)
    # both terms: paragraphs (0,1) (1,1) (2,1); document record (3,0) (a in its title, b in its symbol)
    assert head["n"] == [3, 4]
    assert head["h"]["rights human"] == [0, 3]  # the document record first, then both typed forms: doc 0 (score)
    assert head["h"]["right human"] == [1, 3]  # « right » is held by doc 1 only
    assert head["h"][" "] == [1, 3]  # no typed form held: the document record, then the best score
    assert head["p"][0][0][0] == [0, 1] and head["p"][0][1][0] == [3]  # the heads' documents only
    assert head["p"][1][0][0] == [0, 1] and head["p"][1][2][0] == [3]
    assert pair_head(term_data([[[0], [0], [1000], 0], 0, 0], ["x"]), term_data([[[1], [0], [1000], 0], 0, 0], ["y"])) is None


def test_term_data_is_held_as_arrays_and_keeps_masks_wider_than_64_bits():
    wide = term_data([[[0, 1, 5], [1, 2, 0], [1000, 2000, 300], [1, 1 << 70, 0]], 0, 0], [f"f{i}" for i in range(71)])
    narrow = term_data([[[0, 1, 4], [1, 2, 0], [1000, 2000, 100], [1, 1, 1]], 0, 0], ["x"])
    assert all(isinstance(c, array) for c in narrow.columns[0]) and isinstance(narrow.text, array)
    assert wide.columns[0][3] == [1, 1 << 70, 0]  # a mask past 63 bits: its column stays a list
    assert wide.places() == {record_key(0, 1): 0, record_key(1, 2): 1, record_key(5, 0): 2}
    assert list(wide.text) == sorted(wide.text)  # record order
    head = pair_head(wide, narrow, head_docs=1)
    assert head["n"] == [2, 2]
    assert head["h"]["f70 x"] == [1] and head["h"]["f0 x"] == [0]  # the wide form's bit is still read
    assert head["p"][0][0] == [[0, 1], [1, 2], [1000, 2000], [1, 1 << 70]]  # lists again in the file


def _pair_queries(files: dict[str, str], limit: int | None = None) -> list[tuple]:
    pairs = {}
    for path, text in files.items():
        if path.startswith("search/pairs/"):
            pairs.update(json.loads(text))
    out = []
    for key in sorted(pairs)[:limit]:
        a, b = key.split(" ")
        for combo in sorted(pairs[key]["h"]):
            form_a, form_b = combo.split(" ")
            out.append((f"{form_a or a} {form_b or b}", None, 4))
            out.append((f"{form_b or b} {form_a or a}", None, 1))
    return out


def test_python_two_common_words_from_the_pair_file(pair_files, monolithic):  # noqa: F811
    queries = _pair_queries(pair_files, limit=100)
    assert len(queries) > 500
    used = 0
    for q, filters, n in queries:
        searcher = ShardedSearcher(reader(pair_files))
        out = searcher.hits(q, filters, groups=n)
        got = searcher.results(out.parsed, out.found)
        groups, paragraphs, docs = expected(monolithic, q, filters, n)
        assert first_groups(got, n) == groups, q
        assert (out.paragraphs, out.docs) == (paragraphs, docs), q
        kinds = {p.split("/")[1] for p in searcher.fetched} - {"docs"}
        if "pairs" in kinds and kinds <= {"pairs", "terms"}:
            used += 1
    # the others type a term as it is indexed (the combination ""), which is also a form of it outside the
    # PAIR_FORMS kept: no head for them, the tiers answer (the same results, above)
    assert used > 0.9 * len(queries)


def test_a_filter_or_more_documents_take_the_tiers(pair_files, monolithic):  # noqa: F811
    q = _pair_queries(pair_files, limit=1)[0][0]
    for filters, n in (({"type": "resolution"}, 3), (None, 5)):  # headDocs is 4
        searcher = ShardedSearcher(reader(pair_files))
        out = searcher.hits(q, filters, groups=n)
        assert first_groups(searcher.results(out.parsed, out.found), n) == expected(monolithic, q, filters, n)[0]
        assert any(p.startswith("search/tiers/") for p in searcher.fetched)


def test_node_two_common_words_match_python(node, tmp_path, pair_files, monolithic):  # noqa: F811
    queries = _pair_queries(pair_files, limit=40)
    for path, text in pair_files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    spec = {"shards": str(tmp_path), "groups": 1,
            "queries": [{"q": q, "filters": f, "groups": n, "options": {"limit": None}} for q, f, n in queries]}
    out = run_search_js(node, tmp_path, spec, timeout=600)
    for i, (q, filters, n) in enumerate(queries):
        js = out["headResults"][i]
        python = ShardedSearcher(reader(pair_files))
        py = python.hits(q, filters, groups=n)
        python.results(py.parsed, py.found)
        groups = expected(monolithic, q, filters, n)[0]
        assert [(d, [r for r, _ in hits]) for d, hits in first_groups(js["results"], n)] == [
            (d, [r for r, _ in hits]) for d, hits in groups], q
        for (_, js_hits), (_, hits) in zip(first_groups(js["results"], n), groups):
            assert [s for _, s in js_hits] == pytest.approx([s for _, s in hits], abs=1e-6)
        assert (js["paragraphs"], js["docs"], js["complete"]) == (py.paragraphs, py.docs, py.complete), q
        assert set(js["fetched"]) == set(python.fetched), q


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), docs=st.integers(2, 14))
def test_random_archives_two_words(seed, docs):
    rng = random.Random(seed)
    records = random_archive(rng, docs)
    files = files_of(records, head_min=2, head_docs=3, tier_docs=1, pair_min=1, pair_seen=1)
    mono = Searcher(*build(records))
    for _ in range(8):
        q = f"{rng.choice(VOCAB)} {rng.choice(VOCAB)}"
        n = rng.randint(1, 3)
        searcher = ShardedSearcher(reader(files))
        out = searcher.hits(q, None, groups=n)
        groups, paragraphs, count = expected(mono, q, None, n)
        assert first_groups(searcher.results(out.parsed, out.found), n) == groups, (q, n)
        assert (out.paragraphs, out.docs) == (paragraphs, count), (q, n)
