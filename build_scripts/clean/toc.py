"""Rule: tables of contents with dot leaders.

A table of contents starts at a title line (``Table des matières``,
``Contents``) and runs to its last dot-leader line (``Introduction . . . 3``);
the lines in between (entry continuations, the ``Page`` column title) go with
it. Guarantee: nothing after the last leader line is removed, and a file with
no leader lines loses nothing.
"""

from __future__ import annotations

import re

from ..lang import LANGUAGES, language
from .lines import Line

LEADER = re.compile(r"(?:\s?\.){4,}\s*\d*\s*$")
_TITLES = {t.lower() for code in LANGUAGES for t in language(code)["toc_titles"]}


def remove(lines: list[Line], removed: list) -> list[Line]:
    """Remove every table of contents from *lines*, recording removed lines."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].stripped.lower() in _TITLES:
            end = _last_leader(lines, i)
            if end is not None:
                removed.extend((l.no, l.text, "table of contents") for l in lines[i : end + 1])
                i = end + 1
                continue
        out.append(lines[i])
        i += 1
    return out


def _last_leader(lines: list[Line], start: int, reach: int = 6) -> int | None:
    """Index of the last leader line of a TOC starting at *start* (None if none)."""
    last = None
    for j in range(start + 1, len(lines)):
        if LEADER.search(lines[j].text):
            last = j
        elif j - (last if last is not None else start) > reach:
            break
    return last
