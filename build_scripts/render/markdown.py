"""Document -> Markdown with YAML front matter (the normalizer's output and the page body).

Guarantees of :func:`render`: every paragraph, item, heading and footnote
carries its public id as an HTML id; all source text is escaped
(:mod:`.escape`); the output is deterministic (front matter keys sorted).
"""

from __future__ import annotations

from typing import Callable

import yaml

from ..lang import language
from ..model import Document, Paragraph
from . import escape
from .inline import Link, note_id, paragraph_markdown
from . import citation_forms
from .labels import chain, is_annex_heading, label

LinkFinder = Callable[[Document, Paragraph], list[Link]]
Suffix = Callable[[Document, Paragraph], str]  # extra inline Markdown at a paragraph's end

_CLASSES = {"preambular": "pp", "operative": "op", "item": "item", "paragraph": "para", "intro": "intro"}


#: libyaml's emitter when PyYAML has it (its wheels do): about five times faster than the pure
#: Python one, which was half the time of writing the pages, and it reads back every string
#: as it was (the pure emitter writes U+0085 raw, which then reads back as a line break;
#: tested). Both give the same text for ordinary values.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(values: dict) -> str:
    """YAML front matter block (keys sorted, Unicode kept)."""
    body = yaml.dump(values, Dumper=_DUMPER, sort_keys=True, allow_unicode=True, default_flow_style=False, width=1000)
    return f"---\n{body}---\n"


def meta_dict(doc: Document) -> dict:
    """All metadata as plain values for front matter."""
    m = doc.meta
    return {"id": m.id, "symbol": m.symbol, "type": m.type, "body": m.body, "language": m.language,
            "title": m.title, "date": m.date, "session": m.session, "agenda_items": list(m.agenda_items),
            "sponsors": list(m.sponsors), "sponsors_note": m.sponsors_note, "committee": m.committee, "committee_report": m.committee_report,
            "drafts": list(m.drafts), "amends": m.amends, "original_language": m.original_language, "meeting": m.meeting,
            "distribution_date": m.distribution_date, "year": m.year, "source": m.source, "provenance": dict(m.provenance),
            "structured": doc.structured}


def render(doc: Document, links: LinkFinder | None = None, extra_front: dict | None = None,
           permalinks: bool = False, tail: list[str] = (), suffix: Suffix | None = None) -> str:
    """The whole Markdown file for *doc* (*tail*: extra Markdown blocks after the footnotes)."""
    front = meta_dict(doc) | (extra_front or {})
    parts = [front_matter(front), f"# {escape.text(doc.meta.title or doc.meta.symbol or doc.meta.id)}\n"]
    parts += body_blocks(doc, links, permalinks, suffix)
    parts += list(tail)
    return "\n".join(parts).rstrip() + "\n"


def body_blocks(doc: Document, links: LinkFinder | None = None, permalinks: bool = False,
                suffix: Suffix | None = None) -> list[str]:
    """Markdown blocks of the body: formula, paragraphs, closing lines, footnotes."""
    blocks = []
    formula = f"{escape.text(doc.formula)}\n{{: .formula }}\n" if doc.formula else None
    for para in doc.paragraphs:
        if formula and para.kind not in ("intro", "heading"):  # the formula stands after the text before the body
            blocks.append(formula)
            formula = None
        extra = suffix(doc, para) if suffix else ""
        blocks.append(_paragraph(doc, para, links(doc, para) if links else [], permalinks, extra))
    if formula:
        blocks.append(formula)
    record = False
    for line in doc.closing:  # meeting and date lines, then a vote record in brackets (its blocks: see parse)
        record = record or line.startswith("[")
        blocks.append(f"{escape.text(line)}\n{{: .closing{' .vote-record' if record else ''} }}\n")
    if doc.footnotes:
        blocks.append('## Notes {: #notes .notes-title }\n')
        blocks += [_footnote(doc, note, links, permalinks) for note in doc.footnotes]
    return blocks


def _paragraph(doc: Document, para: Paragraph, links: list[Link], permalinks: bool = False, extra: str = "") -> str:
    if para.kind == "heading":
        level = "#" * min(para.level + 1, 6)
        number = f"{escape.text(para.number)}. " if para.number else ""
        if is_annex_heading(para):  # "Annex — Awaza Political Declaration"
            number = escape.text(para.number or "") + (" — " if para.text else "")
        return f"{level} {number}{paragraph_markdown(para, links)} {{ #{para.id} }}\n"
    text = paragraph_markdown(para, links)
    if para.lead and para.text.startswith(para.lead):
        lead_md = paragraph_markdown(Paragraph(para.id, para.kind, para.lead), [])
        if text.startswith(lead_md):
            text = f'<em class="lead">{lead_md}</em>{text[len(lead_md):]}'
    number = ""
    if para.number and para.kind in ("operative", "paragraph", "item") and doc.structured:
        mark = language(doc.meta.language)["item_label"].format(n=para.number) if para.kind == "item" else f"{para.number}."
        number = f'<span class="num">{escape.text(mark)}</span> '
    elif para.kind == "preambular" and para.number and doc.structured:  # the archive's numbering, shown discreetly
        number = (f'<span class="num num--pp" title="alinéa {escape.attr(para.number)} du préambule (numérotation de '
                  f'l’archive)"><span class="archive-visually-hidden">alinéa </span>{escape.text(para.number)}</span> ')
    css = _CLASSES.get(para.kind, "para")
    depth = len(chain(doc, para)) - 1 if para.kind == "item" else 0
    title = escape.attr(label(doc, para))
    anchor = (f' [¶](#{para.id} "Lien permanent : {title}"){{: .permalink aria-label="Lien vers ce paragraphe : {title}" }}'
              if permalinks else "")
    cite = escape.attr(citation_forms.paragraph_label(doc, para))
    cite_attr = f' data-cite-label="{cite}"' if cite != title else ""  # the label in the document's language
    return f'{number}{text}{extra}{anchor}\n{{: #{para.id} .para .{css} data-label="{title}"{cite_attr} data-depth="{depth}" }}\n'


def _footnote(doc: Document, note, links: LinkFinder | None = None, permalinks: bool = False) -> str:
    """A footnote, with the same links as a paragraph (the documents and entities it names)."""
    as_para = Paragraph(note.id, "footnote", note.text)
    text = paragraph_markdown(as_para, links(doc, as_para)) if links else escape.text(note.text)
    backs = " ".join(f'[↩](#fnref-{note.id[3:]}-{pid} "Retour au texte : {escape.attr(label(doc, doc.paragraph(pid)))}")'
                     for pid in note.cited_in if doc.paragraph(pid))
    marker = escape.text(note.marker)
    plain = escape.attr(note.marker)
    anchor = (f' [¶](#{note_id(note.marker)} "Lien permanent : note {plain}"){{: .permalink aria-label="Lien vers la note {plain}" }}'
              if permalinks else "")
    return f'<span class="num">{marker}</span> {text} {backs}{anchor}\n{{: #{note_id(note.marker)} .para .footnote data-label="note {plain}" }}\n'
