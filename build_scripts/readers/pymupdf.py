"""Reader: PyMuPDF text (``page.get_text()`` of every page, pages joined with a newline).

How such text looks: nearly every line ends with a space; a blank line
inside a page holds one or two spaces; a page boundary is the one line that
is truly empty, followed by the next page's running header; paragraphs are
separated by blank lines, their lines are not indented.

Guarantees of :func:`lines`: pages are numbered from 1 at each empty line;
``opens`` is true after a blank line (or at the top of a page: whether a
paragraph really opens there is left to the parser, which also asks the
text for a finished clause and a capital).
"""

from __future__ import annotations

import dataclasses
import re

from ..clean.lines import Line, split_lines

NAME = "pymupdf"
FLAVOUR = "pdf"

_INDENTED = re.compile(r"^ +\S")


def recognises(text: str) -> bool:
    """Blank lines that hold spaces outnumber the truly empty ones (page breaks), and few lines are indented."""
    raw = text.split("\n")
    spaces = sum(1 for l in raw if l and not l.strip())
    empty = sum(1 for l in raw if not l)
    filled = [l for l in raw if l.strip()]
    indented = sum(1 for l in filled if _INDENTED.match(l))
    return spaces > 0 and spaces > empty and indented < 0.1 * max(len(filled), 1)


def lines(text: str) -> list[Line]:
    return paged(split_lines(text, page_break=""))


def paged(found: list[Line]) -> list[Line]:
    """Blank-line layout: a paragraph may open after a blank line or at a page top."""
    out, page = [], None
    for line in found:
        out.append(dataclasses.replace(line, opens=line.gap > 0 or line.page != page))
        page = line.page
    return out
