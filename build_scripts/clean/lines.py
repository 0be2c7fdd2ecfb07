"""Raw text -> :class:`Line` records (one per non-blank raw line)."""

from __future__ import annotations

from dataclasses import dataclass

#: Private-use characters that bracket a footnote marker inside text: ``\ue000 12 \ue001``.
NOTE_OPEN, NOTE_CLOSE = "\ue000", "\ue001"


@dataclass(frozen=True)
class Line:
    """A non-blank raw line: its number, text (right-stripped), indentation, blank lines before it."""

    no: int
    text: str
    indent: int = 0
    gap: int = 0

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of *text* with their 1-based numbers; tabs become spaces.

    Guarantee: the private-use note brackets never appear in the output
    (they are reserved for footnote markers found later).
    """
    out: list[Line] = []
    gap = 0
    for no, raw in enumerate(text.split("\n"), start=1):
        line = raw.replace("\t", "    ").replace(NOTE_OPEN, "").replace(NOTE_CLOSE, "").rstrip()
        line = line.replace("\u00a0", " ").replace("\u202f", " ")
        if not line.strip():
            gap += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        out.append(Line(no, line, indent, gap))
        gap = 0
    return out
