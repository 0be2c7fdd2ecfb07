"""What the search indexes: one record per paragraph (or note, or item)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchRecord:
    """One searchable unit.

    ``ref`` is ``doc_id`` or ``doc_id + "#" + paragraph id``; the paragraph id
    becomes the URL fragment of the result (``documents/<doc_id>/#<id>``).
    """

    ref: str  # "a-res-74-176#op-3"
    doc_id: str  # "a-res-74-176"
    title: str  # document title
    symbol: str  # "A/RES/74/176", may be ""
    label: str  # "par. 3", "alinéa 5 du préambule", "note 3"
    text: str  # the paragraph's plain text
    type: str  # resolution, draft_resolution, report, ...
    body: str  # GA, ECOSOC, ... may be ""
    year: str  # "2019", may be ""
    language: str = ""  # the document's language ("en": indexed with English inflections, :mod:`.english`)

    @property
    def fragment(self) -> str:
        """The paragraph id: what follows ``doc_id + "#"`` in ``ref`` ("" if none)."""
        if self.ref == self.doc_id:
            return ""
        prefix = self.doc_id + "#"
        if not self.ref.startswith(prefix) or len(self.ref) == len(prefix):
            raise ValueError(f"ref {self.ref!r} is not {self.doc_id!r} or {prefix!r} + an id")
        return self.ref[len(prefix):]
