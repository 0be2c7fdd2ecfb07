"""Parse step 1: footnote blocks out of the line stream.

PDF dumps put a page's footnotes after a ``______`` separator, in the middle
of a paragraph that goes on after them; Markdown-ish text puts
``<sup>N</sup> text`` lines between paragraphs.

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
    in_block = False
    for line in lines:
        if SEPARATOR.match(line.text):
            separators.append((line.no, line.text, "footnote separator"))
            in_block = True
            continue
        if in_block:
            match = _PDF_NOTE.match(line.text)
            if match and _accepts(match.group(1), notes):
                notes.append(RawNote(match.group(1), match.group(2).strip(), line.no))
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
