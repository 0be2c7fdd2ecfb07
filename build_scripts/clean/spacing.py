"""Rule: spacing — one space between words, French no-break spaces.

Guarantees: runs of spaces collapse to one; no space before ``,`` or ``.``;
in French, a no-break space (U+00A0) stands before ``; : ! ? »`` and after
``«``; in English, no space before ``; : ! ?``. Only spaces change.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"


def repair(text: str, lang: str) -> str:
    """Normalise the spacing of *text*."""
    text = re.sub(r"[ \u00a0\u202f]+", " ", text).strip()
    text = re.sub(r" +([,.)\]])", r"\1", text)
    text = re.sub(r"([(\[]) +", r"\1", text)
    if lang == "fr":
        text = re.sub(r" ?([;:!?]+)(?=\s|$|[»)\]])", lambda m: NBSP + m.group(1), text)  # not inside "http:x"
        text = re.sub(r" ?»", NBSP + "»", text)
        text = re.sub(r"« ?", "«" + NBSP, text)
        text = re.sub(r"(?<=\d)" + NBSP + r":(?=\d)", ":", text)  # 10:30
        text = re.sub(r"(https?)" + NBSP + ":", r"\1:", text)
    else:
        text = re.sub(r" +([;:!?])", r"\1", text)
    return text
