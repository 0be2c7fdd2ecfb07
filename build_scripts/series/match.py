"""Building blocks of paragraph alignment: scores, assignment, order.

Pure functions over plain lists; :mod:`build_scripts.series.align` puts them
together. Scores are ``rapidfuzz.fuzz.ratio`` (normalised Indel similarity,
0..100) on :func:`~build_scripts.series.text.fold`-ed texts. ``fuzz.ratio``
was preferred to the token-set scorers because it keeps word order and
punctuation-free content only: on the seed corpus unrelated paragraphs on the
same subject score 45–66 with it, against 60–100 with ``token_set_ratio``
(which gives 100 whenever one paragraph's words are a subset of the other's).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

#: Kinds that take part in an alignment; a paragraph is only compared with
#: paragraphs of the same kind (items with items, wherever their parent is).
ALIGNED_KINDS = ("preambular", "operative", "item", "paragraph")


def exact_pairs(keys_a: Sequence[str], keys_b: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` with ``keys_a[i] == keys_b[j]``, each index used once.

    Equal keys are paired in order of appearance (first with first), which
    keeps repeated paragraphs in place. The result is sorted by ``i``.
    """
    waiting: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(keys_b):
        waiting[key].append(j)
    pairs = []
    for i, key in enumerate(keys_a):
        if waiting.get(key):
            pairs.append((i, waiting[key].pop(0)))
    return pairs


def scores(texts_a: Sequence[str], texts_b: Sequence[str], rows: Sequence[int],
           cols: Sequence[int], cutoff: float) -> dict[tuple[int, int], float]:
    """``fuzz.ratio`` of ``texts_a[i]`` and ``texts_b[j]`` for i in *rows*, j in *cols*.

    Only scores ``>= cutoff`` are kept (the others are treated as 0). Runs the
    inner loop in rapidfuzz (``process.extract``); numpy is not needed.
    """
    found: dict[tuple[int, int], float] = {}
    if not rows or not cols:
        return found
    choices = {j: texts_b[j] for j in cols}
    for i in rows:
        for _, score, j in process.extract(texts_a[i], choices, scorer=fuzz.ratio,
                                           processor=None, limit=None, score_cutoff=cutoff):
            found[(i, j)] = score
    return found


def greedy(candidates: dict[tuple[int, int], float], threshold: float, size_a: int,
           size_b: int, taken_a: set[int], taken_b: set[int]) -> list[tuple[int, int, float]]:
    """Best-first one-to-one assignment among *candidates* scoring ``>= threshold``.

    Indices in *taken_a* / *taken_b* are skipped and the new ones are added to
    them. Ties go to the pair whose relative positions are closest, then to
    the lowest indices, so the result is deterministic.
    """
    def closeness(i: int, j: int) -> float:
        return abs(i / max(size_a, 1) - j / max(size_b, 1))

    ranked = sorted((pair for pair in candidates.items() if pair[1] >= threshold),
                    key=lambda item: (-item[1], closeness(*item[0]), item[0]))
    chosen = []
    for (i, j), score in ranked:
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            chosen.append((i, j, score))
    return chosen


def in_order(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest subset of *pairs* increasing in both ``i`` and ``j``.

    *pairs* is a one-to-one matching; the pairs left out are the ones whose
    relative position changed (moved paragraphs). Longest increasing
    subsequence in O(n log n); among equally long answers the one found
    first is kept, which is deterministic.
    """
    ordered = sorted(pairs)
    tails: list[int] = []  # smallest j ending an increasing run of length k+1
    tail_at: list[int] = []  # index into *ordered* of that tail
    back: list[int] = [-1] * len(ordered)
    for n, (_, j) in enumerate(ordered):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k] = j
            tail_at[k] = n
        back[n] = tail_at[k - 1] if k else -1
    keep: set[tuple[int, int]] = set()
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        keep.add(ordered[n])
        n = back[n]
    return keep


def same_gap(candidates: dict[tuple[int, int], float],
             anchors: set[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """The *candidates* lying between the same two consecutive *anchors*.

    *anchors* must increase in both coordinates (as :func:`in_order` gives);
    a candidate ``(i, j)`` is kept when neither index is an anchor's and as
    many anchors precede ``i`` on side a as precede ``j`` on side b.
    """
    ias = sorted(i for i, _ in anchors)
    jbs = sorted(j for _, j in anchors)
    used_a, used_b = set(ias), set(jbs)
    return {(i, j): score for (i, j), score in candidates.items()
            if i not in used_a and j not in used_b and bisect_left(ias, i) == bisect_left(jbs, j)}
