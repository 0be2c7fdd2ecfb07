"""Group documents into series: successive versions of the same text.

:func:`group_series` uses four signals, strongest first:

1. **overrides** — ``overrides[doc_id]``, else the sidecar's
   ``Metadata.series``: the document belongs to that series, whatever its
   title or content say (it takes no part in the automatic signals);
2. **drafts named** — a resolution that names the draft it was adopted
   from (``[without reference to a Main Committee (A/80/L.11)]``,
   ``Metadata.drafts``), and an amendment the draft it amends
   (``Metadata.amends``), are linked to that draft when the archive holds it;
3. **titles** — documents whose title keys (see :func:`title_key`) are equal
   or score at least :data:`TITLE_MATCH` (``token_sort_ratio``) are linked;
4. **content** — a document left alone by its title joins the document,
   not a report, with which it shares the most near-identical paragraphs
   (``fuzz.ratio`` ≥ :data:`NEAR_IDENTICAL` on folded text, same kind), if
   they are at least :data:`CONTENT_MIN` and :data:`CONTENT_SHARE` of the
   smaller document's paragraphs; only documents sharing a rare word
   5-gram (in at most :data:`RARE_SHINGLE` documents) are compared. Only lone documents attach this way, and
   each to one document, so content never merges two title groups.

Reports, amendments, letters and notes (:data:`NOT_VERSIONS`) are members of
the series their title (or an
override) gives them, listed again in ``Series.reports``; they are never
compared by content and :func:`~build_scripts.series.lineage.compare_series`
skips them. Every document ends in exactly one series; a document linked to
nothing is a series of one. Ids are unique ASCII slugs ``[a-z0-9-]`` of at
most :data:`build_scripts.slug.MAX` characters (a pinned id that is not one
is used in its slug form), so they are safe in paths and links.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .. import slug as slugs
from ..model import Document
from .match import ALIGNED_KINDS
from .text import clean, fold

#: ``token_sort_ratio`` of two title keys for the same series. Titles of the
#: seed series are equal once suffixes and prefixes are removed (score 100);
#: 90 also tolerates a changed word or a typo, while the ECOSOC title
#: ("plan action mondial nations unies lutte contre traite personnes")
#: scores 75 against the GA one ("coordination action contre traite personnes").
TITLE_MATCH = 90.0
#: Paragraph score counted as "the same paragraph" for the content signal.
NEAR_IDENTICAL = 85.0
#: Minimum share of the smaller document's paragraphs that must be shared.
#: Seeds: 2015/23 shares 9 of its 29 with the Bélarus draft and with 74/176
#: (0.31); the Colombia draft, a real member, only 5 of 34 with 74/176
#: (0.15, it joins by title); the SG report shares none.
CONTENT_SHARE = 0.25
#: Minimum number of shared paragraphs for the content signal.
CONTENT_MIN = 4
#: A shingle found in at most this many documents makes them candidates for the content
#: signal (boilerplate found everywhere does not): the comparison stays linear in the corpus.
RARE_SHINGLE = 64
#: Word n-grams used to skip the paragraph comparison of unrelated documents.
_SHINGLE = 5
_SHINGLE_MIN = 0.08

#: Types that belong to a series without being a version of its text: never compared.
NOT_VERSIONS = ("report", "amendment", "letter", "note")
#: Subtitles after a colon that do not change the series.
SUFFIXES = ("appel a l action", "rapport du secretaire general", "note du secretaire general",
            "projet de resolution", "projet de decision", "additif", "rectificatif")
#: Leading words that do not change the series ("Mise en œuvre du …").
PREFIXES = ("amelioration de la", "amelioration de l", "amelioration des", "amelioration du",
            "mise en oeuvre de la", "mise en oeuvre de l", "mise en oeuvre des", "mise en oeuvre du")
STOP_WORDS = frozenset("a au aux d de des du en et l la le les pour sur un une dans par".split())
_NUMBER = re.compile(r"^\s*[A-Z]?\d+/\d+\.\s*")


@dataclass(frozen=True)
class Series:
    """A series: documents ordered by date (undated last, then by id)."""

    id: str
    title: str
    members: tuple[str, ...]
    reports: tuple[str, ...] = ()  # members that are reports (never aligned)


def base_words(title: str) -> list[str]:
    """Folded words of *title* without number, known subtitle and prefix."""
    parts = re.split(r"\s*:\s+|\s+:\s*", _NUMBER.sub("", clean(title)))
    while len(parts) > 1 and fold(parts[-1]) in SUFFIXES:
        parts.pop()
    words = fold(" ".join(parts)).split()
    for prefix in PREFIXES:
        head = prefix.split()
        if words[: len(head)] == head and len(words) > len(head):
            return words[len(head):]
    return words


def title_key(title: str | None) -> str:
    """The comparable form of a title: base words minus stop words ("" if none)."""
    return " ".join(w for w in base_words(title or "") if w not in STOP_WORDS)


def group_series(docs: Sequence[Document], overrides: Mapping[str, str] | None = None,
                 profile: Callable[[Document], "Profile"] | None = None) -> tuple[Series, ...]:
    """Partition *docs* into series (see the module docstring); sorted by id. *profile*: a
    document's :class:`Profile` (:meth:`Profile.of`, or the same read back from a cache)."""
    by_id = {d.meta.id: d for d in docs}
    pinned = {d.meta.id: _pin((overrides or {}).get(d.meta.id) or d.meta.series) for d in docs}
    free = sorted(i for i, s in pinned.items() if not s)
    groups = _UnionFind(free)
    _link_drafts(groups, [by_id[i] for i in free])
    _link_titles(groups, [by_id[i] for i in free])
    _link_content(groups, [by_id[i] for i in free], profile or Profile.of)
    named: dict[str, list[str]] = {}
    for members in sorted(groups.sets(), key=min):
        named[_unique(_auto_id(by_id[min(members)], members, by_id), named)] = members
    for doc_id, series_id in pinned.items():
        if series_id:
            named.setdefault(series_id, []).append(doc_id)
    return tuple(_series(sid, ids, by_id) for sid, ids in sorted(named.items()))


def _link_drafts(groups: "_UnionFind", docs: list[Document]) -> None:
    """Union a resolution with each draft it names that is in *docs*."""
    by_symbol = {d.meta.symbol: d.meta.id for d in docs if d.meta.symbol}
    for doc in docs:
        for symbol in doc.meta.drafts + ((doc.meta.amends,) if doc.meta.amends else ()):
            if symbol in by_symbol:
                groups.union(doc.meta.id, by_symbol[symbol])


def _link_titles(groups: "_UnionFind", docs: list[Document]) -> None:
    """Union documents whose title keys are equal or close enough."""
    first: dict[str, str] = {}
    for doc in docs:
        key = title_key(doc.meta.title)
        if key:
            groups.union(first.setdefault(key, doc.meta.id), doc.meta.id)
    keys = sorted(first)
    for n, key in enumerate(keys):
        for other, score, _ in process.extract(key, keys[n + 1:], scorer=fuzz.token_sort_ratio,
                                               limit=None, score_cutoff=TITLE_MATCH):
            groups.union(first[key], first[other])


def _link_content(groups: "_UnionFind", docs: list[Document], profile: Callable[[Document], "Profile"]) -> None:
    """Attach each lone non-report document to its best content match."""
    profiles = {d.meta.id: profile(d) for d in docs if d.meta.type not in NOT_VERSIONS}
    sizes = Counter(groups.find(i) for i in groups.parent)
    lone = [doc_id for doc_id in profiles if sizes[groups.find(doc_id)] <= 1]
    if not lone:
        return
    counts: Counter = Counter()  # in how many documents each shingle is (a profile's are unique)
    for profile in profiles.values():
        counts.update(profile.shingles)
    rare = {doc_id: [s for s in profiles[doc_id].shingles if counts[s] <= RARE_SHINGLE] for doc_id in lone}
    wanted = set().union(*rare.values())
    postings: dict[int, list[str]] = {}  # the documents of each rare shingle of a lone document
    for doc_id, profile in profiles.items():
        for shingle in wanted.intersection(profile.shingles):
            postings.setdefault(shingle, []).append(doc_id)
    links = []
    for doc_id in lone:
        profile = profiles[doc_id]
        # candidates share at least one rare shingle: an inverted index, not all pairs
        candidates = {other for s in rare[doc_id] for other in postings[s]}
        candidates.discard(doc_id)
        own = set(profile.shingles)  # made once, not once per candidate
        shares = [(-profile.shared(profiles[other_id], own), other_id) for other_id in sorted(candidates)]
        best = min(shares, default=(0.0, ""))
        if best[0] < 0:
            links.append((doc_id, best[1]))
    for one, two in links:
        groups.union(one, two)


def _common(a: array, b: array) -> int:
    """How many values two arrays of unique values share."""
    small, large = sorted((a, b), key=len)
    return len(set(small).intersection(large))


def _shingle(words: list[str]) -> int:
    """A 64-bit hash of a word n-gram, the same in every process (Python's ``hash`` of a
    string is not): profiles can be kept in the build cache."""
    data = " ".join(words).encode("utf-8")
    return zlib.crc32(data) << 32 | zlib.adler32(data)


@dataclass(frozen=True)
class Profile:
    """What the content signal needs of a document (a function of the document alone)."""

    paragraphs: tuple[tuple[str, str], ...]  # (kind, folded text)
    shingles: array  # the word 5-grams' hashes, sorted, unique (8 bytes each: every document's are held at once)

    @classmethod
    def of(cls, doc: Document) -> "Profile":
        paragraphs = tuple((p.kind, fold(p.text)) for p in doc.paragraphs if p.kind in ALIGNED_KINDS)
        found = set()
        for _, text in paragraphs:
            words = text.split()
            found.update(_shingle(words[n:n + _SHINGLE]) for n in range(len(words) - _SHINGLE + 1))
        return cls(paragraphs, array("Q", sorted(found)))

    def shared(self, other: "Profile", own: set | None = None) -> float:
        """Share of near-identical paragraphs, or 0 below the content thresholds. *own*: this
        profile's shingles as a set, when the caller compares it with many others."""
        sa, sb = self.shingles, other.shingles
        if not sa or not sb:
            return 0.0
        common = len(own.intersection(sb)) if own is not None else _common(sa, sb)
        if common < _SHINGLE_MIN * min(len(sa), len(sb)):
            return 0.0
        small, large = sorted((self.paragraphs, other.paragraphs), key=len)
        count = 0
        for kind, text in small:
            choices = [t for k, t in large if k == kind]
            if process.extractOne(text, choices, scorer=fuzz.ratio, processor=None,
                                  score_cutoff=NEAR_IDENTICAL):
                count += 1
        share = count / len(small)
        return share if count >= CONTENT_MIN and share >= CONTENT_SHARE else 0.0


def _pin(series_id: str | None) -> str | None:
    return slugs.slug(series_id) if series_id and not slugs.is_slug(series_id) else series_id


def _auto_id(first: Document, members: Sequence[str], by_id: Mapping[str, Document]) -> str:
    """Slug of the group's representative title, else of its first document's id (length capped)."""
    title = _title([by_id[m] for m in members])
    words = base_words(title) if title else []
    slug = "-".join("".join(c for c in w if c.isascii() and c.isalnum()) for w in words)
    return slugs.slug(slug, fallback=slugs.slug(first.meta.id, fallback="document"))


def _unique(candidate: str, taken: Mapping[str, object]) -> str:
    """*candidate*, or with ``-2``, ``-3``… if an automatic group already has it.

    A pinned series of the same id is *joined*, on purpose: that is how a
    sidecar attaches a document to an automatically found series.
    """
    name, n = candidate, 1
    while name in taken:
        n += 1
        name = f"{candidate}-{n}"
    return name


def _title(members: Sequence[Document]) -> str | None:
    """Most frequent title of non-report members (compared cleaned, returned as
    written by the most recent of them); ties go to the most recent."""
    texts = [d for d in members if d.meta.type not in NOT_VERSIONS and d.meta.title] or \
            [d for d in members if d.meta.title]
    if not texts:
        return None
    ranked = sorted(texts, key=_date_key)
    votes = Counter(clean(d.meta.title) for d in ranked)
    best = max(votes.values())
    return next(d.meta.title.strip() for d in reversed(ranked) if votes[clean(d.meta.title)] == best)


def _date_key(doc: Document) -> tuple[bool, str, str]:
    """Dated documents first by date; a year alone (from a sidecar) counts as that year's start."""
    when = doc.meta.date or (f"{doc.meta.year}-00-00" if doc.meta.year else None)
    return (when is None, when or "", doc.meta.id)


def _series(series_id: str, ids: Sequence[str], by_id: Mapping[str, Document]) -> Series:
    members = sorted((by_id[i] for i in ids), key=_date_key)
    return Series(series_id, _title(members) or members[0].meta.id, tuple(d.meta.id for d in members),
                  tuple(d.meta.id for d in members if d.meta.type in NOT_VERSIONS))


class _UnionFind:
    """Disjoint sets of document ids."""

    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, one: str, two: str) -> None:
        roots = sorted((self.find(one), self.find(two)))
        self.parent[roots[1]] = roots[0]

    def sets(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for item in self.parent:
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())
