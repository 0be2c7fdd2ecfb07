"""Paragraph-level alignment of two documents: what was kept, edited, moved.

:func:`align` compares the body paragraphs of two versions of a text by
*content*, never by number. Only kinds in
:data:`~build_scripts.series.match.ALIGNED_KINDS` take part (headings and
the intro are ignored), and a paragraph is only paired with one of the same
kind: preambular with preambular, operative with operative, report
paragraph with report paragraph, item with item wherever its parent is (an
item can move from one list to another) — except for step 6 below.

Steps, all deterministic:

1. identical texts (after :func:`~build_scripts.series.text.clean`) pair up;
2. the rest pair best-first when ``fuzz.ratio`` on folded text reaches
   :data:`MATCH`;
3. the largest order-preserving subset of those pairs becomes the set of
   *anchors*; between two consecutive anchors, leftovers may still pair at
   the lower :data:`GAP` score, if they keep the order (position is then
   evidence too);
4. one paragraph of *a* becoming two adjacent ones of *b* (``split``), or two
   adjacent ones of *a* becoming one (``merged``), is recognised when the
   concatenation scores at least :data:`MATCH` and :data:`JOIN_GAIN` more
   than either part alone;
5. one-to-one pairs outside the final order-preserving subset are
   ``moved``; the others are ``unchanged`` or ``changed``;
6. a preambular paragraph still unpaired may pair with an unpaired
   operative one (or the reverse) when they score at least :data:`CROSS`:
   a paragraph that crossed between the two parts is always ``moved``.

Guarantees of the result: every aligned paragraph id of *a* occurs in
exactly one pair's ``a`` and every one of *b* in exactly one pair's ``b``;
``similarity`` (the folded-text score, rounded, at most 99.9 for texts that
differ) is 100 exactly for ``unchanged`` pairs and unedited moves, which
are also the only pairs with an empty ``diff``; ``split`` and ``merged``
pairs carry the diff of the concatenated texts; ``added`` and ``dropped``
have similarity 0 and no diff. A paragraph that is both moved and edited is
``moved`` with ``edited=True`` (``changed`` always means "in place").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Document, Paragraph
from . import match
from .text import clean, fold_clean, word_diff

#: Score (``fuzz.ratio`` on folded text) for a pair anywhere in the document.
#: On the seeds, the best *unrelated* paragraph on the same subject scores
#: up to 66; genuine rewrites of one paragraph score 70 and more.
MATCH = 70.0
#: Lower score accepted between two anchors, keeping the order.
GAP = 60.0
#: How much better a concatenation must score than its best part.
JOIN_GAIN = 10.0
#: Score for a paragraph that crossed between the preamble and the operative
#: part ("Rappelant sa décision …" becoming "Rappelle sa décision …"):
#: stricter than :data:`MATCH`, since the kinds differ.
CROSS = 75.0
CROSSING = (("preambular", "operative"), ("operative", "preambular"))

STATUSES = ("unchanged", "changed", "moved", "added", "dropped", "split", "merged")


@dataclass(frozen=True)
class Pair:
    """One line of an alignment.

    ``moved`` pairs whose text also changed have ``edited=True`` and a diff;
    ``split`` has one id in ``a`` and two in ``b``, ``merged`` the reverse;
    ``added`` / ``dropped`` have an empty side and similarity 0.
    """

    status: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    similarity: float
    diff: tuple[tuple[str, str], ...] = ()
    edited: bool = False


@dataclass(frozen=True)
class Alignment:
    """Pairs of document *a* (older) and *b* (newer), in reading order of *b*.

    A dropped paragraph stands right after the pair of the closest preceding
    paragraph of *a* that kept its place (or first, if there is none).
    """

    a: str
    b: str
    pairs: tuple[Pair, ...]

    def counts(self) -> dict[str, int]:
        """Number of pairs per status, every status present."""
        counts = {status: 0 for status in STATUSES}
        for pair in self.pairs:
            counts[pair.status] += 1
        return counts


def aligned(doc: Document) -> list[Paragraph]:
    """The paragraphs of *doc* that take part in alignments, in reading order."""
    return [p for p in doc.paragraphs if p.kind in match.ALIGNED_KINDS]


def align(a: Document, b: Document) -> Alignment:
    """Align the paragraphs of *a* (older) with those of *b* (newer)."""
    sa, sb = _Side.of(aligned(a)), _Side.of(aligned(b))
    links, scores = _link(sa, sb)
    splits = _joins(sa, sb, links, scores)
    merges = [_Join(j.b, j.a, j.score, "merged")
              for j in _joins(sb, sa, _flip(links), _flip_scores(scores))]
    joins = _best_first(splits + merges)
    _unlink(links, joins)
    order = match.in_order([(i, j) for i, (j, _) in links.items()])
    _cross(sa, sb, links, joins)
    return Alignment(a.meta.id, b.meta.id, _assemble(sa, sb, links, joins, order))


def _cross(sa: _Side, sb: _Side, links: Links, joins: list[_Join]) -> None:
    """Step 6: leftovers that crossed between preamble and operative part, added to *links*.

    They are never part of the order-preserving subset, so they come out ``moved``.
    """
    taken_a = set(links) | {i for join in joins for i in join.a}
    taken_b = {j for j, _ in links.values()} | {j for join in joins for j in join.b}
    found: dict[tuple[int, int], float] = {}
    for kind_a, kind_b in CROSSING:
        found.update(match.scores(sa.fold, sb.fold, sa.indices(kind_a, taken_a), sb.indices(kind_b, taken_b), CROSS))
    for i, j, score in match.greedy(found, CROSS, len(sa.paras), len(sb.paras), taken_a, taken_b):
        links[i] = (j, score)


@dataclass(frozen=True)
class _Side:
    """The aligned paragraphs of one document with their two text keys."""

    paras: tuple[Paragraph, ...]
    clean: tuple[str, ...]
    fold: tuple[str, ...]

    @classmethod
    def of(cls, paras: list[Paragraph]) -> "_Side":
        cleaned = tuple(clean(p.text) for p in paras)
        return cls(tuple(paras), cleaned, tuple(fold_clean(t) for t in cleaned))

    def kind(self, n: int) -> str:
        return self.paras[n].kind

    def indices(self, kind: str, skip: Collection[int] = ()) -> list[int]:
        """Indices of paragraphs of *kind*, minus those in *skip*."""
        return [n for n, p in enumerate(self.paras) if p.kind == kind and n not in skip]


@dataclass(frozen=True)
class _Join:
    """Several paragraphs on one side matching one on the other."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    status: str


Links = dict[int, tuple[int, float]]  # index in a -> (index in b, score)


def _link(sa: _Side, sb: _Side) -> tuple[Links, dict[tuple[int, int], float]]:
    """One-to-one pairs (steps 1-3 of the module docstring) and the scores computed."""
    keys_a = [f"{p.kind}\0{t}" for p, t in zip(sa.paras, sa.clean)]
    keys_b = [f"{p.kind}\0{t}" for p, t in zip(sb.paras, sb.clean)]
    links: Links = {i: (j, 100.0) for i, j in match.exact_pairs(keys_a, keys_b)}
    taken_a, taken_b = set(links), {j for j, _ in links.values()}
    scores: dict[tuple[int, int], float] = {}
    for kind in match.ALIGNED_KINDS:
        scores.update(match.scores(sa.fold, sb.fold, sa.indices(kind, taken_a),
                                   sb.indices(kind, taken_b), GAP))
    sizes = (len(sa.paras), len(sb.paras))
    for i, j, score in match.greedy(scores, MATCH, *sizes, taken_a, taken_b):
        links[i] = (j, score)
    anchors = match.in_order([(i, j) for i, (j, _) in links.items()])
    extra = match.greedy(match.same_gap(scores, anchors), GAP, *sizes, taken_a, taken_b)
    for i, j, score in extra:
        links[i] = (j, score)
    kept = match.in_order([(i, j) for i, (j, _) in links.items()])
    for i, j, _ in extra:
        if (i, j) not in kept:
            del links[i]
    return links, scores


def _joins(one: _Side, two: _Side, links: Links, scores: dict[tuple[int, int], float]) -> list[_Join]:
    """Splits of one paragraph of *one* into two adjacent same-kind ones of *two*.

    Returns every candidate (see :func:`_join_score`); called with the sides
    swapped (and *links*, *scores* flipped) it finds merges. Adjacent means
    consecutive among the paragraphs of that kind. :func:`_best_first`
    then keeps non-overlapping candidates.
    """
    back = {j: i for i, (j, _) in links.items()}
    near: dict[int, set[int]] = {}
    for i, j in scores:
        near.setdefault(j, set()).add(i)
    found: list[_Join] = []
    for kind in match.ALIGNED_KINDS:
        seq = two.indices(kind)
        for y0, y1 in zip(seq, seq[1:]):
            sources = near.get(y0, set()) | near.get(y1, set()) | {back[y] for y in (y0, y1) if y in back}
            for x in sorted(sources):
                score = _join_score(one, two, links, back, scores, x, (y0, y1))
                if score is not None:
                    found.append(_Join((x,), (y0, y1), score, "split"))
    return found


def _join_score(one: _Side, two: _Side, links: Links, back: dict[int, int],
                scores: dict[tuple[int, int], float], x: int, ys: tuple[int, int]) -> float | None:
    """Score of *x* against the concatenation of *ys*, or None if not a join.

    A join needs the same kind on both sides, must not break a one-to-one
    pair outside itself (*x* and the *ys* are free or linked to each other),
    and must score at least :data:`MATCH` and :data:`JOIN_GAIN` more than
    the best of *x*'s scores with either part.
    """
    if one.kind(x) != two.kind(ys[0]) or links.get(x, (None,))[0] not in (None, *ys):
        return None
    if any(back.get(y, x) != x for y in ys):
        return None
    joined = fuzz.ratio(one.fold[x], " ".join(two.fold[y] for y in ys))
    parts = max(links[x][1] if x in links else 0.0, *(scores.get((x, y), 0.0) for y in ys))
    return joined if joined >= MATCH and joined >= parts + JOIN_GAIN else None


def _best_first(found: list[_Join]) -> list[_Join]:
    """Non-overlapping joins, highest score first."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for join in sorted(found, key=lambda j: (-j.score, j.a, j.b)):
        if used_a.isdisjoint(join.a) and used_b.isdisjoint(join.b):
            used_a.update(join.a)
            used_b.update(join.b)
            chosen.append(join)
    return chosen


def _flip(links: Links) -> Links:
    return {j: (i, score) for i, (j, score) in links.items()}


def _flip_scores(scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    return {(j, i): score for (i, j), score in scores.items()}


def _unlink(links: Links, joins: list[_Join]) -> None:
    """Remove from *links* the one-to-one pairs that a join replaces."""
    in_a = {i for join in joins for i in join.a}
    in_b = {j for join in joins for j in join.b}
    for i in [i for i, (j, _) in links.items() if i in in_a or j in in_b]:
        del links[i]


def _assemble(sa: _Side, sb: _Side, links: Links, joins: list[_Join],
              order: set[tuple[int, int]]) -> tuple[Pair, ...]:
    """All pairs in reading order of *b*, dropped ones after their predecessor in *a*."""
    keyed = [((j, 0, 0), _one(sa, sb, i, j, score, (i, j) in order)) for i, (j, score) in links.items()]
    keyed += [((min(join.b), 0, 0), _joined(sa, sb, join)) for join in joins]
    seen_b = {j for j, _ in links.values()} | {j for join in joins for j in join.b}
    keyed += [((j, 0, 0), Pair("added", (), (sb.paras[j].id,), 0.0))
              for j in range(len(sb.paras)) if j not in seen_b]
    placed = {i: j for i, (j, _) in links.items() if (i, j) in order}
    placed.update({i: min(join.b) for join in joins for i in join.a})
    seen_a = set(links) | {i for join in joins for i in join.a}
    anchors = sorted(placed)
    for i in range(len(sa.paras)):
        if i not in seen_a:
            k = bisect_left(anchors, i)
            key = (placed[anchors[k - 1]] if k else -1, 1, i)
            keyed.append((key, Pair("dropped", (sa.paras[i].id,), (), 0.0)))
    return tuple(pair for _, pair in sorted(keyed, key=lambda item: item[0]))


def _one(sa: _Side, sb: _Side, i: int, j: int, score: float, kept_place: bool) -> Pair:
    """The pair of paragraph *i* of a and *j* of b."""
    ids = (sa.paras[i].id,), (sb.paras[j].id,)
    if sa.clean[i] == sb.clean[j]:
        return Pair("unchanged" if kept_place else "moved", *ids, 100.0)
    diff = word_diff(sa.paras[i].text, sb.paras[j].text)
    similarity = _similarity(score)
    if kept_place:
        return Pair("changed", *ids, similarity, diff)
    return Pair("moved", *ids, similarity, diff, edited=True)


def _joined(sa: _Side, sb: _Side, join: _Join) -> Pair:
    """The pair of a split or merge; the diff compares the concatenated texts."""
    text_a = " ".join(sa.paras[i].text for i in join.a)
    text_b = " ".join(sb.paras[j].text for j in join.b)
    return Pair(join.status, tuple(sa.paras[i].id for i in join.a), tuple(sb.paras[j].id for j in join.b),
                _similarity(join.score), word_diff(text_a, text_b))


def _similarity(score: float) -> float:
    """A matching score as reported for texts that differ: rounded, below 100."""
    return min(round(score, 1), 99.9)
