"""Document -> JSON record (the static data API's shape).

Guarantees: :func:`dumps` is deterministic (sorted keys, fixed indentation,
no timestamps), so the same document always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Document


def record(doc: Document, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The full JSON record of *doc* (metadata, paragraphs, footnotes …)."""
    meta = doc.meta
    out: dict[str, Any] = {
        "id": meta.id, "symbol": meta.symbol, "type": meta.type, "body": meta.body,
        "language": meta.language, "title": meta.title, "date": meta.date, "session": meta.session,
        "agenda_items": list(meta.agenda_items), "sponsors": list(meta.sponsors), "sponsors_note": meta.sponsors_note,
        "committee": meta.committee, "committee_report": meta.committee_report, "drafts": list(meta.drafts), "amends": meta.amends,
        "original_language": meta.original_language, "meeting": meta.meeting,
        "distribution_date": meta.distribution_date, "year": meta.year, "source": meta.source,
        "provenance": dict(meta.provenance), "structured": doc.structured, "extraction": doc.extraction,
        "masthead": list(doc.masthead), "formula": doc.formula, "closing": list(doc.closing),
        "paragraphs": [
            {"id": p.id, "kind": p.kind, "number": p.number, "parent": p.parent, "text": p.text,
             "lead": p.lead, "level": p.level,
             "notes": [{"marker": r.marker, "offset": r.offset} for r in p.notes]}
            for p in doc.paragraphs
        ],
        "footnotes": [{"id": n.id, "marker": n.marker, "text": n.text, "cited_in": list(n.cited_in)}
                      for n in doc.footnotes],
        "warnings": [{"line": i.line, "message": i.message} for i in doc.issues],
    }
    if extra:
        out.update(extra)
    return out


def summary(doc: Document) -> dict[str, Any]:
    """The short entry of *doc* in ``api/documents.json``."""
    meta = doc.meta
    return {"id": meta.id, "symbol": meta.symbol, "type": meta.type, "body": meta.body,
            "title": meta.title, "date": meta.date, "session": meta.session, "language": meta.language,
            "url": f"documents/{meta.id}/", "json": f"api/documents/{meta.id}.json"}


def dumps(value: Any) -> str:
    """Deterministic JSON text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
