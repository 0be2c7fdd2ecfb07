"""Edge: bytes of a raw file -> text, with clear messages for bad input.

Guarantees of :func:`decode`: the result is a ``str`` with ``\\n`` line ends
and no byte-order mark; UTF-8 is tried first, then Windows-1252 (reported
with the first line that is not UTF-8); an empty or binary file raises
:class:`InputError` naming the file.
"""

from __future__ import annotations

from .model import Issue


class InputError(Exception):
    """A file that cannot be read as a text; the message names the file."""


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(data: bytes, source: str) -> tuple[str, list[Issue]]:
    """Decode *data* read from *source*; return the text and what was noticed."""
    issues: list[Issue] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            issues.append(Issue(1, f"byte-order mark removed ({codec})"))
            return _lines(data[len(bom):].decode(codec, errors="replace"), source), issues
    if not data.strip():
        raise InputError(f"{source}: empty file, nothing to convert")
    if _binary(data):
        raise InputError(f"{source}: binary file (not a text), skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        issues.append(Issue(line, "not UTF-8: read as Windows-1252 (cp1252); check the accents"))
        text = data.decode("cp1252", errors="replace")
    return _lines(text, source), issues


def _lines(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(f"{source}: empty file, nothing to convert")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05
