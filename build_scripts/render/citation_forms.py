"""How a reader cites a document and a paragraph, in the document's own language.

The forms of UN and academic writing, for the « Copier la citation » button
and the CSL-JSON record that reference managers import:

* French: « Résolution 74/176 de l’Assemblée générale du 18 décembre 2019,
  par. 6 », « Résolution 2015/23 du Conseil économique et social, alinéa 5
  du préambule », « Projet de résolution présenté par le Bélarus (2013),
  par. 3 », « Rapport du Secrétaire général (A/74/127), par. 12 »;
* English: « General Assembly resolution 80/13 of 1 December 2025, para. 6 »,
  « Draft resolution A/C.3/80/L.2, preambular para. 5 ».

Guarantees: :func:`document_name` is never empty (the symbol, the title or
the id stand in for what is unknown); :func:`paragraph_label` gives every
paragraph id of the scheme a label in the document's language; the CSL-JSON
record (:func:`csl`) holds only what the document states.
"""

from __future__ import annotations

import re

from ..model import Document, Paragraph
from ..symbol import Symbol
from . import french
from .labels import label

_BODIES_EN = {"GA": "General Assembly", "ECOSOC": "Economic and Social Council", "SC": "Security Council",
              "HRC": "Human Rights Council"}
_OF_BODY_FR = {"GA": "de l’Assemblée générale", "ECOSOC": "du Conseil économique et social",
               "SC": "du Conseil de sécurité", "HRC": "du Conseil des droits de l’homme"}
_TYPES_EN = {"resolution": "Resolution", "draft_resolution": "Draft resolution",
             "revised_draft_resolution": "Revised draft resolution", "decision": "Decision",
             "draft_decision": "Draft decision", "revised_draft_decision": "Revised draft decision",
             "amendment": "Amendment", "report": "Report", "letter": "Letter", "note": "Note", "document": "Document"}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def _date_en(iso: str | None) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{int(m.group(3))} {_MONTHS_EN[int(m.group(2)) - 1]} {m.group(1)}" if m and 1 <= int(m.group(2)) <= 12 else ""


def _short(symbol: str | None) -> str | None:
    parsed = Symbol.try_parse(symbol or "")
    return parsed.short if parsed and parsed.is_resolution else None


def document_name(doc: Document) -> str:
    """The document as a citation names it, in its language (see module docstring)."""
    return _name_en(doc) if doc.meta.language == "en" else _name_fr(doc)


def _name_fr(doc: Document) -> str:
    m = doc.meta
    short, when = _short(m.symbol), french.date(m.date)
    if m.type in ("resolution", "decision") and short:
        kind = "Résolution" if m.type == "resolution" else "Décision"
        body = f" {_OF_BODY_FR[m.body]}" if m.body in _OF_BODY_FR else ""
        return f"{kind} {short}{body}" + (f" du {when}" if when else "")
    if m.type == "report" and m.symbol:
        by = " du Secrétaire général" if "secrétaire général" in (m.title or "").lower() else ""
        return f"Rapport{by} ({m.symbol})"
    kind = french.type_label(m.type)
    if m.symbol:
        return f"{kind} {m.symbol}"
    if m.sponsors:
        names = [_article(s) for s in m.sponsors]
        who = names[0] if len(names) == 1 else (" et ".join(names) if len(names) == 2 else f"{names[0]} et autres")
        return f"{kind} présenté par {who}" + (f" ({m.year})" if m.year else "")
    return m.title or m.id


_PLURAL = ("États-Unis", "Émirats", "Pays-Bas", "Philippines", "Comores", "Maldives", "Seychelles", "Bahamas",
           "Îles", "Fidji", "Tonga")
_MASCULINE_E = ("ique", "Cambodge", "Zimbabwe", "Belize", "Suriname", "Mozambique", "Bangladesh")


def _article(state: str) -> str:
    """« le Bélarus », « la Colombie », « l’Équateur », « les Philippines »: the French article of a
    State's name, from its form (the usual rule: feminine when it ends in -e, with the known exceptions)."""
    if state.startswith(_PLURAL):
        return f"les {state}"
    if state[:1].lower() in "aeiouyéèêâîôh":
        return f"l’{state}"
    return f"la {state}" if state.endswith("e") and not state.endswith(_MASCULINE_E) else f"le {state}"


def _name_en(doc: Document) -> str:
    m = doc.meta
    short, when = _short(m.symbol), _date_en(m.date)
    if m.type in ("resolution", "decision") and short:
        body = f"{_BODIES_EN[m.body]} " if m.body in _BODIES_EN else ""
        return f"{body}{m.type} {short}" + (f" of {when}" if when else "")
    kind = _TYPES_EN.get(m.type, "Document")
    if m.symbol:
        return f"{kind} {m.symbol}"
    return m.title or m.id


def paragraph_label(doc: Document, para: Paragraph) -> str:
    """``par. 3 a)`` / ``para. 3 (a)``: the paragraph's label in the document's language."""
    return label(doc, para, "en" if doc.meta.language == "en" else "fr")


def csl(doc: Document, url: str) -> dict:
    """The document as a CSL-JSON item (what Zotero, Mendeley and citeproc import)."""
    m = doc.meta
    item = {"id": m.id, "type": "report" if m.type == "report" else "legislation", "title": m.title or m.symbol or m.id,
            "publisher": "United Nations" if m.language == "en" else "Nations Unies", "language": m.language,
            "URL": url}
    if m.symbol:
        item["number"] = m.symbol
    if m.body:
        item["authority"] = _BODIES_EN.get(m.body, m.body) if m.language == "en" else french.body_label(m.body)
    if m.date:
        item["issued"] = {"date-parts": [[int(x) for x in m.date.split("-")]]}
    elif m.year:
        item["issued"] = {"date-parts": [[int(m.year)]]}
    return item
