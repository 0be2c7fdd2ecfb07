"""Stage 0, read the extraction: raw text -> one canonical stream of lines.

Raw texts come out of UN PDFs through whatever tool a user has. Each reader
module recognises one kind of extraction and brings it to the canonical
form of :class:`~build_scripts.clean.lines.Line` records, so that the
cleaning rules and :mod:`build_scripts.parse` stay one code path:

* whitespace-only lines are blank (they count only in ``gap``);
* ``page`` numbers the page a line stands on when the extraction marks page
  boundaries (0 otherwise), so page furniture is found where it stands;
* ``opens`` carries the layout's own sign of a paragraph start;
* a label alone on its line (``1.``, ``(a)``, ``(ii)``, ``25``) is joined to
  the line it labels (``label_alone``).

Readers, tried in order (the first that recognises the text wins):
:mod:`.markdown` (Markdown-ish published text), :mod:`.pdftotext` (form
feeds between pages), :mod:`.pymupdf` (PyMuPDF ``get_text()`` pages joined
with newlines), and :mod:`.dump` (PDF text dumps with indented paragraph
starts, the bundled seeds; the fallback). Another extractor is one more
module with ``NAME``, ``FLAVOUR``, ``recognises(text)`` and ``lines(text)``.

Guarantee of :func:`read`: every non-blank raw line is in the output, in
order (a joined label keeps its own line number; the text it labels is
counted with it), so nothing is lost between the raw text and cleaning.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..clean.lines import Line
from . import dump, markdown, pdftotext, pymupdf

READERS = (markdown, pdftotext, pymupdf, dump)


@dataclass(frozen=True)
class Extraction:
    """What a reader made of a raw text."""

    reader: str  # the reader's NAME: "markdown", "pdftotext", "pymupdf", "dump"
    flavour: str  # the markup family for the later stages: "markdown" or "pdf"
    lines: tuple[Line, ...]


def reader_for(text: str):
    """The reader module that recognises *text* (the dump reader when none does)."""
    return next(r for r in READERS if r.recognises(text))


def read(text: str) -> Extraction:
    """Recognise the extraction of *text* and return its canonical lines."""
    reader = reader_for(text)
    return Extraction(reader.NAME, reader.FLAVOUR, tuple(reader.lines(text)))
