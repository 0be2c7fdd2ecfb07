"""One safe-slug helper for every name that becomes a file name, a path or a URL segment.

Document ids, symbol slugs, series ids and listing (facet) slugs all come
from here. Guarantees:

* :func:`slug` returns ``[a-z0-9]+(-[a-z0-9]+)*``, never empty, at most
  :data:`MAX` characters (a file name of ``<slug>-NN.json`` stays far below
  the 255-byte limit of file systems), and the same text always gives the
  same slug. A text whose slug would be longer is cut and ends with an
  8-character hash of the whole text, so two long names that share their
  first 110 characters still get two slugs.
* :func:`hashed` always ends with the hash: for values that are not the
  canonical spelling of a name (an unknown body code, say), so that they
  can never take the slug of a canonical one (``Assemblee generale`` never
  becomes the General Assembly's ``assemblee-generale``).
* :func:`is_slug` tells whether a text is already such a slug.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX = 120
HASH = 8
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def digest(text: str) -> str:
    """Short stable hash of *text* (8 hexadecimal digits)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH]


def _base(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def _with_hash(base: str, text: str, max_len: int) -> str:
    head = base[: max_len - HASH - 1].rstrip("-")
    return f"{head}-{digest(text)}" if head else digest(text)


def slug(text: str, fallback: str | None = None, max_len: int = MAX) -> str:
    """*text* as a slug (see module docstring); *fallback* when it has no letter or digit
    (without one: the hash of *text*)."""
    base = _base(text)
    if not base:
        return fallback if fallback and is_slug(fallback, max_len) else _with_hash("", text, max_len)
    if len(base) <= max_len:
        return base
    return _with_hash(base, text, max_len)


def hashed(text: str, max_len: int = MAX) -> str:
    """*text* as a slug that always ends with its hash (``assemblee-generale-1a2b3c4d``)."""
    return _with_hash(_base(text), text, max_len)


def is_slug(text: str, max_len: int = MAX) -> bool:
    """True when *text* is already a slug of at most *max_len* characters."""
    return len(text) <= max_len and _SLUG.fullmatch(text) is not None
