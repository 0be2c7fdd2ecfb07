"""Language tables: the words the parser needs, loaded from ``data/lang/*.yml``.

Guarantees: :func:`language` returns the same cached, read-only table for a
code; :func:`detect` always returns a code that has a table.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

_DATA = Path(__file__).parent / "data" / "lang"
LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Language:
    """One language's table (see ``data/lang/fr.yml`` for the keys)."""

    code: str
    table: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.table[key]

    def regex(self, key: str) -> re.Pattern[str]:
        """The table's pattern *key*, compiled case-insensitively."""
        return _compile(self.code, key)

    def month(self, name: str) -> int | None:
        return self.table["months"].get(name.lower())

    def number_words(self, words: str) -> int | None:
        """``soixante-quatorzième`` -> 74, ``seventy-fourth`` -> 74; None if unknown."""
        units = self.table["units"]
        total, parts = 0, [p for p in re.split(r"[\s\-]+", words.lower()) if p and p not in ("et", "and")]
        if not parts:
            return None
        for i, part in enumerate(parts):
            value = units.get(part)
            if value is None:
                return None
            if value == 20 and i > 0 and units.get(parts[i - 1]) == 4:  # quatre-vingt
                total += 80 - 4
                continue
            total += value
        return total


@functools.lru_cache(maxsize=None)
def language(code: str) -> Language:
    """The table for *code* (falls back to French for an unknown code: a code is never a path)."""
    path = _DATA / f"{code if code in LANGUAGES else 'fr'}.yml"
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Language(table["code"], MappingProxyType(table))


@functools.lru_cache(maxsize=None)
def _compile(code: str, key: str) -> re.Pattern[str]:
    return re.compile(language(code)[key], re.IGNORECASE | re.MULTILINE)


#: Lines from the top of a text in which its UN furniture is looked for (:func:`detect`).
HEAD_LINES = 80


def detect(text: str) -> str:
    """The language of *text*: the one its UN furniture is printed in — the adoption line
    (« adoptée par … le », "adopted by … on"), the distribution line, the enacting formula
    (« L’Assemblée générale, »), the meeting line — when the first :data:`HEAD_LINES` lines have
    such lines of one language only (a UN document prints them in its own language, whatever
    it quotes); else the table whose stop words occur most often."""
    head = "\n".join(text.split("\n", HEAD_LINES)[:HEAD_LINES])
    marked = [code for code in LANGUAGES if _furniture(code, head)]
    if len(marked) == 1:
        return marked[0]
    words = re.findall(r"[^\W\d_]+", text.lower())
    best, best_score = LANGUAGES[0], -1
    for code in LANGUAGES:
        stop = set(language(code)["stopwords"])
        score = sum(1 for w in words if w in stop)
        if score > best_score:
            best, best_score = code, score
    return best


def _furniture(code: str, head: str) -> bool:
    """Whether *head* has a line of UN furniture in language *code* (see :func:`detect`)."""
    if any(_compile(code, key).search(head) for key in ("adopted_on", "distribution", "meeting")):
        return True
    formulas = "|".join(re.escape(f) for f in sorted(language(code)["formulas"], key=len, reverse=True))
    return re.search(rf"^\s*(?:{formulas})\s*,\s*$", head, re.MULTILINE) is not None
