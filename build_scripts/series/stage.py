"""The series stage of the corpus: groups, alignments and lineage, computed once.

:func:`attach` runs after all documents are parsed and registers what the
site needs in ``corpus.extras`` (see :mod:`build_scripts.render.pages`).
Guarantees: every document belongs to exactly one series; every compared
pair is aligned once; lineage is derived from the consecutive alignments.
An alignment depends only on its two documents, a document's content profile (what the
grouping compares) on the document alone: with a build cache (``corpus.extras["cache"]``)
a pair whose two texts did not change, and the profile of an unchanged text, are read back.
"""

from __future__ import annotations

from itertools import combinations

from ..cache.keys import code_version, digest
from ..cache.memo import memo
from .grouping import Profile, group_series
from .align import Alignment
from .lineage import Origin, origins, texts

#: Up to this many text versions, every pair of a series is compared; beyond, consecutive ones.
ALL_PAIRS_UP_TO = 6


def compared_pairs(members: list[str]) -> list[tuple[str, str]]:
    """Which (older, newer) pairs get a comparison."""
    if len(members) <= ALL_PAIRS_UP_TO:
        return list(combinations(members, 2))
    return list(zip(members, members[1:]))


def compute(corpus) -> dict:
    """Series, alignments and lineage of the whole corpus."""
    docs = corpus.entries()  # metadata only: a text is read from the shelf when a profile or an alignment is made
    align = _aligner(corpus, corpus.extras.get("cache"), corpus.extras.get("digests", {}))
    series = group_series(corpus.listed, profile=_profiler(corpus, corpus.extras.get("cache"),
                                                           corpus.extras.get("digests", {})))
    alignments, lineages, series_of = {}, {}, {}
    remembered: dict[int, tuple[Alignment, dict[str, Origin]]] = {}
    store = corpus.extras.get("cache")
    remember = remembered if store is not None and store.memory is not None else None
    for s in series:
        for member in s.members:
            series_of[member] = s
        members = texts(s, docs)
        consecutive = tuple(align(docs[a], docs[b]) for a, b in zip(members, members[1:]))
        for al in consecutive:
            alignments[(al.a, al.b)] = al
        for a, b in compared_pairs(texts(s, docs)):
            if (a, b) not in alignments:
                alignments[(a, b)] = align(docs[a], docs[b])
        lineages.update({m: {} for m in members[:1]})  # nothing precedes the first text
        lineages.update(look_back(members, alignments, remember))
    _ORIGINS.clear()
    _ORIGINS.update(remembered)
    return {"series": series, "alignments": alignments, "lineage": lineages, "series_of": series_of}


def _aligner(corpus, store, digests: dict):
    """:func:`~build_scripts.series.align.align` of two documents given by their entries (their
    texts read from the corpus only when needed), read back from *store* when both are known."""
    from .align import align

    def aligned(a, b):
        return align(corpus.get(a.meta.id), corpus.get(b.meta.id))

    def cached(a, b):
        if not store or a.meta.id not in digests or b.meta.id not in digests:
            return aligned(a, b)
        key = digest("align", code_version(), a.meta.id, b.meta.id, digests[a.meta.id], digests[b.meta.id])
        found = store.get("alignments", key)
        if found is None:
            store.put("alignments", key, found := aligned(a, b))
        return found

    return cached


def _profiler(corpus, store, digests: dict):
    """:meth:`~build_scripts.series.grouping.Profile.of` of a document given by its entry (its
    text read from the corpus only when needed), read back from *store* for a known text."""
    def made(entry):
        return Profile.of(corpus.get(entry.meta.id))

    def cached(entry):
        if entry.meta.id not in digests:
            return made(entry)
        return memo(store, "series-profile", digests[entry.meta.id], lambda: made(entry))

    return cached


#: Under ``mkdocs serve`` (the build cache keeps its values in memory, so an unchanged pair's
#: alignment comes back as the same object): the last build's origins of each alignment, by
#: identity (the alignment is held with them, so its id is not reused).
_ORIGINS: dict[int, tuple[Alignment, dict[str, Origin]]] = {}


def _origins(alignment: Alignment, remember: dict | None) -> dict[str, Origin]:
    """:func:`~build_scripts.series.lineage.origins`, taken back from the last build when
    *remember* (this build's memo) is given; the result is only read."""
    if remember is None:
        return origins(alignment)
    hit = _ORIGINS.get(id(alignment))
    if hit is None or hit[0] is not alignment:
        hit = (alignment, origins(alignment))
    remember[id(alignment)] = hit
    return hit[1]


def look_back(members: list[str], alignments: dict, remember: dict | None = None) -> dict[str, dict[str, Origin]]:
    """Each paragraph's origin in the *latest* earlier version that has it.

    A paragraph absent from the previous version but present in an older one
    (the Global Plan's aims a)–f), say) is traced to that older version; a
    paragraph found in no earlier version stays ``added`` (relative to the
    previous version). Only pairs that were aligned are consulted (the previous
    version always is: the same origins as :func:`~build_scripts.series.lineage.lineage`
    where nothing is traced further back).
    """
    result: dict[str, dict[str, Origin]] = {}
    for i, b in enumerate(members[1:], start=1):
        found: dict[str, Origin] = {}
        for a in reversed(members[:i]):
            if (a, b) not in alignments:
                continue
            for pid, origin in _origins(alignments[(a, b)], remember).items():
                if pid not in found or (found[pid].status == "added" and origin.status != "added"):
                    found[pid] = origin
        result[b] = found
    return result


def attach(corpus) -> None:
    """Compute the stage and register its page contributions on *corpus*."""
    from ..render import comparisons

    corpus.extras["series_data"] = compute(corpus)
    comparisons.register(corpus)
