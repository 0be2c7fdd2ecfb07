"""The linear-time word diff behind the conservation check (build_scripts/worddiff.py)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from build_scripts import worddiff

WORDS = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "the", "of", "x1", "y2"]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_matches_are_equal_words_increasing_on_both_sides(a, b):
    pairs = worddiff.matches(a, b)
    assert all(a[i] == b[j] for i, j in pairs)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in zip(pairs, pairs[1:]))


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_every_word_is_matched_or_in_exactly_one_run(a, b):
    matched = len(worddiff.matches(a, b))
    runs = list(worddiff.runs(a, b))
    assert matched + sum(len(x) for x, _ in runs) == len(a)
    assert matched + sum(len(y) for _, y in runs) == len(b)


def test_a_local_change_gives_one_run():
    a = "the general assembly recalls its resolution of 2019 and decides".split()
    b = "the general assembly recalls its resolutions of 2019 and 2020 and decides".split()
    found = list(worddiff.runs(a, b))
    assert found[0] == (["resolution"], ["resolutions"])
    assert len(found) == 2 and found[1][0] == [] and sorted(found[1][1]) == ["2020", "and"]  # "2020 and" or "and 2020"


def test_identical_texts_have_no_run_and_large_ones_stay_fast():
    words = [f"w{i % 5000}" for i in range(200_000)]  # repeated words: anchors are rare
    changed = words[:100_000] + ["inserted"] + words[100_000:]
    assert list(worddiff.runs(words, words)) == []
    assert list(worddiff.runs(words, changed)) == [([], ["inserted"])]


def test_an_anchorless_gap_too_large_to_align_is_one_run():
    a, b = ["x"] * 3000 + ["y"] * 3000, ["y"] * 3000 + ["x"] * 3000
    found = list(worddiff.runs(a, b))
    assert sum(len(x) for x, _ in found) + len(worddiff.matches(a, b)) == len(a)
