"""Series pages and the series list of a document page.

Guarantees: every series of two members or more has pages at
``series/<id>/`` (:data:`PAGE_SIZE` members a page, then ``page-2/`` …),
listing its members in order with their date and a link to the comparison
with the previous version; a document page lists at most :data:`WINDOW`
members around itself and links to the series pages, so no page grows with
the length of a series. All text is escaped.
"""

from __future__ import annotations

from ..series.lineage import main_body, related, short_name, texts
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


def _kind(doc, series, main: str | None) -> str:
    """`` (rapport)``, `` (amendement)`` … for members that are not versions of the text, and
    `` (texte apparenté : Conseil économique et social)`` for a text of another body than the series'."""
    if doc.meta.id in series.reports:
        return f" ({french.type_label(doc.meta.type).lower()})"
    if main and doc.meta.body and doc.meta.body != main:
        return f" (texte apparenté : {escape.text(french.body_label(doc.meta.body))})"
    return ""


def member_line(path: str, doc, series, number: int, current: str | None = None, main: str | None = None) -> str:
    """``1. [A/RES/74/176](…) — 18 décembre 2019`` (with "(rapport)", "(texte apparenté : …)" and "ce document" marks)."""
    kind = _kind(doc, series, main)
    mark = " — *ce document*" if doc.meta.id == current else ""
    return f"{number}. {member_link(path, doc)}{kind} — {escape.text(when(doc))}{mark}"


def pages(corpus, series, docs: dict, cmp_path) -> list[SiteFile]:
    """The pages of one series (none for a series of one)."""
    if len(series.members) < 2:
        return []
    versions, main = texts(series, docs), main_body(series, docs)
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
            out.append(_row(path, docs[member], series, docs, versions, k, cmp_path, main))
        out.append("")
        nav = paging.nav(path, n, len(chunks), lambda k: series_path(series.id, k))
        out += [nav] if nav else []
        files.append(SiteFile(path, "\n".join(out)))
    return files


def _row(path: str, doc, series, docs: dict, versions: list[str], number: int, cmp_path, main: str | None = None) -> str:
    kind = _kind(doc, series, main)
    title = escape.text(doc.meta.title or "").replace("|", "\\|")
    compare = "—"
    if doc.meta.id in versions and versions.index(doc.meta.id) > 0:
        prev = versions[versions.index(doc.meta.id) - 1]
        what = "le texte précédent" if related(doc, docs[prev]) else "la version précédente"
        compare = f"[avec {what}]({rel(path, cmp_path(prev, doc.meta.id))})"
    return f"| {number} | {member_link(path, doc)}{kind} | {escape.text(when(doc))} | {title} | {compare} |"
