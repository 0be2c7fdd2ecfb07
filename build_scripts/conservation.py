"""The conservation check: no word of the raw text may be lost or invented.

It compares the words of the raw text (furniture lines and markup syntax
aside) with the words of the parsed document (masthead, title, formula,
paragraph numbers and texts, note markers, footnotes, closing lines).

Guarantees of :func:`check`: a word counts as kept when it stands in the
output in the same run, or when a run of raw words and a run of output words
spell the same letters (a split word joined, a hyphenated word rejoined), or
when it moved (footnotes move from mid-page to the end); whatever is left is
reported as ``lost`` (in the raw text, not in the output) or ``added``.
The word diff (:mod:`build_scripts.worddiff`) runs in linear time on texts
that differ locally, so a 4 MB report is checked in seconds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import worddiff
from .clean import markup
from .clean.lines import NOTE_CLOSE, NOTE_OPEN
from .model import Document

_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class Report:
    """Words lost and added, with counts (both empty when nothing was lost)."""

    raw_words: int
    output_words: int
    lost: tuple[tuple[str, int], ...]
    added: tuple[tuple[str, int], ...]

    @property
    def ok(self) -> bool:
        return not self.lost and not self.added


def tokens(text: str) -> list[str]:
    """Lower-case words and numbers of *text*."""
    return _TOKEN.findall(text.replace(NOTE_OPEN, " ").replace(NOTE_CLOSE, " ").lower())


def raw_tokens(raw: str, doc: Document) -> list[str]:
    """Words of the raw text, skipping furniture lines and markup syntax."""
    skip = {no for no, _, _ in doc.furniture}
    out: list[str] = []
    for no, line in enumerate(raw.split("\n"), start=1):
        if no not in skip:
            out.extend(tokens(markup.convert_text(line)))
    return out


def output_tokens(doc: Document) -> list[str]:
    """Words of the parsed document, note markers included where they stood."""
    parts = list(doc.masthead) + [doc.title_line or "", doc.formula or ""]
    for para in doc.paragraphs:
        text, pos = para.text, 0
        printed = para.number and para.kind != "preambular" and doc.structured  # others are counted, not printed
        pieces = [f"{para.number} " if printed else ""]
        for ref in para.notes:
            pieces += [text[pos : ref.offset], f" {ref.marker} "]
            pos = ref.offset
        pieces.append(text[pos:])
        parts.append("".join(pieces))
    parts += [f"{note.marker} {note.text}" for note in doc.footnotes]
    parts += list(doc.closing)
    return [t for part in parts for t in tokens(part)]


def check(raw: str, doc: Document) -> Report:
    """Compare raw and output words (see module docstring)."""
    src, dst = raw_tokens(raw, doc), output_tokens(doc)
    lost, added = Counter(), Counter()
    for a, b in worddiff.runs(src, dst):
        if "".join(a) != "".join(b):
            lost.update(a)
            added.update(b)
    moved = lost & added
    lost, added = lost - moved, added - moved
    lost, added = _rejoin(lost, added)
    return Report(len(src), len(dst), tuple(sorted(lost.items())), tuple(sorted(added.items())))


def _rejoin(lost: Counter, added: Counter) -> tuple[Counter, Counter]:
    """Cancel an added word that is two lost fragments joined (moved text keeps its repairs)."""
    for word in list(added):
        for i in range(1, len(word)):
            head, tail = word[:i], word[i:]
            while added[word] and lost[head] and lost[tail] and (head != tail or lost[head] > 1):
                added[word] -= 1
                lost[head] -= 1
                lost[tail] -= 1
    return +lost, +added
