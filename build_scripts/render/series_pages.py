"""Series pages and the series list of a document page.

Guarantees: every series of two members or more has pages at
``series/<id>/`` (:data:`PAGE_SIZE` members a page, then ``page-2/`` …),
listing its members in order with their date and a link to the comparison
with the previous version; a document page lists at most :data:`WINDOW`
members around itself and links to the series pages, so no page grows with
the length of a series. All text is escaped.
"""

from __future__ import annotations

from ..series.lineage import short_name, texts
from . import escape, french, paging
from .pages import SiteFile, doc_path, rel

PAGE_SIZE = 100
WINDOW = 10  # members shown on a document page (about half before it, half after)


def series_path(series_id: str, page: int = 1) -> str:
    return f"series/{series_id}/" + ("index.md" if page == 1 else f"page-{page}.md")


def window(members: tuple[str, ...], doc_id: str) -> tuple[int, int]:
    """``(start, end)`` of the at most :data:`WINDOW` members shown around *doc_id*."""
    if len(members) <= WINDOW:
        return 0, len(members)
    i = members.index(doc_id)
    start = max(0, min(i - WINDOW // 2, len(members) - WINDOW))
    return start, start + WINDOW


def member_link(path: str, doc) -> str:
    """``[A/RES/74/176](…)``; a draft without symbol: ``[Projet de résolution (Colombie, 2018)](…)``."""
    name = doc.meta.symbol or short_name(doc)
    return f"[{escape.text(name[:1].upper() + name[1:])}]({rel(path, doc_path(doc.meta.id))})"


def when(doc) -> str:
    """``18 décembre 2019``, else the year, else ``date inconnue``."""
    return french.date(doc.meta.date) or doc.meta.year or "date inconnue"


def member_line(path: str, doc, series, number: int, current: str | None = None) -> str:
    """``1. [A/RES/74/176](…) — 18 décembre 2019`` (with "(rapport)", "(amendement)" … and "ce document" marks)."""
    kind = f" ({french.type_label(doc.meta.type).lower()})" if doc.meta.id in series.reports else ""  # not a version
    mark = " — *ce document*" if doc.meta.id == current else ""
    return f"{number}. {member_link(path, doc)}{kind} — {escape.text(when(doc))}{mark}"


def pages(corpus, series, docs: dict, cmp_path) -> list[SiteFile]:
    """The pages of one series (none for a series of one)."""
    if len(series.members) < 2:
        return []
    versions = texts(series, docs)
    chunks = paging.chunks(series.members, PAGE_SIZE)
    files = []
    for n, chunk in enumerate(chunks, 1):
        path = series_path(series.id, n)
        out = [paging.front('Série : ' + series.title),
               f"# Série : {escape.text(series.title)}\n",
               f"{len(series.members)} textes, du plus ancien au plus récent"
               + (f" — page {n} sur {len(chunks)}" if len(chunks) > 1 else "") + ".\n",
               "| N° | Document | Date | Titre | Comparaison |", "|---|---|---|---|---|"]
        first = (n - 1) * PAGE_SIZE
        for k, member in enumerate(chunk, first + 1):
            out.append(_row(path, docs[member], series, versions, k, cmp_path))
        out.append("")
        nav = paging.nav(path, n, len(chunks), lambda k: series_path(series.id, k))
        out += [nav] if nav else []
        files.append(SiteFile(path, "\n".join(out)))
    return files


def _row(path: str, doc, series, versions: list[str], number: int, cmp_path) -> str:
    kind = f" ({french.type_label(doc.meta.type).lower()})" if doc.meta.id in series.reports else ""  # not a version
    title = escape.text(doc.meta.title or "").replace("|", "\\|")
    compare = "—"
    if doc.meta.id in versions and versions.index(doc.meta.id) > 0:
        prev = versions[versions.index(doc.meta.id) - 1]
        compare = f"[avec la version précédente]({rel(path, cmp_path(prev, doc.meta.id))})"
    return f"| {number} | {member_link(path, doc)}{kind} | {escape.text(when(doc))} | {title} | {compare} |"
