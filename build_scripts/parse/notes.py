"""Parse step 3: footnote markers in the running text.

Markdown-ish text marks them (``<sup>12</sup>``, already bracketed by the
clean stage). PDF dumps flatten them into the text: ``organisée 1, ou``,
``personnes3 ;``, ``2016)6 ,``, ``l’horizon 2030 2 et``, even
``20164,`` (the year 2016 and note 4).

Guarantees of :func:`mark_pdf`: a note number is looked for only when a
footnote with that number exists; the *first* mention of note N is searched
after the mention of note N-1 and before the page that prints note N; later
repeats are accepted only in their unambiguous glued form (``organisée1``).
A candidate followed by ``.digit`` (``cibles 5.2``) is never a marker.
English puts the marker after the punctuation (``Development, 1 and``,
``Crime,3 which``): with ``after_punctuation`` those forms are looked for
too, for a first mention only: after a letter or a year (``2014–2024,1
which``, ``of 1949; 13``) and before a word or the end of the paragraph
(after a year's comma, glued, also before a number: ``2008,6 18/15``), or
after a sentence's full stop, before the next sentence or the paragraph's
end (``Principles. 13 We``, ``Rights.15 We``, ``Future. 16``).
:func:`take` removes the brackets and returns each marker's offset.
"""

from __future__ import annotations

import re

from ..clean.lines import NOTE_CLOSE, NOTE_OPEN
from ..model import NoteRef

_AFTER = r"(?=\s?[,;:)»]|\.(?!\d)|\s+[^\W\d_]|\s*$)"


_AFTER_PUNCT = r"(?=\s+[^\W\d_]|\s*$)"
_AFTER_SPACED_EN = r"(?=\s+[a-z]|\s*$)"  # "Countries 2  and": never before a capital ("of 4 March")
# After a closing quote and its comma, also before the next resolution of a list: "entitled “…”, 17 56/5 of".
_AFTER_QUOTE = r"(?=\s+[^\W\d_]|\s+\d{1,4}/\d|\s*$)"
_YEAR = r"(?<!\d)(?:19|20)\d\d"  # a year a marker may follow after its comma: "2014–2024,1"


def _patterns(n: str, first: bool, after_punctuation: bool = False) -> list[re.Pattern[str]]:
    glued = [re.compile(rf"(?<=[^\W\d_]){n}(?=[\s,;:.)»]|$)(?!\.\d)"),
             re.compile(rf"(?<=[^\W_][)»]){n}{_AFTER}"),
             re.compile(rf"(?<=(?<![\d/.,])(?:19|20)\d\d){n}(?![\d/]){_AFTER}")]
    if not first:
        return glued[:1]
    after = _AFTER_SPACED_EN if after_punctuation else _AFTER
    spaced = [re.compile(rf"(?<=[^\W_]) {{1,2}}{n}{after}"), re.compile(rf"(?<=[^\W_][)»]) {{1,2}}{n}{after}")]
    if after_punctuation:  # "Crime,3 which", "Development, 1 and", "2014–2024,1 which", "of 1949; 13", "Future. 16"
        spaced.append(re.compile(rf"(?<=[^\W\d_][,;:])(?: {{1,2}})?{n}{_AFTER_PUNCT}"))
        spaced.append(re.compile(rf"(?<=[”’)»][,;:])(?: {{1,2}})?{n}{_AFTER_QUOTE}"))
        spaced.append(re.compile(rf"(?<={_YEAR}[,;]) {{1,2}}{n}(?=\s+[^\W\d_]|\s*$)"))
        spaced.append(re.compile(rf"(?<=\d[,;]){n}(?=\s|$)"))  # "2008,6 18/15", "79/160;11": glued after a number
        spaced.append(re.compile(rf"(?<=[^\W\d_]\.) {{0,2}}{n}(?=\s+[A-Z]|\s*$)"))  # after a sentence: "Principles. 13 We"
    return glued + spaced


def _find(text: str, n: str, start: int, first: bool, after_punctuation: bool = False) -> re.Match | None:
    best = None
    for pattern in _patterns(n, first, after_punctuation):
        match = pattern.search(text, start)
        if match and (best is None or match.start() < best.start()):
            best = match
    return best


def mark_pdf(texts: list[tuple[str, int]], notes: list[tuple[str, int]], after_punctuation: bool = False,
             number_words: frozenset[str] = frozenset(), months: frozenset[str] = frozenset()) -> list[str]:
    """Bracket note markers in *texts* (``(text, first line)`` in reading order).

    *notes* are ``(marker, line of the footnote)`` for numbered notes;
    *after_punctuation* is the language's habit of putting markers after a comma;
    *number_words* are words a number follows (``of``, ``paragraphs``): a
    marker set apart by a space never stands after one of them, nor before one of *months*
    (``”, 17 December 2024`` is a date).
    """
    out = [t for t, _ in texts]
    seen: set[str] = set()
    cursor = (0, 0)
    for marker, note_line in notes:
        cursor = _mark_first(out, texts, marker, note_line, cursor, after_punctuation, number_words, months)
        seen.add(marker)
    for i, text in enumerate(out):
        out[i] = _mark_repeats(text, seen, after_punctuation)
    return out


def _mark_first(out: list[str], texts, marker: str, note_line: int, cursor: tuple[int, int],
                after_punctuation: bool = False, number_words: frozenset[str] = frozenset(),
                months: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Bracket the first mention of *marker* at or after *cursor*; return the new cursor."""
    for i in range(cursor[0], len(texts)):
        if texts[i][1] > note_line:
            break
        text = out[i]
        match = _find(text, marker, cursor[1] if i == cursor[0] else 0, True, after_punctuation)
        while match and (_inside_bracket(text, match.start()) or _after_number_word(text, match, number_words)
                         or _before_month(text, match, months)):
            match = _find(text, marker, match.end(), True, after_punctuation)
        if match:
            head = text[: match.start()].rstrip(" ")
            out[i] = head + f"{NOTE_OPEN}{marker}{NOTE_CLOSE}" + text[match.end():]
            return (i, len(head) + len(marker) + 2)
    return cursor


_REPEATS = (re.compile(r"(?<=[^\W\d_])(\d{1,2})(?=[\s,;:.)»]|$)(?!\.\d)"),
            re.compile(r"(?<=(?<![\d/.,])(?:19|20)\d\d)(\d{1,2})(?![\d/])(?=[\s,;:)»]|$)"))
_REPEAT_AFTER_PUNCT = re.compile(r"(?<=[^\W\d_][,;])(\d{1,2})(?=\s|$)")  # "Crime,2 and"


def _mark_repeats(text: str, seen: set[str], after_punctuation: bool = False) -> str:
    """Bracket later mentions of known notes, in their glued forms only."""
    for pattern in _REPEATS + ((_REPEAT_AFTER_PUNCT,) if after_punctuation else ()):
        text = pattern.sub(lambda m: f"{NOTE_OPEN}{m.group(1)}{NOTE_CLOSE}" if m.group(1) in seen else m.group(0), text)
    return text


def _after_number_word(text: str, match: re.Match, number_words: frozenset[str]) -> bool:
    """A spaced candidate after a word that introduces a number (``of 4``, ``paragraphs 11``)."""
    if not match.group().startswith(" "):
        return False
    before = re.search(r"([^\W\d_]+)$", text[max(0, match.start() - 40) : match.start()])  # "Goals, 1": not "of 4"
    return bool(before) and before.group(1).lower() in number_words


def _before_month(text: str, match: re.Match, months: frozenset[str]) -> bool:
    """A candidate set apart by a space and followed by a month's name is a day (``”, 17 December``)."""
    if not (match.group().startswith(" ") or text[match.start() - 1 : match.start()] == " "):
        return False
    after = re.match(r"\s+([^\W\d_]+)", text[match.end():])
    return bool(after) and after.group(1).lower() in months


def _inside_bracket(text: str, pos: int) -> bool:
    return text.rfind(NOTE_OPEN, 0, pos) > text.rfind(NOTE_CLOSE, 0, pos)


_BRACKET = re.compile(f"\\s*{NOTE_OPEN}([^{NOTE_CLOSE}]*){NOTE_CLOSE}")


def take(text: str) -> tuple[str, tuple[NoteRef, ...]]:
    """Remove note brackets from *text*; return the text and the markers' offsets."""
    refs, parts, pos, length = [], [], 0, 0
    for match in _BRACKET.finditer(text):
        chunk = text[pos : match.start()]
        parts.append(chunk)
        length += len(chunk)
        refs.append(NoteRef(match.group(1), length))
        pos = match.end()
    parts.append(text[pos:])
    return "".join(parts), tuple(refs)
