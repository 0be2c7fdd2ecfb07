"""Edge: bytes of a raw file -> text, with clear messages for bad input.

Guarantees of :func:`decode`: the result is a ``str`` with ``\\n`` line ends,
no byte-order mark, no control character but tab, line feed and form feed,
no C1 control (U+0080–U+009F, mojibake: replaced by the Windows-1252
character it stands for) and no bidirectional override or isolate
(U+202A–U+202E, U+2066–U+2069: ``Bél\\u202earus`` would display reversed);
each change is reported with the first line concerned. UTF-8 is tried first, then UTF-16 without a
byte-order mark (NUL every other byte), then Windows-1252 (reported with the
first line that is not UTF-8). An empty file, a binary file or a file over
:data:`MAX_BYTES` raises :class:`InputError` naming the file.

:func:`scrub` is the same character clean-up for any other text that comes
from a contributor (sidecar values).
"""

from __future__ import annotations

import re

from .model import Issue

#: Largest raw text converted. Normalizing takes linear time, about 7 s per MB
#: (``bench/normalize_bench.py``), so 5 MB is about half a minute; the longest
#: UN reports with their annexes are about 1 MB of text.
MAX_BYTES = 5_000_000


class InputError(Exception):
    """A file that cannot be read as a text; the message names the file."""


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]+")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]+")
_C1 = re.compile("[\x80-\x9f]+")


def decode(data: bytes, source: str) -> tuple[str, list[Issue]]:
    """Decode *data* read from *source*; return the text and what was noticed."""
    issues: list[Issue] = []
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: file over {MAX_BYTES // 1_000_000} MB ({len(data):,} bytes), not converted")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            issues.append(Issue(1, f"byte-order mark removed ({codec})"))
            return _finish(data[len(bom):].decode(codec, errors="replace"), source, issues)
    if not data.strip():
        raise InputError(f"{source}: empty file, nothing to convert")
    codec = _utf16(data)
    if codec:
        issues.append(Issue(1, f"UTF-16 without byte-order mark: read as {codec}"))
        return _finish(data.decode(codec, errors="replace"), source, issues)
    if _binary(data):
        raise InputError(f"{source}: binary file (not a text), skipped")
    text, line = utf8_or_cp1252(data)
    if line:
        issues.append(Issue(line, "not UTF-8: read as Windows-1252 (cp1252); check the accents"))
    return _finish(text, source, issues)


def utf8_or_cp1252(data: bytes) -> tuple[str, int | None]:
    """*data* decoded as UTF-8, else as Windows-1252; with the first line that is not UTF-8
    (None when all of it is)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        return data.decode("cp1252", errors="replace"), data[: err.start].count(b"\n") + 1


def scrub(text: str) -> tuple[str, list[Issue]]:
    """*text* without control characters (but tab, line feed, form feed) and bidirectional
    overrides, and with C1 controls (U+0080–U+009F: Windows-1252 text read as Latin-1, ``l\x92Office``)
    replaced by the Windows-1252 characters they stand for (``l’Office``); what was done, with the
    first line (1-based in *text*) of each kind."""
    issues = []
    for pattern, what, repl in ((_CONTROLS, "control character(s) removed", ""),
                                (_BIDI, "bidirectional control character(s) removed", ""),
                                (_C1, "C1 control character(s) replaced by their Windows-1252 meaning", _cp1252)):
        found = list(pattern.finditer(text))
        if found:
            count = sum(len(m.group()) for m in found)
            names = ", ".join(sorted({f"U+{ord(c):04X}" for m in found for c in m.group()})[:5])
            line = text.count("\n", 0, found[0].start()) + 1
            issues.append(Issue(line, f"{count} {what} ({names})"))
            text = pattern.sub(repl, text)
    return text, issues


def _cp1252(match: re.Match) -> str:
    out = []
    for char in match.group():
        try:
            out.append(bytes([ord(char)]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D mean nothing in Windows-1252
            pass
    return "".join(out)


def _finish(text: str, source: str, issues: list[Issue]) -> tuple[str, list[Issue]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = scrub(text)
    if not text.strip():
        raise InputError(f"{source}: empty file, nothing to convert")
    return text, issues + removed


def _utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of the start is NUL (text without BOM)."""
    head = data[:8192]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.4 * pairs and other <= 0.02 * pairs:
            try:
                data[: len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def _binary(data: bytes) -> bool:
    """NUL bytes or many control characters at the start: not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05
