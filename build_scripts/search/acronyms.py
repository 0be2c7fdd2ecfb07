"""Organizations' acronyms: ``UNODC`` finds « Office des Nations Unies contre la drogue et le crime ».

A text names an organization in full far more often than by its acronym, and a reader types
the acronym (``UNODC``, ``ONUDC``, ``ECOSOC``, ``HCR``). A field that names an organization of
the entity catalog (``data/entities/organizations.yml``: its French and English names and
aliases) is indexed with that organization's acronyms as extra tokens, in both languages,
once per mention: ``UNODC`` and ``ONUDC`` both find the French and the English name. The
queries are analyzed as before; a snippet marks the name where the acronym matched it.

Guarantees:

* :func:`acronym_tokens` is a pure function of the text: the acronyms (as the tokenizer gives
  them) of every organization whose name's :func:`~.text.phrase_key` (folded words, two words
  at least) occurs in the text's phrase key, once per occurrence, in text order;
* :func:`names_of` gives, for an index term, the phrase keys of the names that bring it, so
  that a snippet can mark them (``search.js`` reads the same table from ``search-support.js``).
"""

from __future__ import annotations

import functools

from build_scripts.entities.catalog import load_catalog
from build_scripts.search.pipeline import process_term
from build_scripts.search.text import fold, phrase_key, tokenize


@functools.lru_cache(maxsize=1)
def tables() -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """``(first word -> name keys as word tuples, name key -> acronym tokens, term -> name keys)``."""
    catalog = load_catalog()
    tokens_of: dict[str, set[str]] = {}
    for entity in catalog.by_kind("organization"):
        raw = catalog.details(entity)
        acronyms = {t.term.lower() for a in raw.get("acronyms", []) for t in tokenize(a) if not t.alias}
        if not acronyms:
            continue
        aliases = raw.get("aliases") or {}
        names = [raw["fr"], raw["en"], *aliases.get("fr", []), *aliases.get("en", [])]
        for name in names:
            key = phrase_key(name)
            if len(key.split()) >= 2:
                tokens_of.setdefault(key, set()).update(acronyms)
    first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(tokens_of):
        words = tuple(key.split())
        first.setdefault(words[0], []).append(words)
    names: dict[str, set[str]] = {}
    for key, acronyms in tokens_of.items():
        for token in acronyms:
            if (term := process_term(token)) is not None:
                names.setdefault(term, set()).add(key)
    return ({w: tuple(sorted(ks, key=lambda k: (-len(k), k))) for w, ks in first.items()},
            {k: tuple(sorted(v)) for k, v in tokens_of.items()},
            {t: tuple(sorted(v)) for t, v in sorted(names.items())})


def acronym_tokens(text: str, tokens=None) -> list[str]:
    """The acronyms of the organizations *text* names (see the module docstring); *tokens*:
    ``tokenize(text)`` when the caller has it."""
    first, tokens_of, _ = tables()
    words = [fold(t.term) for t in (tokenize(text) if tokens is None else tokens) if not t.alias]  # phrase_key's words
    out: list[str] = []
    for i, word in enumerate(words):
        for name in first.get(word, ()):
            if tuple(words[i:i + len(name)]) == name:
                out += tokens_of[" ".join(name)]
    return out


def names_of(term: str) -> tuple[str, ...]:
    """The phrase keys of the names that bring the index term *term* (none for most terms)."""
    return tables()[2].get(term, ())


def support_table() -> dict[str, list[str]]:
    """``{term: [name phrase keys]}`` for ``search-support.js``."""
    return {term: list(keys) for term, keys in tables()[2].items()}
