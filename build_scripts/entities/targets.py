"""SDG target mentions: ``cible 5.2``, ``cibles 5.2, 8.7 et 16.2``, ``target 8.7``.

Guarantees of :func:`target_mentions`: a number counts only inside a list
opened by ``cible(s)``, ``target(s)``, ``ODD`` or ``SDG(s)`` (so ``Alliance 8.7``
or ``Delta 8.7`` never do); the list goes on through commas and ``et``/``and``/
``ou``/``or``; each number of a catalog target is one mention spanning the
number alone; an indicator number (``16.2.1``) is never read as a target.
"""

from __future__ import annotations

import functools
import re
import sys

from .catalog import Catalog, Entity, Mention

_NUM = r"\d{1,2}\.(?:\d{1,2}|[a-z])(?!\w|\.\d)"
_SEP = r"(?:\s*,\s*(?:(?:et|and|ou|or)\s+)?|\s+(?:et|and|ou|or)\s+)"
_LIST = re.compile(rf"(?<!\w)(?:[Cc]ibles?|[Tt]argets?|ODD|SDGs?)\s+{_NUM}(?:{_SEP}{_NUM})*")
_ONE = re.compile(_NUM)


def target_mentions(text: str, catalog: Catalog) -> list[Mention]:
    """Mentions of the catalog's SDG targets in *text*, sorted by start."""
    by_number = _by_number(catalog)
    out = []
    for listing in _LIST.finditer(text):
        for m in _ONE.finditer(text, listing.start(), listing.end()):
            entity = by_number.get(m.group())
            if entity is not None:
                out.append(Mention(entity, m.start(), m.end(), sys.intern(m.group())))
    return out


@functools.lru_cache(maxsize=8)
def _by_number(catalog: Catalog) -> dict[str, Entity]:
    return {dict(e.codes)["target"]: e for e in catalog.by_kind("sdg")}
