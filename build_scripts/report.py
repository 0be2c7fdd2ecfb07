"""The batch report: one table row per normalized document, then its warnings.

For a person adding a batch of real texts: which extraction each was read
as, what was counted and found, and which ones to check. Pure: results in,
text out (:func:`table`). Guarantees: one row per result, in the order
given; every warning of every document is listed under the table with its
``FILE:LINE``; a document is flagged ``check`` when it has warnings, no
symbol, or (a resolution or draft) no operative paragraph.
"""

from __future__ import annotations

from .model import ENACTING_TYPES, Document

COLUMNS = ("file", "status", "warnings", "read as", "type", "symbol", "date", "committee", "pre", "op", "items",
           "annex", "notes", "sponsors", "title")


def row(name: str, doc: Document) -> tuple[str, ...]:
    """The report row of one document."""
    m, c = doc.meta, doc.counts()
    annex = sum(1 for p in doc.paragraphs if p.id.startswith("annex") and p.kind != "heading")
    items = sum(1 for p in doc.paragraphs if p.kind == "item" and not p.id.startswith("annex"))
    sponsors = f"{len(m.sponsors)} ({m.sponsors[0]} … {m.sponsors[-1]})" if len(m.sponsors) > 1 else \
        (m.sponsors[0] if m.sponsors else "")
    title = (m.title or "")[:48] + ("…" if m.title and len(m.title) > 48 else "")
    return (name, "check" if needs_check(doc) else "ok", str(len(doc.issues)), doc.extraction, m.type,
            m.symbol or "—", m.date or "—", m.committee or "", str(c["preambular"]), str(c["operative"]), str(items),
            str(annex), str(len(doc.footnotes)), sponsors, title)


def needs_check(doc: Document) -> bool:
    """Warnings, no symbol, or a resolution or draft without an operative part."""
    body_type = doc.meta.type in ENACTING_TYPES
    return bool(doc.issues) or not doc.meta.symbol or (body_type and not doc.counts()["operative"])


def table(results: list[tuple[str, Document]], failures: list[tuple[str, str]] = ()) -> str:
    """The whole report: an aligned table, then each document's warnings and each unreadable file."""
    rows = [COLUMNS] + [row(name, doc) for name, doc in results]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths).rstrip())
    checked = sum(1 for _, doc in results if needs_check(doc))
    lines.append("")
    lines.append(f"{len(results)} document(s), {checked} to check, {len(failures)} unreadable")
    for name, doc in results:
        lines += [f"  {issue.format(name)}" for issue in doc.issues]
    lines += [f"  error: {message}" for _, message in failures]
    return "\n".join(lines) + "\n"
