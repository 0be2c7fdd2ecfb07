"""Parse step 4a: what one masthead line states (used by :mod:`.header`).

Guarantees: :func:`statement` names the kind of statement a line is (``distribution``,
``session``, ``agenda``, ``type``, ``sponsor``, ``number``, ``body`` …) and records what it
states in the *found* mapping, from the language table's patterns only; :func:`sponsor_run`
and :func:`bracket_run` read a statement printed over several lines (a sponsor list ending in
``: draft resolution``, a bracket ``[on the report of …`` / ``… para. 15)]``); :func:`dated`,
:func:`continues` and :func:`names_organ` say whether a line carries on the statement above it
(``… at its 9518th meeting, on`` / ``21 December 2023``; ``Fifty-fifth session`` /
``26 February–5 April 2024``) or names the organ whose session follows (``Human Rights
Council`` / ``Fifty-fifth session``).
"""

from __future__ import annotations

import re

from ..clean.lines import Line
from ..lang import Language
from .sponsors import split as split_sponsors

DRAFTED = ("draft_resolution", "draft_decision", "revised_draft_resolution", "revised_draft_decision", "amendment")


BODY_NAMES = {"assemblée générale", "conseil économique et social", "conseil de sécurité",
               "conseil des droits de l’homme", "general assembly", "economic and social council",
               "security council", "human rights council", "nations unies", "united nations"}


def agenda_items(agenda, lang: Language) -> tuple[str, ...]:
    """``18 (l) and 20*`` -> ``("18 (l)", "20")``: each item as printed, note asterisks aside."""
    if not isinstance(agenda, dict):
        return ()
    parts = [agenda["items"]]
    for sep in lang["agenda_separators"]:
        parts = [p for part in parts for p in part.split(sep)]
    return tuple(p.strip(" *") for p in parts if p.strip(" *"))


def plain(text: str) -> str:
    return " ".join(text.replace("*", " ").replace("'", "’").split())


def dated(kind: str | None, text: str, lang: Language) -> bool:
    """Is *text* the dates that end the statement above it: an adoption line's date (``Adopted by the
    Security Council at its 9518th meeting, on`` / ``21 December 2023``) or a session's
    (``Fifty-fifth session`` / ``26 February–5 April 2024``)?"""
    return bool((kind == "type" and lang.regex("date").match(text))
                or (kind == "session" and lang.regex("session_dates").match(text)))


def names_organ(lines: list[Line], i: int, text: str, lang: Language) -> bool:
    """A body's name right above a session line (no blank line between) names the organ whose
    session it is, under the masthead of the body it reports to (``General Assembly`` … ``Human
    Rights Council`` / ``Fifty-fifth session``); elsewhere below ``Distr.`` a body's name may end a title."""
    if text.lower() not in BODY_NAMES or i + 1 >= len(lines) or lines[i + 1].gap > 0:
        return False
    return session_line(lang.regex("session").search(plain(lines[i + 1].text)), lang)


def session_line(m: re.Match | None, lang: Language) -> bool:
    """A session line: an ordinal (``Eightieth session``) or a year (``2023 session``, ECOSOC's)."""
    return bool(m and (m["year"] or lang.number_words(m["ordinal"] or "")))


def continues(kind: str, statement: str, text: str) -> bool:
    """Does *text* (the next line, no blank line between) carry on the statement?"""
    if kind in ("agenda", "distribution"):
        return len(text) < 80  # an agenda item's title; a distribution line's date
    if statement.startswith("[") and "]" not in statement:
        return True
    return kind == "type" and text[:1].islower()  # "on 1 December 2025", "informal consultations"


def sponsor_run(lines: list[Line], i: int, lang: Language) -> tuple[int, str] | None:
    """A sponsor statement over the lines from *i* to the next blank line (``… Uzbekistan:*`` /
    ``draft resolution``): its length in lines and its text, or None."""
    j = i + 1
    while j < len(lines) and lines[j].gap == 0 and j - i < 40:
        j += 1
    if j - i < 2:
        return None
    text = " ".join(plain(l.text) for l in lines[i:j])
    match = lang.regex("amendment").search(text) or lang.regex("draft_sponsor").search(text)
    return (j - i, text) if match and not text[match.end():].strip(" .") else None


def sponsor_marker(lines: list[Line], found: dict) -> None:
    """The note marker after a sponsor list (``Palau:* draft resolution``): its note qualifies the sponsors."""
    if "sponsors" in found and (m := re.search(r"(\*{1,3})\s*:|:\s*(\*{1,3})", " ".join(l.text for l in lines))):
        found["sponsor_marker"] = m.group(1) or m.group(2)


def bracket_run(lines: list[Line], i: int, lang: Language) -> tuple[int, str] | None:
    """A bracketed masthead statement over several lines (``[on the report of the …`` /
    ``(Fourth Committee) (A/80/537, para. 15)]``): its length in lines and its text, or None."""
    if not lines[i].stripped.startswith("[") or "]" in lines[i].text:
        return None
    j = i + 1
    while j < len(lines) and lines[j].gap == 0 and j - i < 6:
        j += 1
        if "]" in lines[j - 1].text:
            text = " ".join(plain(l.text) for l in lines[i:j])
            return (j - i, text) if statement(text, lang, {}) else None
    return None


def stated_type(text: str, lang: Language) -> str | None:
    """The type a line states by its opening words (``Resolution adopted by``, ``Letter dated``), or None."""
    lowered = " ".join(text.split()).lower().strip(" ,[]")
    return next((kind for phrase, kind in lang["types"].items() if lowered.startswith(phrase)), None)


def statement(text: str, lang: Language, found: dict) -> str | None:
    """The kind of masthead line *text* is (None for other text); records what it states."""
    lowered = text.lower().strip(" ,[]")
    if m := lang.regex("amendment").search(text):
        found["sponsors"] = split_sponsors(m["sponsors"], lang)
        found["type"], found["amends"] = "amendment", m["target"] or m["report"]
        return "sponsor"
    if m := lang.regex("draft_sponsor").search(text):
        found["sponsors"] = split_sponsors(m["sponsors"], lang)
        kind = "draft_resolution" if "sol" in m.group().lower() else "draft_decision"  # resolution, résolution
        found.setdefault("type", ("revised_" + kind) if lang.regex("revised").search(m.group()) else kind)
        return "sponsor"
    if "session" in found and "agenda" not in found and (m := lang.regex("committee").match(text)):
        if m["ordinal"]:
            found["committee"] = m["ordinal"]
        return "committee"
    if m := lang.regex("number_line").match(text):  # a Security Council resolution states its number alone
        found["number"] = m["number"]
        found.setdefault("type", "resolution")
        return "number"
    for key in ("distribution", "session", "agenda", "committee_report", "recommendation", "without_reference",
                "meeting", "original"):
        if (m := lang.regex(key).search(text)) and (key != "session" or session_line(m, lang)):
            found[key] = m.groupdict() or text
            return key
    if kind := stated_type(text, lang):
        found.setdefault("type", kind)
        if m := lang.regex("adopted_on").search(text):
            found["date"] = m["date"]
            if m.groupdict().get("meeting"):  # "Adopted by the Security Council at its 9518th meeting, on …"
                found["adopted_meeting"] = m["meeting"]
        return "type"
    if lowered in BODY_NAMES and "distribution" not in found:  # above "Distr.:"; below it, a title's last words
        return "body"
    if lang.regex("language_line").match(text):
        return "language"
    if lang.regex("date").match(text) and len(text) < 40:
        found.setdefault("header_date", text)
        return "date"
    return None
