"""The canonical line: what every reader (:mod:`build_scripts.readers`) produces.

Whatever tool extracted a text, the stages after reading see one stream of
:class:`Line` records: non-blank lines only, with the raw line number, the
page they stand on and a layout hint saying whether a paragraph may open there.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Private-use characters that bracket a footnote marker inside text: ``\ue000 12 \ue001``.
NOTE_OPEN, NOTE_CLOSE = "\ue000", "\ue001"


@dataclass(frozen=True)
class Line:
    """A non-blank raw line.

    ``no``: its 1-based raw line number; ``text``: right-stripped, tabs as
    spaces; ``indent``: leading spaces; ``gap``: blank lines before it;
    ``page``: the page it stands on (1-based; 0 when the extraction does not
    mark pages); ``opens``: the layout puts a paragraph start here (an indent
    in the seed dumps, a blank line in PyMuPDF or Markdown text);
    ``label_alone``: the line began with a label that stood alone on its raw
    line (``1.`` or ``(a)`` above the text), joined here with the text.
    """

    no: int
    text: str
    indent: int = 0
    gap: int = 0
    page: int = 0
    opens: bool = False
    label_alone: bool = False

    @property
    def stripped(self) -> str:
        return self.text.strip()


def clean_text(raw: str) -> str:
    """One raw line as the readers keep it: tabs as spaces, no-break spaces as spaces, no note brackets."""
    line = raw.replace("\t", "    ").replace(NOTE_OPEN, "").replace(NOTE_CLOSE, "").rstrip()
    return line.replace("\u00a0", " ").replace("\u202f", " ")


def split_lines(text: str, page_break: str | None = None) -> list[Line]:
    """Non-blank lines of *text* with their 1-based numbers; whitespace-only lines are blank.

    ``opens`` is set from the indent (the seed dumps' convention; readers
    change it). With *page_break* (a line that is exactly this string, e.g.
    ``""`` in PyMuPDF output) pages are numbered from 1; otherwise ``page`` is 0.
    Guarantee: the private-use note brackets never appear in the output
    (they are reserved for footnote markers found later).
    """
    out: list[Line] = []
    gap, page = 0, 1 if page_break is not None else 0
    for no, raw in enumerate(text.split("\n"), start=1):
        if page_break is not None and raw == page_break and no > 1:
            page += 1
            continue
        line = clean_text(raw)
        if not line.strip():
            gap += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        out.append(Line(no, line, indent, gap, page, indent > 0))
        gap = 0
    return out
