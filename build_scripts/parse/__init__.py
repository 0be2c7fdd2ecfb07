"""Stage 2, parse: cleaned lines -> a :class:`~build_scripts.model.Document`.

Steps, each in its own module, each stating its guarantees:
:mod:`.footnotes` (footnote blocks out of the line stream), :mod:`.blocks`
(lines -> paragraph-sized blocks), :mod:`.header` (masthead, title, intro),
:mod:`.structure` (kinds, numbers, parents and public ids), :mod:`.notes`
(footnote markers in the text), :mod:`.metadata`.

Guarantees of :func:`parse`: it never raises on text input; every cleaned
line ends up in the masthead, the formula, a paragraph, a footnote or the
closing lines; a text with no recognisable structure is still published as
plain numbered paragraphs, with ``structured=False`` and a warning; a job
number or barcode left inside a paragraph (a running header no rule
recognised) is warned about with the paragraph's line.
"""

from __future__ import annotations

import dataclasses
import re

from .. import lang as lang_mod
from ..clean import Cleaned, clean, words
from ..clean.lines import Line
from ..model import Document, Footnote, Issue, Paragraph
from . import blocks as blocks_mod
from . import annex, footnotes, header as header_mod, masthead, metadata, notes, structure

_FURNITURE_LEFT = re.compile(r"(?<![\w/-])\d{2}-\d{5}(?:\s*\([A-Z]\))?(?![\w/-])|\*\d{7,9}\*")  # job number, barcode
_EMPHASIS = re.compile(r"\*{1,2}([^*]+?)\*{1,2}")
_LEAD = re.compile(r"^\s*\*{1,2}([^*]+?)\*{1,2}")


def parse_text(text: str, source: str, language: str | None = None) -> Document:
    """Clean and parse raw *text* read from the file named *source*."""
    return parse(clean(text), source, language or lang_mod.detect(text))


def parse(cleaned: Cleaned, source: str, language: str = "fr") -> Document:
    """Parse cleaned lines (see module docstring)."""
    lang = lang_mod.language(language)
    warnings: list[tuple[int, str]] = []
    lines, raw_notes, separators = footnotes.extract(list(cleaned.lines), cleaned.flavour)
    at, body, formula, opening = _find_formula(lines, lang)
    if at is None:
        at = _first_labelled(lines, cleaned.layout, lang.code) or header_mod.masthead_end(lines, lang)
    head = header_mod.read(lines[:at], cleaned.layout, lang)
    body_lines, annexes = annex.split(([opening] if opening else []) + (lines[at + 1 :] if formula else lines[at:]), lang)
    body_lines, closing = _split_closing(body_lines, lang)
    blocks = blocks_mod.segment(body_lines, cleaned.layout, lang.code)
    starts = {b.line for b in blocks}
    warnings += [(l.no, f"{l.text.split()[0]!r} alone on its line was not taken as a label (it does not follow "
                        "the numbering): kept in the text") for l in body_lines if l.label_alone and l.no not in starts]
    mode = "resolution" if formula else ("report" if any(b.kind != "text" for b in blocks) else "plain")
    doc_type = head.found.get("type") or _opening_type(body_lines[:3], lang) or \
        {"resolution": "resolution", "report": "report"}.get(mode, "document")
    if mode == "plain" and doc_type == "amendment":  # instructions in plain paragraphs: an amendment's structure
        mode = "amendment"
    if mode in ("plain", "amendment"):
        drafts = structure.assign(head.intro + blocks, mode, warnings)
        if mode == "plain":
            warnings.append((0, "no recognisable structure: published as plain numbered paragraphs"))
    else:
        drafts = structure.intro(head.intro, {t.lower() for t in lang['summary_titles']}) + structure.assign(
            blocks, mode, warnings, adopting=bool(formula) and not formula.endswith(","), parts=lang.regex("part_heading"))
    drafts += annex.drafts(annexes, cleaned.layout, lang.code, warnings)
    texts = [d.text for d in drafts]
    if cleaned.flavour == "pdf":
        numbered = [(n.marker, n.line) for n in raw_notes if n.marker.isdigit()]
        texts = notes.mark_pdf([(d.text, d.line) for d in drafts], numbered,
                               after_punctuation=bool(lang.table.get("note_after_punctuation")),
                               number_words=frozenset(lang.table.get("number_words", ())),
                               months=frozenset(lang.table.get("months", ())))
    paragraphs = tuple(_finish(d, t, lang.code, cleaned.flavour) for d, t in zip(drafts, texts))
    warnings += [(p.line, f"page furniture left in paragraph {p.id}: {m.group().strip()!r} (a running header "
                          "the reader did not recognise?)") for p in paragraphs if (m := _FURNITURE_LEFT.search(p.text))]
    if head.title:
        head.title = words.repair(head.title.replace("*", ""), lang.code)
    meta = metadata.build(header=head, body=body, doc_type=doc_type, source=source, language=lang.code,
                          lang=lang, furniture=cleaned.furniture, closing=closing)
    notes_out = _footnotes(raw_notes, paragraphs, lang.code, warnings)
    marker = head.found.get("sponsor_marker")
    if marker and (note := next((n for n in notes_out if n.marker == marker), None)):
        meta = dataclasses.replace(meta, sponsors_note=note.text,
                                   provenance=tuple(sorted(dict(meta.provenance, sponsors_note="text").items())))
    issues = tuple(Issue(line, msg) for line, msg in sorted(set(warnings)))
    return Document(meta=meta, masthead=tuple(head.masthead), title_line=head.title_line, formula=formula, paragraphs=paragraphs,
                    footnotes=notes_out, closing=tuple(closing), structured=mode != "plain",
                    extraction=cleaned.reader, issues=issues,
                    furniture=tuple(sorted(cleaned.furniture + tuple(separators))))


def _split_closing(lines: list[Line], lang) -> tuple[list[Line], list[str]]:
    """Trailing meeting and date lines (``50e séance plénière``, ``18 décembre 2019``), and the vote
    record a Human Rights Council resolution prints after them, in brackets, to the end of the text
    (``[Adopted by a recorded vote of 28 to 1 …`` / ``In favour:`` / … ``Indonesia]``): each of its
    blocks (from blank line to blank line) is one closing line, its lines joined."""
    record = _vote_record(lines, lang)
    end = record if record is not None else len(lines)
    start = end
    while start > 0 and _closing_line(lines[start - 1], lang):
        start -= 1
    blocks: list[list[str]] = []
    for line in lines[end:]:
        if line.gap > 0 or not blocks:
            blocks.append([])
        blocks[-1].append(line.text)
    return lines[:start], [" ".join(l.text.split()) for l in lines[start:end]] + [" ".join(" ".join(b).split())
                                                                                  for b in blocks]


def _closing_line(line: Line, lang) -> bool:
    text = " ".join(line.text.split())
    return bool(lang.regex("meeting").search(text) or lang.regex("date").match(text))


def _vote_record(lines: list[Line], lang, reach: int = 80) -> int | None:
    """Where a bracketed vote record opens (``[Adopted …``, right after a meeting or date line) that
    closes with the text's last line (``…]``), or None."""
    if not lines or not lines[-1].text.rstrip().endswith("]"):
        return None
    for j in range(len(lines) - 1, max(0, len(lines) - reach), -1):
        text = lines[j].text.strip()
        if lang.regex("vote_record").match(text):
            return j if _closing_line(lines[j - 1], lang) else None
        if "[" in text or "]" in text[:-1] or (j < len(lines) - 1 and text.endswith("]")):
            return None  # another bracket: not one record
    return None


def _find_formula(lines: list[Line], lang):
    """Index, body code, text of the enacting formula line (``L’Assemblée générale,``), and the opening line.

    The formula stands alone on its line, with its comma (or, before a
    single adopting sentence, without it: ``The General Assembly``). A
    decision may run on after it on the same line (``The General Assembly,
    recalling its decision 79/521 …:``), once the header has named a
    decision: then the formula is the phrase and its comma, and the rest of
    the line opens the body (the fourth value, else None). The formula opens its line with a
    capital (a title's last line ``the General Assembly`` is no formula), and without its comma
    it stands after a blank line.
    """
    decision = False
    for i, line in enumerate(lines):
        text = " ".join(line.text.replace("*", "").replace("'", "’").split())
        decision = decision or any(k.endswith("decision") and text.lower().find(p) >= 0 for p, k in lang["types"].items())
        for phrase, body in lang["formulas"].items():
            if not text.lower().startswith(phrase.lower()) or not text[:1].isupper():
                continue
            rest = text[len(phrase):]
            if rest == "," or (rest == "" and (line.gap > 0 or i == 0)):
                return i, body, text, None
            if decision and rest.startswith(", ") and rest[2:3].islower():
                opening = dataclasses.replace(line, text=line.text.strip()[len(phrase) + 1 :].strip())
                return i, body, phrase + ",", opening
            if len(text) <= 90 and text.endswith(","):
                return i, body, text, None
    return None, None, None, None


def _opening_type(lines: list[Line], lang) -> str | None:
    """The type a text with no header states in its first lines (``Letter dated … addressed to …``)."""
    return next((kind for line in lines if (kind := masthead.stated_type(line.text, lang))), None)


def _first_labelled(lines: list[Line], layout: str, code: str) -> int:
    """Index of the first line that opens a labelled block (the header ends there)."""
    for block in blocks_mod.segment(lines, layout, code):
        if block.kind != "text":
            return next(i for i, l in enumerate(lines) if l.no == block.line)
    return 0


def _finish(draft: structure.Draft, text: str, code: str, flavour: str = "pdf") -> Paragraph:
    """Final text of a paragraph: lead words and emphasis (Markdown-ish input only), words repaired, notes out.

    In a PDF dump an asterisk is text, not markup, and is kept.
    """
    lead = _LEAD.match(text) if flavour == "markdown" else None
    if flavour == "markdown":
        text = _EMPHASIS.sub(r"\1", text)
    text, refs = notes.take(words.repair(text, code))
    lead_text = words.repair(lead.group(1), code).strip(" ,") if lead else None
    return Paragraph(id=draft.id, kind=draft.kind, text=text, number=draft.number, parent=draft.parent,
                     lead=lead_text or None, level=draft.level, notes=refs, line=draft.line)


def _footnotes(raw, paragraphs, code: str, warnings: list) -> tuple[Footnote, ...]:
    out, used = [], set()
    for note in raw:
        cited = tuple(p.id for p in paragraphs if any(r.marker == note.marker for r in p.notes))
        if not cited and note.marker.isdigit():
            warnings.append((note.line, f"footnote {note.marker}: its marker was not found in the text"))
        fid = "fn-" + (note.marker if note.marker.isdigit() else "star" + ("" if len(note.marker) == 1 else f"-{len(note.marker)}"))
        while fid in used:
            fid += "-2"
        used.add(fid)
        text = words.repair(_EMPHASIS.sub(r"\1", note.text), code)
        text, _ = notes.take(text)
        out.append(Footnote(id=fid, marker=note.marker, text=text, cited_in=cited, line=note.line))
    return tuple(out)
