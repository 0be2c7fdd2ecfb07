"""How a paragraph is cited in French: ``par. 3 a)``, ``alinéa 5 du préambule``, ``annexe, par. 3``.

Guarantee: every paragraph id of the scheme gets a non-empty label.
"""

from __future__ import annotations

import re

from ..model import Document, Paragraph


def chain(doc: Document, para: Paragraph) -> list[Paragraph]:
    """*para* and its ancestors, outermost first."""
    out = [para]
    while out[0].parent and (parent := doc.paragraph(out[0].parent)):
        out.insert(0, parent)
    return out


_ANNEX = re.compile(r"^annex(?:-(?P<n>[ivxl]+))?(?=-|$)")


def is_annex_heading(para: Paragraph) -> bool:
    """The heading that opens an annex (id ``annex``, ``annex-ii``)."""
    match = _ANNEX.match(para.id)
    return para.kind == "heading" and bool(match) and match.group() == para.id


def label(doc: Document, para: Paragraph) -> str:
    """The citation label of *para* (French)."""
    annex = _ANNEX.match(para.id)
    if annex:
        name = f"annexe {annex['n'].upper()}" if annex["n"] else "annexe"
        return name if para.id == annex.group() else f"{name}, {_label(doc, para)}"
    return _label(doc, para)


def _label(doc: Document, para: Paragraph) -> str:
    parts = chain(doc, para)
    root = parts[0]
    suffix = "".join(f" {p.number})" for p in parts[1:] if p.number)
    if root.kind == "operative" and not root.number:
        return f"dispositif{suffix}"
    if root.kind == "preambular":
        return f"alinéa {root.number}{suffix} du préambule"
    if root.kind in ("operative", "paragraph") and root.number:
        return f"par. {root.number}{suffix}"
    if root.kind == "heading":
        return f"section {root.number}" if root.number else "intertitre"
    if root.kind == "intro" or re.search(r"(?:^|-)intro-\d+$", root.id):
        return f"texte liminaire{suffix}"
    return f"paragraphe {root.id}"


def citation(doc: Document, para: Paragraph) -> str:
    """``A/RES/74/176, par. 3`` (the title stands in for a missing symbol)."""
    name = doc.meta.symbol or doc.meta.title or doc.meta.id
    return f"{name}, {label(doc, para)}"
