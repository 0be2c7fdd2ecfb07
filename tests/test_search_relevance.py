"""Relevance: what a researcher expects a query to find, on the seeds and the real English documents.

``fixtures/search/relevance.yml`` lists queries with the documents or
paragraphs a reader expects and the rank within which each must come
(``expect``: all of them; ``expect_any``: one of them), written by reading
the texts, not the results. The index is built as the site builds it
(:func:`build_scripts.search.stage.records`) over the five seeds and the 61
real documents. Besides each query's test, the figures the README reports
are computed here: success at rank 1 and 3, and the share of paragraph hits
whose own text holds a query word (which must be 100 %).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_scripts import corpus as corpus_mod
from build_scripts.search.index import build
from build_scripts.search.query import Searcher
from build_scripts.search.stage import records
from build_scripts.sources import read_source
from conftest import SEEDS, normalize_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = yaml.safe_load((FIXTURES / "search" / "relevance.yml").read_text(encoding="utf-8"))
REAL = sorted((FIXTURES / "real").glob("*/*.txt"))


@pytest.fixture(scope="module")
def searcher():
    docs = [normalize_file(p).document for p in SEEDS] + [read_source(p).document for p in REAL]
    index, store = build(records(corpus_mod.build(docs)))
    return Searcher(index, store)


def rank(results: list[dict], want: dict) -> int | None:
    """1-based rank of the first result matching *want* (``{doc: id}`` or ``{ref: id#para}``)."""
    for n, r in enumerate(results, start=1):
        if ("ref" in want and r["ref"] == want["ref"]) or ("doc" in want and r["doc_id"] == want["doc"]):
            return n
    return None


def best(results: list[dict], case: dict) -> int | None:
    """The rank that decides the case: the worst of ``expect``, or the best of ``expect_any``."""
    if "expect" in case:
        ranks = [rank(results, w) for w in case["expect"]]
        return None if None in ranks else max(ranks)
    ranks = [r for r in (rank(results, w) for w in case["expect_any"]) if r is not None]
    return min(ranks) if ranks else None


#: Known misses, kept in the set so that they show: the reason, and the test fails the day they pass.
KNOWN_MISSES = {
    "kidnapper": "the Snowball French stemmer leaves « kidnappent » whole (kidnapp / kidnappent)",
}


def _cases():
    for case in CASES:
        miss = KNOWN_MISSES.get(case["query"])
        marks = [pytest.mark.xfail(reason=miss, strict=True)] if miss else []
        yield pytest.param(case, id=case["query"], marks=marks)


@pytest.mark.parametrize("case", list(_cases()))
def test_query_finds_what_a_reader_expects(searcher, case):
    results = searcher.query(case["query"], limit=None)
    found = best(results, case)
    top = [r["ref"] for r in results[:5]]
    assert found is not None and found <= case["within"], f"rank {found}, top 5: {top} ({case.get('why', '')})"


def test_relevance_figures(searcher):
    """Success at 1 and 3 over the whole set, and honest paragraph hits (printed for the README)."""
    at1 = at3 = 0
    hits = honest = 0
    for case in CASES:
        results = searcher.query(case["query"], limit=None)
        found = best(results, case)
        at1 += found is not None and found <= 1
        at3 += found is not None and found <= 3
        for r in results:
            if r["label"] != "document":
                hits += 1
                honest += "<mark>" in r["snippet"]
    print(f"\nrelevance: {len(CASES)} queries, success@1 {at1 / len(CASES):.0%}, success@3 {at3 / len(CASES):.0%}, "
          f"paragraph hits holding a query word {honest}/{hits}")
    assert len(CASES) >= 40
    assert honest == hits, "a paragraph hit without a query word in its own text"
