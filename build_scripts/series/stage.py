"""The series stage of the corpus: groups, alignments and lineage, computed once.

:func:`attach` runs after all documents are parsed and registers what the
site needs in ``corpus.extras`` (see :mod:`build_scripts.render.pages`).
Guarantees: every document belongs to exactly one series; every compared
pair is aligned once; lineage is derived from the consecutive alignments.
"""

from __future__ import annotations

from itertools import combinations

from .grouping import group_series
from .lineage import compare_series, lineage, texts

#: Up to this many text versions, every pair of a series is compared; beyond, consecutive ones.
ALL_PAIRS_UP_TO = 6


def compared_pairs(members: list[str]) -> list[tuple[str, str]]:
    """Which (older, newer) pairs get a comparison."""
    if len(members) <= ALL_PAIRS_UP_TO:
        return list(combinations(members, 2))
    return list(zip(members, members[1:]))


def compute(corpus) -> dict:
    """Series, alignments and lineage of the whole corpus."""
    from .align import align

    docs = {d.meta.id: d for d in corpus.documents}
    series = group_series(corpus.documents)
    alignments, lineages, series_of = {}, {}, {}
    for s in series:
        for member in s.members:
            series_of[member] = s
        consecutive = compare_series(s, docs)
        for al in consecutive:
            alignments[(al.a, al.b)] = al
        for a, b in compared_pairs(texts(s, docs)):
            if (a, b) not in alignments:
                alignments[(a, b)] = align(docs[a], docs[b])
        lineages.update(lineage(s, docs, consecutive))
    return {"series": series, "alignments": alignments, "lineage": lineages, "series_of": series_of}


def attach(corpus) -> None:
    """Compute the stage and register its page contributions on *corpus*."""
    from ..render import comparisons

    corpus.extras["series_data"] = compute(corpus)
    comparisons.register(corpus)
