"""Parse step 6: the document's metadata, from what the text states.

Guarantees of :func:`build`: the symbol is canonical (a :class:`Symbol`
string) or None — never guessed from the file name; dates are ISO
``YYYY-MM-DD``; every field set carries its provenance (``text``, or
``sidecar`` when a sidecar file overrides it, which always wins).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from ..lang import Language
from ..model import Metadata
from ..symbol import Symbol
from .header import Header
from .masthead import agenda_items

#: The General Assembly's Main Committees, as stored in ``Metadata.committee``.
COMMITTEES = ("First Committee", "Second Committee", "Third Committee", "Fourth Committee", "Fifth Committee",
              "Sixth Committee")

_RES_PREFIX = {"GA": "A/RES/", "ECOSOC": "E/RES/", "SC": "S/RES/", "HRC": "A/HRC/RES/"}
_DEC_PREFIX = {"GA": "A/DEC/", "ECOSOC": "E/DEC/", "HRC": "A/HRC/DEC/"}


def iso_date(text: str | None, lang: Language) -> str | None:
    """``18 décembre 2019`` -> ``2019-12-18`` (None when not a date)."""
    if not text:
        return None
    m = re.search(r"(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\s+(\d{4})", text)
    if not m or not (month := lang.month(m.group(2))):
        return None
    return f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"


def symbol_from_number(number: str | None, body: str | None, doc_type: str) -> str | None:
    """``74/176`` + GA + resolution -> ``A/RES/74/176``."""
    if not number or not body:
        return None
    table = _DEC_PREFIX if "decision" in doc_type else _RES_PREFIX
    prefix = table.get(body)
    if not prefix:
        return None
    number = re.sub(r"\s*\((\d{4})\)", r" (\1)", number.strip())
    parsed = Symbol.try_parse(prefix + number)
    return str(parsed) if parsed else None


def page_symbol(furniture) -> str | None:
    """The symbol printed in the running page headers, if any."""
    counts = Counter(text.strip() for _, text, rule in furniture if rule == "page header")
    for text, _ in counts.most_common():
        if Symbol.try_parse(text):
            return str(Symbol.parse(text))
    return None


def symbol_year(symbol: str | None) -> str | None:
    """The year a symbol states: ``E/RES/2015/23`` -> 2015, ``S/RES/2388 (2017)`` -> 2017."""
    parsed = Symbol.try_parse(symbol) if symbol else None
    if not parsed:
        return None
    for part in (parsed.year, *parsed.parts):
        if part and re.fullmatch(r"(?:19|20)\d\d", part):
            return part
    return None


def session_of(header: Header, symbol: str | None, lang: Language) -> str | None:
    found = header.found.get("session")
    if isinstance(found, dict) and (n := lang.number_words(found.get("ordinal") or "")):  # not ECOSOC's "2023 session"
        return str(n)
    parsed = Symbol.try_parse(symbol) if symbol else None
    if parsed and parsed.parts[0] == "A":
        tail = [p for p in parsed.parts[1:] if p not in ("RES", "DEC", "HRC")]
        if tail and tail[0].isdigit() and int(tail[0]) < 200:
            return tail[0]
    return None


def make_id(symbol: str | None, source: str, sponsors: tuple[str, ...], doc_type: str) -> str:
    """The document's URL slug: the symbol's slug, else a readable stable one."""
    if symbol:
        return Symbol.parse(symbol).slug
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:8]
    words = ["projet" if "draft" in doc_type else "document"]
    words += [re.sub(r"[^a-z0-9]+", "-", _ascii(s).lower()).strip("-") for s in sponsors[:2]]
    return "-".join(w for w in words + [digest] if w)


def _ascii(text: str) -> str:
    import unicodedata
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def committee_of(found: dict, symbol: str | None, lang: Language) -> str | None:
    """``First Committee`` … ``Sixth Committee`` or ``plenary`` (General Assembly documents).

    From what the text says (a committee line, ``on the report of the Third
    Committee``, ``without reference to a Main Committee``), else from the
    symbol (``A/C.3/…`` is the Third Committee's, ``A/80/L.2`` a plenary draft).
    """
    ordinals = [o.lower() for o in lang["committee_ordinals"]]
    named = found.get("committee")
    report = found.get("committee_report")
    if isinstance(report, dict) and (m := lang.regex("committee").match(report["committee"])):
        named = m["ordinal"] or named
    if isinstance(named, str) and named.lower() in ordinals:
        return COMMITTEES[ordinals.index(named.lower())]
    if "without_reference" in found:
        return "plenary"
    parsed = Symbol.try_parse(symbol) if symbol else None
    return parsed.committee if parsed else None


def drafts_of(found: dict) -> tuple[str, ...]:
    """``A/72/L.6 and A/72/L.6/Add.1`` (or ``and Add.1``) -> the symbols named."""
    ref = found.get("without_reference")
    if not isinstance(ref, dict):
        return ()
    out: list[str] = []
    for piece in re.split(r",|\band\b|\bet\b", ref["symbols"]):
        piece = piece.strip()
        if out and re.fullmatch(r"(?:Add|Rev|Corr)\.\d+", piece):
            piece = f"{out[0]}/{piece}"
        if parsed := Symbol.try_parse(piece):
            out.append(str(parsed))
    return tuple(out)


def build(*, header: Header, body: str | None, doc_type: str, source: str, language: str,
          lang: Language, furniture, closing: list[str]) -> Metadata:
    """Assemble :class:`Metadata` from everything the text states.

    The date is the adoption date (``adopted … on``, or the closing date
    line), else the distribution date (a draft's ``Distr.`` date).
    """
    found = header.found
    symbol = symbol_from_number(header.number, body, doc_type) or page_symbol(furniture)
    if body is None and symbol:
        body = Symbol.parse(symbol).body
    closing_date = next((iso_date(c, lang) for c in closing if iso_date(c, lang)), None)
    meeting = next((c for c in closing if lang.regex("meeting").search(c)), None) or found.get("adopted_meeting")
    committee = found.get("committee_report") or found.get("recommendation")  # ECOSOC: "on the recommendation of"
    sponsors = tuple(found.get("sponsors", ()))
    original = found.get("original")
    distribution = iso_date(found.get("header_date"), lang)
    fields = dict(
        symbol=symbol, body=body, type=doc_type, language=language, title=header.title,
        date=iso_date(found.get("date"), lang) or closing_date or distribution,
        session=session_of(header, symbol, lang),
        committee=committee_of(found, symbol, lang) if body == "GA" else None,
        agenda_items=agenda_items(found.get("agenda"), lang),
        sponsors=sponsors,
        committee_report=committee["symbol"] if isinstance(committee, dict) else None,
        drafts=drafts_of(found),
        amends=str(Symbol.parse(found["amends"])) if Symbol.try_parse(found.get("amends") or "") else None,
        original_language=original["language"].strip() if isinstance(original, dict) else None,
        meeting=meeting, distribution_date=distribution,
    )
    fields["year"] = fields["date"][:4] if fields["date"] else symbol_year(symbol)
    provenance = tuple(sorted((k, "text") for k, v in fields.items() if v and k not in ("language", "type")))
    return Metadata(id=make_id(symbol, source, sponsors, doc_type), source=source, provenance=provenance, **fields)
