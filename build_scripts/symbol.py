"""UN document symbols as value objects.

A :class:`Symbol` is parsed from the text of a UN document symbol and
guarantees:

* ``str(Symbol.parse(s)) == s`` for every symbol written in its canonical
  form (``A/RES/74/176``, ``E/RES/2015/23``, ``S/RES/2388 (2017)``,
  ``A/74/127``, ``A/RES/1514 (XV)``, ``A/RES/62/236 B``);
* non-canonical spellings seen in the wild (``S/RES/2388(2017)``,
  ``s/RES/2395(2017)``, extra spaces) parse to the same canonical symbol;
* :attr:`Symbol.slug` contains only ``[a-z0-9-]``, is never empty and at most
  :data:`~build_scripts.slug.MAX` characters (:func:`build_scripts.slug.slug`),
  so it is safe as a URL path segment and a file name;
* every component holds a letter or digit (``A/..`` is not a symbol), and
  :meth:`Symbol.url` is a valid URL (``S/RES/2388%20(2017)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from . import slug as slugs

_ROMAN = r"[IVXLC]+"
_SYMBOL_RE = re.compile(
    r"""^\s*
    (?P<series>[A-Za-z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)*?)      # A/RES/74/176, E/CN.15/2018/1
    (?:\s*\((?P<year>\d{4}|""" + _ROMAN + r""")\))?              # (2017) or (XV)
    (?:\s+(?P<part>[A-Z](?:\s*-\s*[A-Z])?))?                    # 62/236 B
    \s*$""",
    re.VERBOSE,
)

#: Prefix of a symbol (upper-cased) -> the body that issues it.
_BODIES = (
    ("A/HRC/", "HRC"),
    ("E/CN.15/", "CCPCJ"),
    ("E/CN.7/", "CND"),
    ("E/CN.6/", "CSW"),
    ("CTOC/COP/", "CTOC-COP"),
    ("A/", "GA"),
    ("E/", "ECOSOC"),
    ("S/", "SC"),
)


@dataclass(frozen=True, order=True)
class Symbol:
    """A UN document symbol such as ``A/RES/74/176`` (immutable, hashable)."""

    parts: tuple[str, ...]
    year: str | None = None
    part: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Symbol":
        """Parse *text*; raise :class:`ValueError` when it is not a symbol."""
        match = _SYMBOL_RE.match(text or "")
        if not match or "/" not in match.group("series"):
            raise ValueError(f"not a UN document symbol: {text!r}")
        parts = tuple(_canonical_part(p) for p in match.group("series").split("/"))
        if any(not any(c.isalnum() for c in p) for p in parts):  # "", "..", "-"
            raise ValueError(f"not a UN document symbol: {text!r}")
        year = match.group("year")
        part = match.group("part")
        return cls(parts, year, part.replace(" ", "") if part else None)

    @classmethod
    def try_parse(cls, text: str) -> "Symbol | None":
        """Like :meth:`parse` but return ``None`` instead of raising."""
        try:
            return cls.parse(text)
        except ValueError:
            return None

    def __str__(self) -> str:
        text = "/".join(self.parts)
        if self.year:
            text += f" ({self.year})"
        if self.part:
            text += f" {self.part}"
        return text

    @property
    def slug(self) -> str:
        """URL slug: lower-case, ``[a-z0-9-]`` only (``a-res-74-176``), length capped."""
        return slugs.slug(str(self), fallback="document")

    @property
    def body(self) -> str | None:
        """The issuing body's short code (``GA``, ``ECOSOC``, ``SC``, ``HRC`` …)."""
        text = "/".join(self.parts).upper() + "/"
        for prefix, body in _BODIES:
            if text.startswith(prefix):
                return body
        return None

    @property
    def committee(self) -> str | None:
        """The General Assembly committee a symbol belongs to: ``A/C.3/80/L.2`` -> ``Third Committee``,
        ``A/80/L.2`` (a plenary draft) -> ``plenary``; None for anything else."""
        if self.parts[0] != "A" or len(self.parts) < 3:
            return None
        match = re.fullmatch(r"C\.([1-6])", self.parts[1])
        if match:
            return ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")[int(match.group(1)) - 1] + " Committee"
        if self.parts[1].isdigit() and re.fullmatch(r"L\.\d+", self.parts[2]):
            return "plenary"
        return None

    @property
    def is_resolution(self) -> bool:
        """True for resolution symbols (``…/RES/…``)."""
        return "RES" in self.parts

    @property
    def short(self) -> str:
        """The short citation form: ``74/176``, ``2015/23``, ``2388 (2017)``."""
        if self.is_resolution:
            tail = self.parts[self.parts.index("RES") + 1 :]
            text = "/".join(tail)
            if self.year:
                text += f" ({self.year})"
            if self.part:
                text += f" {self.part}"
            return text
        return str(self)

    def url(self, language: str = "fr") -> str:
        """The official text on the UN documents service."""
        return f"https://undocs.org/{language}/{quote(str(self), safe='/()')}"


def _canonical_part(part: str) -> str:
    """Upper-case a symbol component, keeping ``Add.1``/``Rev.2``/``Corr.1`` style."""
    part = part.strip()
    lowered = part.lower()
    for word in ("add.", "rev.", "corr.", "amend."):
        if lowered.startswith(word):
            return word.capitalize() + part[len(word):]
    return part.upper()
