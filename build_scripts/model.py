"""The typed document model: plain frozen data, no I/O, no MkDocs.

Every stage after parsing reads and writes these types (slotted: no per-instance dictionary,
as a corpus holds tens of thousands of paragraphs). Guarantees:

* all containers are tuples, so a :class:`Document` is immutable and hashable
  parts can be shared between stages safely;
* paragraph ids follow the public URL scheme (see :mod:`build_scripts.ids`)
  and are unique inside a document;
* ``Paragraph.text`` is plain text (no Markdown, no HTML): footnote markers
  are not in the text but listed in ``Paragraph.notes`` with their offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .pickling import by_fields

#: Paragraph kinds, in the order a reader meets them.
KINDS = ("intro", "preambular", "operative", "item", "heading", "paragraph")

#: Document types.
TYPES = ("resolution", "draft_resolution", "revised_draft_resolution", "decision", "draft_decision",
         "revised_draft_decision", "amendment", "report", "letter", "note", "document")
#: Types whose text has a preamble and an operative part.
ENACTING_TYPES = ("resolution", "draft_resolution", "revised_draft_resolution", "decision", "draft_decision",
                  "revised_draft_decision")


@by_fields
@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote marker that stood in a paragraph, at ``offset`` in its text."""

    marker: str
    offset: int


@by_fields(texts=("text",))
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One addressable unit of the body: a paragraph, an item or a heading."""

    id: str
    kind: str
    text: str
    number: str | None = None
    parent: str | None = None
    lead: str | None = None  # the italic opening words: "Rappelant", "Prie"
    level: int = 0  # heading depth (1 = I., 2 = A., 3 = 1.)
    notes: tuple[NoteRef, ...] = ()
    line: int = 0  # first line in the raw file (1-based), for messages


@by_fields(texts=("text",))
@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote or asterisk note; ``cited_in`` lists paragraph ids."""

    id: str
    marker: str
    text: str
    cited_in: tuple[str, ...] = ()
    line: int = 0


@by_fields
@dataclass(frozen=True, slots=True)
class Issue:
    """A warning about the input, with the raw line it concerns (0 = whole file)."""

    line: int
    message: str

    def format(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line else source
        return f"{where}: {self.message}"


@by_fields
@dataclass(frozen=True, slots=True)
class Metadata:
    """What the archive knows about a document; ``provenance`` says where each came from."""

    id: str
    source: str
    type: str = "document"
    language: str = "fr"
    symbol: str | None = None
    body: str | None = None
    committee: str | None = None  # "plenary", "First Committee" … "Sixth Committee"
    title: str | None = None
    date: str | None = None
    session: str | None = None
    agenda_items: tuple[str, ...] = ()
    sponsors: tuple[str, ...] = ()
    sponsors_note: str | None = None  # the note the sponsor list's asterisk calls: "On behalf of the … Group of 77 and China"
    committee_report: str | None = None
    drafts: tuple[str, ...] = ()
    amends: str | None = None  # the draft an amendment amends: "A/80/L.18"  # the drafts a resolution names: "[without reference to a Main Committee (A/80/L.11)]"
    original_language: str | None = None  # "English", "English and Spanish" ("Original:" line)
    meeting: str | None = None
    distribution_date: str | None = None
    series: str | None = None  # a series id stated by a sidecar
    year: str | None = None  # the year when no exact date is known (sidecar)
    provenance: tuple[tuple[str, str], ...] = ()  # (field, "text" | "sidecar" | "file name")


@by_fields
@dataclass(frozen=True, slots=True)
class Document:
    """A parsed UN document."""

    meta: Metadata
    masthead: tuple[str, ...] = ()  # header lines kept as read ("Distr. générale", ...)
    title_line: str | None = None  # the title as printed ("74/176. Amélioration …")
    formula: str | None = None  # "L’Assemblée générale,"
    paragraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    closing: tuple[str, ...] = ()  # "50e séance plénière", "18 décembre 2019"
    structured: bool = True
    extraction: str = "dump"  # the reader that recognised the raw text (build_scripts.readers)
    issues: tuple[Issue, ...] = ()
    furniture: tuple[tuple[int, str], ...] = field(default=(), compare=False)

    def paragraph(self, pid: str) -> Paragraph | None:
        """The paragraph with id *pid*, or None."""
        for para in self.paragraphs:
            if para.id == pid:
                return para
        return None

    def counts(self) -> dict[str, int]:
        """Number of paragraphs per kind, plus footnotes."""
        counts = {kind: 0 for kind in KINDS}
        for para in self.paragraphs:
            counts[para.kind] += 1
        counts["footnotes"] = len(self.footnotes)
        return counts
