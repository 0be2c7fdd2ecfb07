"""Rule: the running header (or footer) of every page after the first.

UN documents repeat, on each later page, the symbol, often the short title
over one to three lines, the job number (``25-16006``) and the page number
(``2/5``), in an order that alternates between even and odd pages
(``A/80/L.4 · 25-16006 · 2/5`` then ``A/80/L.4 · 3/5 · 25-16006``). When the
extraction marks pages, the header is found where it stands: at the top of a
page, it runs to the last job, page or symbol line among the page's first
lines; the lines before that (the repeated title) go with it.

Guarantees: only lines of pages after the first are removed; a header is
recognised only when it holds a job or page number; at most
:data:`MAX_TITLE_LINES` other lines, each shorter than a text line and not
ending a clause, go with it, and only in a header that names the symbol;
when a page has no header at its top, the same is looked for at its bottom
(a footer). Every removed line is recorded as ``running header``. The first
line left on a later page has no ``gap``: blank lines at a page's top belong
to the page, not to the text (whether a paragraph opens there is the
parser's question).
"""

from __future__ import annotations

import dataclasses
import re
from itertools import groupby

from .furniture import BARCODE_LINE, JOB_LINE, PAGE_LINE, SYMBOL_LINE
from .lines import Line

REACH = 8  # lines looked at, from a page's top (or bottom)
MAX_TITLE_LINES = 6
_MAX_TITLE_CHARS = 100
_CLAUSE_END = re.compile(r"[,;:]$")  # a text line, not a title


def remove(lines: list[Line], removed: list) -> list[Line]:
    """Drop the running header/footer lines of each page after the first."""
    if not any(l.page > 1 for l in lines):
        return lines
    drop: set[int] = set()
    for page, group in groupby(lines, key=lambda l: l.page):
        page_lines = list(group)
        if page > 1:
            found = _head(page_lines) or _head(page_lines[::-1])
            drop.update(l.no for l in found)
    removed.extend((l.no, l.text, "running header") for l in lines if l.no in drop)
    kept, page = [], 1
    for line in lines:
        if line.no in drop:
            continue
        kept.append(dataclasses.replace(line, gap=0) if line.page != page else line)  # a page top's blanks are the page's
        page = line.page
    return kept


def _head(page: list[Line]) -> list[Line]:
    """The header lines at the start of *page* (or of a reversed page: its footer)."""
    window = page[:REACH]
    marks = [i for i, l in enumerate(window) if _furniture(l)]
    if not any(JOB_LINE.match(window[i].stripped) or PAGE_LINE.match(window[i].stripped) for i in marks):
        return []
    end = marks[-1]
    others = [l for i, l in enumerate(window[: end + 1]) if i not in marks]
    if others and not any(SYMBOL_LINE.match(window[i].stripped) for i in marks):
        return []  # title lines go with a header only when it names the symbol
    if len(others) > MAX_TITLE_LINES or any(len(l.stripped) > _MAX_TITLE_CHARS or _CLAUSE_END.search(l.stripped)
                                             for l in others):
        return []
    return window[: end + 1]


def _furniture(line: Line) -> bool:
    text = line.stripped
    return bool(JOB_LINE.match(text) or PAGE_LINE.match(text) or SYMBOL_LINE.match(text) or BARCODE_LINE.match(text))
