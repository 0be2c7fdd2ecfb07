"""Rule: one apostrophe style (’) and no stray space around elisions (``l ’infraction``).

Guarantee: only the space between an elided particle (l, d, qu, s, n, …) and
its apostrophe is removed; letters are never changed.
"""

from __future__ import annotations

import re

APOSTROPHE = "\u2019"
_STRAIGHT = re.compile(r"(?<=[^\W\d_])['\u02bc\u00b4`](?=[^\W\d_])")
_SPACED = re.compile(r"\b((?:[lLdDjJmMnNsStTcC])|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uelqu) ?[’'] ?(?=[^\W\d_])")


def repair(text: str, lang: str) -> str:
    """Normalise apostrophes in *text*."""
    text = _STRAIGHT.sub(APOSTROPHE, text)
    if lang == "fr":
        text = _SPACED.sub(lambda m: m.group(1) + APOSTROPHE, text)
    return text
