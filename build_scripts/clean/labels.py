"""Rule: a label alone on its line opens the paragraph that follows.

PDF extractions often put a paragraph's number or an item's letter on a line
of its own (``1.`` then ``Reaffirms …``; ``(a)`` then ``Urges …``; even
``25`` without its period; a section's ``I`` above its title). Guarantee: a line that is only a label is joined
with the next line, which must start with a letter or an opening quote and
carry no label of its own; the
joined line keeps the label's line number and ``label_alone`` is set, so the
parser can accept a number printed without its period there, and only there.
A lone label with no text after it is left as it is.
"""

from __future__ import annotations

import dataclasses
import re

from .lines import Line

LABEL_ALONE = re.compile(r"^\s*(?:\d{1,3}\.?|\(?[a-z]\)|\(?[ivx]{1,5}\)|[IVX]{1,5}\.?|[A-H]\.)\s*$")
_STARTS_LABEL = re.compile(r"^\s*(?:\d{1,3}\.|\(?[a-z]{1,4}\)|[IVX]{1,5}\.)\s")  # the next line has its own label
_STARTS_TEXT = re.compile(r"^\s*[^\W\d_“\"‘]|^\s*[“\"‘]")


def join(lines: list[Line]) -> list[Line]:
    """Join every lone label with the line it labels."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and LABEL_ALONE.match(line.text) and _STARTS_TEXT.match(nxt.text) \
                and not LABEL_ALONE.match(nxt.text) and not _STARTS_LABEL.match(nxt.text):
            text = f"{line.text.rstrip()} {nxt.text.strip()}"
            out.append(dataclasses.replace(line, text=text, label_alone=True))
            i += 2
            continue
        out.append(line)
        i += 1
    return out
