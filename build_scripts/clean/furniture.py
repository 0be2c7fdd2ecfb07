"""Rule: page furniture (headers, footers, job numbers, barcodes, page numbers, links, rules).

Guarantee: a line is removed only when it consists *entirely* of furniture
tokens; every removed line is recorded with the rule's name. A symbol alone
on its line is furniture when it repeats (a running header) or is the
document's own, the first one printed; another symbol on a line of its own
(``A/C.3/80/L.20/Rev.1``, the draft an amendment amends) is text.
"""

from __future__ import annotations

import re
from collections import Counter

from .lines import Line

_JOB = r"(?:[A-Z]\.)?\d{2}-\d{5}(?:\s*\([A-Z]\)(?:\s+\d{6})?)?"  # V.19-04876, 15-22153 (E) 080216
_PAGE = r"\d{1,3}/\d{1,3}"
JOB_LINE = re.compile(rf"^\s*(?:(?:{_JOB}|{_PAGE})\s*)*{_JOB}(?:\s*(?:{_JOB}|{_PAGE}))*\s*$")
PAGE_LINE = re.compile(rf"^\s*{_PAGE}\s*$")
BARCODE_LINE = re.compile(r"^\s*\*\d{7,9}\*\s*$")  # *1522153*, the job number as a barcode
LINK_LINE = re.compile(r"^\s*<?https?://\S+>?\s*$")
RULE_LINE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}\s*$)")
SYMBOL_LINE = re.compile(r"^\s*[A-Z]{1,5}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?:\s*\(\d{4}\))?\s*$")  # S/RES/2719 (2023) too


def kind(line: Line, has_jobs: bool, symbols: Counter[str], own: str | None = None) -> str | None:
    """The furniture rule matching *line*, or None when the line is text."""
    text = line.stripped
    if JOB_LINE.match(text):
        return "job number"
    if BARCODE_LINE.match(text):
        return "barcode"
    if LINK_LINE.match(text):
        return "link line"
    if has_jobs and PAGE_LINE.match(text) and _plausible_page(text):
        return "page number"
    if SYMBOL_LINE.match(text) and (symbols[text] > 1 or (has_jobs and text == own)):
        return "page header"
    return None


def remove(lines: list[Line], removed: list, flavour: str) -> list[Line]:
    """Drop furniture lines from *lines*, appending ``(no, text, rule)`` to *removed*.

    Markdown page breaks (``---``) count as furniture; PDF footnote separators
    (``_____``) are kept, the parser needs them.
    """
    has_jobs = any(JOB_LINE.match(l.stripped) for l in lines)
    symbols = Counter(l.stripped for l in lines if SYMBOL_LINE.match(l.stripped))
    own = next((l.stripped for l in lines if SYMBOL_LINE.match(l.stripped)), None)  # the masthead's symbol
    kept: list[Line] = []
    for line in lines:
        rule = kind(line, has_jobs, symbols, own)
        if rule is None and flavour == "markdown" and re.match(r"^\s*(?:-{3,}|\*{3,})\s*$", line.text):
            rule = "page break"
        if rule:
            removed.append((line.no, line.text, rule))
        else:
            kept.append(line)
    return kept


def _plausible_page(text: str) -> bool:
    page, total = (int(x) for x in text.strip().split("/"))
    return 0 < page <= total
