"""English inflections in the index (``build_scripts/search/english.py``): a rule per test,
the guarantee that a snippet marks every word a paragraph was found by (property), the word
list kept up to date, and the browser's twin (``search.js``'s ``relatedTerms``) under node."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from build_scripts.search import english
from build_scripts.search.pipeline import process_term
from build_scripts.search.text import tokenize
from tests.support.searchjs import run_search_js

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("word, base", [
    ("countries", "country"), ("parties", "party"), ("applied", "apply"),  # -ies, -ied -> -y
    ("churches", "church"), ("processes", "process"), ("states", "state"),  # -es, -s
    ("rights", "right"), ("noted", "note"), ("united", "unite"), ("requested", "request"),  # -d, -ed
    ("committed", "commit"), ("planned", "plan"),  # doubled consonant
    ("women", "woman"), ("children", "child"), ("held", "hold"), ("undertaken", "undertake"),  # irregular
    ("developing", "develop"), ("noting", "note"), ("including", "include"),  # -ing, -e restored
    ("country", "country"), ("status", "status"), ("crisis", "crisis"), ("business", "business"),  # not inflected
    ("news", "news"), ("series", "series"), ("during", "during"), ("evening", "evening"),  # look inflected, are not
    ("zalralobabax", "zalralobabax"), ("développés", "développés"), ("a2b", "a2b"),  # unknown, not English, not a word
])
def test_lemma(word, base):
    assert english.lemma(word) == base


def test_a_word_is_indexed_under_its_lemmas_inflections():
    terms = english.index_terms("countries")
    assert terms[0] == process_term("countries")  # its own term first
    assert process_term("country") in terms
    assert process_term("developed") in english.index_terms("developing")
    assert process_term("implemented") in english.index_terms("implementing")


def test_irregular_forms_meet_their_lemma():
    assert process_term("women") in english.index_terms("woman")
    assert process_term("woman") in english.index_terms("women")
    assert process_term("children") in english.index_terms("child")


def test_no_term_that_another_lemma_shares():
    """``unite`` and ``units`` share the French stemmer's ``unit``: « United » stays out of ``units``."""
    assert process_term("unite") == process_term("units") and process_term("unite") in english.AMBIGUOUS
    assert process_term("units") not in english.index_terms("united")
    assert process_term("units") not in english.related_terms("united")


def test_stop_words_and_other_languages_are_left_alone():
    assert english.index_terms("the") == () and english.related_terms("the") == frozenset()
    assert english.index_terms("résolutions") == (process_term("résolutions"),)


WORDS = st.one_of(
    st.sampled_from(sorted({t.term.lower() for p in sorted((FIXTURES / "real").glob("en*/*.txt"))
                            for t in tokenize(p.read_text(encoding="utf-8"))})),
    st.builds(lambda stem, end: stem + end, st.text("abcdeilnoprstuy", min_size=1, max_size=8),
              st.sampled_from(["", "s", "es", "ies", "ed", "ied", "ing", "d"])),
)


@settings(max_examples=400, deadline=None)
@given(WORDS)
def test_a_snippet_marks_every_word_a_record_was_found_by(word):
    assert set(english.index_terms(word)) <= english.related_terms(word)


def test_the_ambiguous_terms_file_is_up_to_date():
    """Made with the installed wordfreq and stemmer, the file must be what they give; with
    other versions (a new release) it is still consistent (Python and the browser read the
    same file), only perhaps less apt: the test says so instead of failing."""
    if english.AMBIGUOUS_MADE_WITH != english.made_with():
        pytest.skip(f"en_ambiguous_terms.txt was made with {english.AMBIGUOUS_MADE_WITH}, "
                    f"installed: {english.made_with()}: regenerate it")
    assert english.ambiguous_terms() == sorted(english.AMBIGUOUS), (
        "regenerate: python -c 'from build_scripts.search.english import write_ambiguous; write_ambiguous()'")


def test_browser_twin_gives_the_same_related_terms(node, tmp_path):
    words = sorted({t.term.lower() for p in sorted((FIXTURES / "real").glob("*/*.txt"))
                    for t in tokenize(p.read_text(encoding="utf-8"))})
    words += ["countries", "stopped", "applied", "churches", "fixes", "a-b", "L'Office", "états", "women", "held",
              "constructor", "__proto__", "hasOwnProperty"]
    got = run_search_js(node, tmp_path, {"related": words})["related"]
    assert len(got) == len(words) > 3000
    for word, terms in zip(words, got):
        assert terms == sorted(english.related_terms(word)), word
