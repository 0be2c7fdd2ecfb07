"""Reader: ``pdftotext`` output (Poppler), pages separated by a form feed.

``pdftotext`` (without ``-layout``) writes blocks separated by blank lines
and starts every page after the first with a form feed (``\\f``).
Guarantees: pages numbered from 1 at each form feed; the form feed is not
part of the text; the blank-line layout of :mod:`.pymupdf` otherwise.
"""

from __future__ import annotations

from ..clean.lines import Line, clean_text
from .pymupdf import paged

NAME = "pdftotext"
FLAVOUR = "pdf"


def recognises(text: str) -> bool:
    return "\f" in text


def lines(text: str) -> list[Line]:
    out, gap, page = [], 0, 1
    for no, raw in enumerate(text.split("\n"), start=1):
        page += raw.count("\f")
        line = clean_text(raw.replace("\f", ""))
        if not line.strip():
            gap += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        out.append(Line(no, line, indent, gap, page))
        gap = 0
    return paged(out)
