"""Where each paragraph of a series comes from: computed once for the corpus.

:func:`compare_series` aligns every text member of a series with the text
member before it; :func:`lineage` turns those alignments into one
:class:`Origin` per paragraph, so that a page can say "repris de 2015/23,
op. 4, modifié" (:func:`describe`). Reports are skipped: they are members of
a series but not versions of its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Document
from ..render.french import body_label, type_label
from ..render.labels import label
from .align import Alignment, align
from .grouping import NOT_VERSIONS, Series


@dataclass(frozen=True)
class Origin:
    """The source of one paragraph in the previous text of its series.

    ``status`` is the status of the alignment pair (``unchanged``,
    ``changed``, ``moved``, ``split``, ``merged`` or ``added``);
    ``paragraphs`` is empty for ``added`` and holds two ids for ``merged``.
    """

    doc: str
    paragraphs: tuple[str, ...]
    status: str
    similarity: float = 0.0
    edited: bool = False

    @property
    def paragraph(self) -> str | None:
        """The first source paragraph id, or None for an added paragraph."""
        return self.paragraphs[0] if self.paragraphs else None


def texts(series: Series, docs: Mapping[str, Document]) -> list[str]:
    """Members of *series* that are in *docs* and are not reports, in series order."""
    return [m for m in series.members
            if m in docs and m not in series.reports and docs[m].meta.type not in NOT_VERSIONS]


def main_body(series: Series, docs: Mapping[str, Document]) -> str | None:
    """The body whose text the series follows: that of its newest adopted resolution, else of its
    newest text (``None`` when no member names its body)."""
    members = texts(series, docs)
    for wanted in ("resolution", None):
        for m in reversed(members):
            doc = docs[m]
            if doc.meta.body and (wanted is None or doc.meta.type == wanted):
                return doc.meta.body
    return None


def related(doc: Document | None, other: Document | None) -> bool:
    """True when *other* is a text of another body than *doc* (E/RES/2015/23 of the Economic and
    Social Council beside General Assembly texts): a related text, not a version of the same text."""
    return bool(doc and other and doc.meta.body and other.meta.body and doc.meta.body != other.meta.body)


def compare_series(series: Series, docs: Mapping[str, Document]) -> tuple[Alignment, ...]:
    """Each text member aligned with the previous one: ``len(texts) - 1`` alignments."""
    members = texts(series, docs)
    return tuple(align(docs[a], docs[b]) for a, b in zip(members, members[1:]))


def lineage(series: Series, docs: Mapping[str, Document],
            alignments: Iterable[Alignment] | None = None) -> dict[str, dict[str, Origin]]:
    """``{doc id: {paragraph id: Origin}}`` for the text members of *series*.

    The first member maps to ``{}`` (nothing precedes it); every later
    member maps each of its aligned paragraphs (see
    :func:`~build_scripts.series.align.aligned`) to exactly one Origin.
    *alignments* are reused when given (matched by their ``a``/``b`` ids);
    missing ones are computed.
    """
    known = {(al.a, al.b): al for al in alignments or ()}
    members = texts(series, docs)
    result: dict[str, dict[str, Origin]] = {m: {} for m in members[:1]}
    for a, b in zip(members, members[1:]):
        alignment = known.get((a, b)) or align(docs[a], docs[b])
        result[b] = origins(alignment)
    return result


def origins(alignment: Alignment) -> dict[str, Origin]:
    """Origin of every paragraph of ``alignment.b``."""
    found: dict[str, Origin] = {}
    for pair in alignment.pairs:
        for pid in pair.b:
            found[pid] = Origin(alignment.a, pair.a, pair.status, pair.similarity, pair.edited)
    return found


def corpus_lineage(all_series: Sequence[Series], docs: Mapping[str, Document]) -> dict[str, dict[str, Origin]]:
    """:func:`lineage` of every series, merged (a document is in one series)."""
    result: dict[str, dict[str, Origin]] = {}
    for series in all_series:
        result.update(lineage(series, docs))
    return result


def describe(origin: Origin, docs: Mapping[str, Document], doc: Document | None = None) -> str:
    """A French phrase such as ``repris de 2015/23, par. 4, modifié``; when the source is a text of
    another body than *doc*, ``proche du texte apparenté 2015/23 (Conseil économique et social), …``."""
    source = docs.get(origin.doc)
    name = short_name(source) if source else origin.doc
    if origin.status == "added":
        return f"nouveau par rapport à {name}"
    where = " et ".join(paragraph_label(source, pid) if source else pid for pid in origin.paragraphs)
    tail = {"unchanged": "", "changed": ", modifié", "split": ", divisé", "merged": ", fusionnés",
            "moved": ", déplacé" + (" et modifié" if origin.edited else "")}.get(origin.status, "")
    if related(doc, source):
        return f"proche du texte apparenté {name} ({body_label(source.meta.body)}), {where}{tail}"
    return f"repris de {name}, {where}{tail}"


_RES = re.compile(r"^[A-Z]+/RES/(.+)$")


def short_name(doc: Document) -> str:
    """``74/176`` for A/RES/74/176, else the symbol, else ``projet de résolution (Bélarus, 2013)``, else the title."""
    symbol = doc.meta.symbol
    if symbol:
        found = _RES.match(symbol)
        return found.group(1) if found else symbol
    if doc.meta.sponsors:
        year = f", {doc.meta.year}" if doc.meta.year else ""
        return f"{type_label(doc.meta.type).lower()} ({', '.join(doc.meta.sponsors)}{year})"
    return doc.meta.title or doc.meta.id


def paragraph_label(doc: Document, pid: str) -> str:
    """How a reader cites the paragraph, in French: ``par. 4``, ``alinéa 5 b) du préambule`` (the id if unknown)."""
    para = doc.paragraph(pid)
    return label(doc, para) if para is not None else pid
