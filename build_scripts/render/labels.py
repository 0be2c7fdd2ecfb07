"""How a paragraph is cited in French: ``par. 3 a)``, ``alinéa 5 du préambule``.

Guarantee: every paragraph id of the scheme gets a non-empty label.
"""

from __future__ import annotations

from ..model import Document, Paragraph


def chain(doc: Document, para: Paragraph) -> list[Paragraph]:
    """*para* and its ancestors, outermost first."""
    out = [para]
    while out[0].parent and (parent := doc.paragraph(out[0].parent)):
        out.insert(0, parent)
    return out


def label(doc: Document, para: Paragraph) -> str:
    """The citation label of *para* (French)."""
    parts = chain(doc, para)
    root = parts[0]
    suffix = "".join(f" {p.number})" for p in parts[1:] if p.number)
    if root.kind == "preambular":
        return f"alinéa {root.number}{suffix} du préambule"
    if root.kind in ("operative", "paragraph") and root.number:
        return f"par. {root.number}{suffix}"
    if root.kind == "heading":
        return f"section {root.number}" if root.number else "intertitre"
    if root.kind == "intro":
        return "texte liminaire"
    return f"paragraphe {root.id}"


def citation(doc: Document, para: Paragraph) -> str:
    """``A/RES/74/176, par. 3`` (the title stands in for a missing symbol)."""
    name = doc.meta.symbol or doc.meta.title or doc.meta.id
    return f"{name}, {label(doc, para)}"
