"""Parse step 1: footnote blocks out of the line stream.

PDF dumps put a page's footnotes after a ``______`` separator, in the middle
of a paragraph that goes on after them; Markdown-ish text puts
``<sup>N</sup> text`` lines between paragraphs.

When the extraction marks pages (PyMuPDF, pdftotext), a page's notes run
from its separator — or from an asterisk note (``* On behalf of …``), which
UN drafts print without one on their first page — to the end of the page,
and a note that does not end there runs on into the next page's notes.

Guarantees of :func:`extract`: every footnote line leaves the body and is
returned in a :class:`RawNote` (continuation lines included), numbered notes
are taken only in sequence (1, 2, 3 …), and the body lines keep their order,
so a paragraph interrupted by footnotes joins up again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean.lines import NOTE_CLOSE, NOTE_OPEN, Line

SEPARATOR = re.compile(r"^\s*_{5,}\s*$")
_PDF_NOTE = re.compile(r"^\s*(\*{1,3}|\d{1,3})\s+(\S.*)$")
_ASTERISK_NOTE = re.compile(r"^\s*\*{1,3}\s+\S")
_MD_NOTE = re.compile("^\\s*" + NOTE_OPEN + r"(\*{1,3}|\d{1,3})" + NOTE_CLOSE + r"\s*(\S.*)$")


@dataclass
class RawNote:
    """A footnote as read: marker, text, first raw line."""

    marker: str
    text: str
    line: int


def extract(lines: list[Line], flavour: str) -> tuple[list[Line], list[RawNote], list[tuple[int, str, str]]]:
    """Split *lines* into body lines and footnotes; also return removed separators."""
    if flavour == "markdown":
        return _extract_markdown(lines)
    return _extract_pdf(lines)


def _accepts(marker: str, notes: list[RawNote]) -> bool:
    """Asterisk notes always; numbered notes only as the next number."""
    if marker.startswith("*"):
        return True
    numbers = [int(n.marker) for n in notes if n.marker.isdigit()]
    return int(marker) == (numbers[-1] + 1 if numbers else 1)


def _extract_markdown(lines):
    body, notes = [], []
    for line in lines:
        match = _MD_NOTE.match(line.text)
        if match and _accepts(match.group(1), notes):
            notes.append(RawNote(match.group(1), match.group(2).strip(), line.no))
        else:
            body.append(line)
    return body, notes, []


def _extract_pdf(lines):
    body, notes, separators = [], [], []
    in_block, page = False, None
    for line in lines:
        paged = line.page > 0
        if line.page != page:
            in_block = in_block and not paged  # a new page starts with its body
            page = line.page
        if SEPARATOR.match(line.text):
            separators.append((line.no, line.text, "footnote separator"))
            in_block = True
            continue
        if paged and not in_block and _ASTERISK_NOTE.match(line.text):
            in_block = True
        if in_block:
            match = _PDF_NOTE.match(line.text)
            if match and _accepts(match.group(1), notes):
                notes.append(RawNote(match.group(1), match.group(2).strip(), line.no))
                continue
            if paged and notes:  # the page's notes run to its end, a note may go on to the next page
                notes[-1].text += " " + line.stripped
                continue
            if notes and not _complete(notes[-1].text) and line.no - notes[-1].line < 4:
                notes[-1].text += " " + line.stripped
                continue
            in_block = False
        body.append(line)
    return body, notes, separators


def _complete(text: str) -> bool:
    """A footnote's text is complete when it ends like a sentence."""
    return bool(re.search(r"[.;:)»]\s*$", text))
