"""Word diff in linear time for nearly identical sequences (the raw text and its parsed output).

:func:`runs` gives the runs of differing words between equal stretches,
like an edit-distance alignment, but without its quadratic cost: common
prefixes and suffixes are matched first, then words that occur exactly
once on each side (patience anchors, kept in order by a longest increasing
subsequence) cut the rest into gaps, recursively; only a gap without such
anchors is aligned with ``rapidfuzz``'s Indel, and only when it is smaller
than :data:`MAX_CELLS`. A larger anchorless gap (a pathological text, the
same word repeated) is reported as one differing run: the caller compares
word counts, so no word goes unreported.

Guarantees: the matched pairs are equal words, strictly increasing on both
sides; every word of each side is either matched or in exactly one run;
time and memory are linear in the input for texts that differ locally.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from rapidfuzz.distance import Indel

from .series.match import in_order

#: Largest gap (words on one side × words on the other) aligned by edit distance.
MAX_CELLS = 2_000_000


def runs(a: Sequence[str], b: Sequence[str]) -> Iterator[tuple[list[str], list[str]]]:
    """``(run of a, run of b)`` for each stretch where *a* and *b* differ, in order."""
    i = j = 0
    for mi, mj in matches(a, b) + [(len(a), len(b))]:
        if mi > i or mj > j:
            yield list(a[i:mi]), list(b[j:mj])
        i, j = mi + 1, mj + 1


def matches(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of equal words, increasing on both sides (see module docstring)."""
    found: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            found.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            found.append((ahi, bhi))
        if alo >= ahi or blo >= bhi:
            continue
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if anchors:
            prev_a, prev_b = alo, blo
            for i, j in anchors:
                found.append((i, j))
                stack.append((prev_a, i, prev_b, j))
                prev_a, prev_b = i + 1, j + 1
            stack.append((prev_a, ahi, prev_b, bhi))
        elif (ahi - alo) * (bhi - blo) <= MAX_CELLS:
            for op in Indel.opcodes(a[alo:ahi], b[blo:bhi]):
                if op.tag == "equal":
                    found += [(alo + op.src_start + k, blo + op.dest_start + k)
                              for k in range(op.src_end - op.src_start)]
    return sorted(found)


def _anchors(a, alo, ahi, b, blo, bhi) -> list[tuple[int, int]]:
    """Words found once in ``a[alo:ahi]`` and once in ``b[blo:bhi]``, paired, longest in-order chain."""
    count_a, count_b = Counter(a[alo:ahi]), Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(alo, ahi) if count_a[a[i]] == 1 and a[i] in where_b]
    return sorted(in_order(pairs))  # the longest chain increasing on both sides
