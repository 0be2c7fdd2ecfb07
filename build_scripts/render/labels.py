"""How a paragraph is cited: ``par. 3 a)``, ``alinéa 5 du préambule``, ``annexe, par. 3`` (and in
English for English texts: ``para. 3 (a)``, ``preambular para. 5``, ``annex, para. 3``).

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


#: The words of a citation label, per language of the cited text.
_WORDS = {
    "fr": {"item": " {n})", "preambular": "alinéa {n}{s} du préambule", "paragraph": "par. {n}{s}",
           "operative": "dispositif{s}", "section": "section {n}", "heading": "intertitre",
           "intro": "texte liminaire{s}", "other": "paragraphe {id}", "annex": "annexe"},
    "en": {"item": " ({n})", "preambular": "preambular para. {n}{s}", "paragraph": "para. {n}{s}",
           "operative": "operative text{s}", "section": "section {n}", "heading": "heading",
           "intro": "introductory text{s}", "other": "paragraph {id}", "annex": "annex"},
}


def label(doc: Document, para: Paragraph, language: str = "fr") -> str:
    """The citation label of *para*, in French (the site's) or in *language* (``en``)."""
    words = _WORDS.get(language, _WORDS["fr"])
    annex = _ANNEX.match(para.id)
    if annex:
        name = f"{words['annex']} {annex['n'].upper()}" if annex["n"] else words["annex"]
        return name if para.id == annex.group() else f"{name}, {_label(doc, para, words)}"
    return _label(doc, para, words)


def place_label(doc: Document, pid: str) -> str:
    """The label of a paragraph or a footnote of *doc* by its id: ``par. 3``, ``note 2``,
    ``note *`` (the footnote's own marker, not its id's ``star``); an unknown id as it is."""
    para = doc.paragraph(pid)
    if para is not None:
        return label(doc, para)
    note = next((n for n in doc.footnotes if n.id == pid), None)
    return f"note {note.marker}" if note is not None else f"note {pid[3:]}" if pid.startswith("fn-") else pid


def _label(doc: Document, para: Paragraph, words: dict) -> str:
    parts = chain(doc, para)
    root = parts[0]
    s = "".join(words["item"].format(n=p.number) for p in parts[1:] if p.number)
    if root.kind == "operative" and not root.number:
        return words["operative"].format(s=s)
    if root.kind == "preambular":
        return words["preambular"].format(n=root.number, s=s)
    if root.kind in ("operative", "paragraph") and root.number:
        return words["paragraph"].format(n=root.number, s=s)
    if root.kind == "heading":
        return words["section"].format(n=root.number) if root.number else words["heading"]
    if root.kind == "intro" or re.search(r"(?:^|-)intro-\d+$", root.id):
        return words["intro"].format(s=s)
    counted = re.fullmatch(r"(?:para|p)-(\d+)", root.id)  # an unnumbered paragraph: the archive's count
    return words["other"].format(id=counted.group(1) if counted else root.id)


def citation(doc: Document, para: Paragraph) -> str:
    """``A/RES/74/176, par. 3`` (the title stands in for a missing symbol)."""
    name = doc.meta.symbol or doc.meta.title or doc.meta.id
    return f"{name}, {label(doc, para)}"
