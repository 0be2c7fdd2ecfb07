"""State lookup by name, for draft sponsors (``Colombie``, ``Bélarus``, ``Colombia``).

Guarantees of :func:`find_state`: it matches the French or English official
name or an alias of a State, ignoring case, accents, spaces, punctuation and a
leading article (``le Bélarus``, ``the Netherlands``), or an ISO code written in
capitals (``CO``, ``COL``); it returns None for anything else, never guesses
(``Palestine`` alone is not ``État de Palestine``) and never raises.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .catalog import Catalog, CatalogError, Entity, load_catalog

_ARTICLE = re.compile(r"^\s*(?:l\s*['’]\s*|(?:le|la|les|the)\s+)", re.IGNORECASE)


def find_state(name: str, catalog: Catalog | None = None) -> Entity | None:
    """The State *name* designates, or None (see module docstring)."""
    names, codes = _states(catalog or load_catalog())
    if name.strip() in codes:
        return codes[name.strip()]
    return names.get(squash(name)) or names.get(squash(_ARTICLE.sub("", name)))


def squash(name: str) -> str:
    """Comparison key: no accents, no case, letters and digits only."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=8)
def _states(catalog: Catalog) -> tuple[dict[str, Entity], dict[str, Entity]]:
    names: dict[str, Entity] = {}
    codes: dict[str, Entity] = {}
    for state in catalog.by_kind("state"):
        for form in (state.name_fr, state.name_en, *state.aliases):
            if names.setdefault(squash(form), state) != state:
                raise CatalogError(f"state name {form!r} is ambiguous")
        codes.update((code, state) for _, code in state.codes)
    return names, codes
