"""Corpus -> the site's generated pages (Markdown) and data files (JSON). Pure.

Guarantees of :func:`site_files`: every path is built from a slug made of
``[a-z0-9-]`` (so nothing can leave the output folder); the same corpus
gives the same files, byte for byte; no page lists every document (document
pages carry their own data; listing pages are paginated per facet).
"""

from __future__ import annotations

import zlib

from ..cache.memo import memo
from ..corpus import Corpus, year
from ..model import Document, Paragraph
from ..shelf import Documents
from ..symbol import Symbol
from . import citation_forms, escape, french, listings, markdown, record
from .paging import chunks, rel


class SiteFile:
    """A generated file: its path under the docs root and its text.

    The text is held compressed (UTF-8, zlib) from the moment the file is made: a build
    holds every generated file until MkDocs has written it, and Markdown and JSON shrink
    about eightfold. :meth:`shelved` gives the same file with those bytes on a shelf (the
    build's temporary file: :mod:`build_scripts.shelf`), read back when used. :attr:`content`
    gives the text back, :attr:`raw` its UTF-8 bytes; equal texts give equal files (zlib is
    deterministic), wherever their bytes are; a file pickles as its path and bytes. Immutable.
    """

    __slots__ = ("path", "_data", "_shelf", "_number")

    def __init__(self, path: str, content: str):
        _set(self, path, zlib.compress(content.encode("utf-8"), 1), None, -1)

    @classmethod
    def of_bytes(cls, path: str, data: bytes) -> "SiteFile":
        """The file *path* whose compressed bytes are *data*."""
        new = object.__new__(cls)
        _set(new, path, data, None, -1)
        return new

    @property
    def data(self) -> bytes:
        """The text, UTF-8, zlib-compressed."""
        return self._data if self._shelf is None else self._shelf.take_bytes(self._number)

    def shelved(self, shelf) -> "SiteFile":
        """The same file, its bytes on *shelf* (held as they are by a shelf that keeps its values in memory)."""
        if self._shelf is not None or shelf.remember:
            return self
        new = object.__new__(SiteFile)
        _set(new, self.path, None, shelf, shelf.put_bytes(self._data))
        return new

    @property
    def raw(self) -> bytes:
        """The file's bytes (its text in UTF-8)."""
        return zlib.decompress(self.data)

    @property
    def content(self) -> str:
        """The file's text."""
        return self.raw.decode("utf-8")

    def __setattr__(self, name, value):
        raise AttributeError(f"a generated file is immutable ({name})")

    def __eq__(self, other) -> bool:
        return isinstance(other, SiteFile) and (self.path, self.data) == (other.path, other.data)

    def __hash__(self) -> int:
        return hash((self.path, self.data))

    def __repr__(self) -> str:
        return f"SiteFile(path={self.path!r})"

    def __reduce__(self):
        return SiteFile.of_bytes, (self.path, self.data)


def _set(file: SiteFile, path: str, data: bytes | None, shelf, number: int) -> None:
    for name, value in (("path", path), ("_data", data), ("_shelf", shelf), ("_number", number)):
        object.__setattr__(file, name, value)


class ShelvedFiles(list):
    """A list of generated files whose bytes go to *shelf* as they are added (:meth:`SiteFile.shelved`):
    the pages the corpus-wide stages make are not all held in memory until MkDocs writes them."""

    def __init__(self, shelf):
        super().__init__()
        self.shelf = shelf

    def append(self, file: SiteFile) -> None:
        super().append(file.shelved(self.shelf))

    def extend(self, files) -> None:
        super().extend(f.shelved(self.shelf) for f in files)

    def __iadd__(self, files):
        self.extend(files)
        return self


def doc_path(doc_id: str) -> str:
    """Source path of a document page (``documents/<id>.md``)."""
    return f"documents/{doc_id}.md"


def site_files(corpus: Corpus) -> list[SiteFile]:
    """All generated pages and data files for *corpus*: each document read once (its page, its
    JSON record and its CSL-JSON item made from it, then it is let go)."""
    shelf = corpus.documents.shelf if isinstance(corpus.documents, Documents) else None
    files = ShelvedFiles(shelf) if shelf is not None else []  # on the documents' shelf, as they are made
    files += (f for doc in corpus.documents for f in (document_page(corpus, doc), *document_files(corpus, doc)))
    files += listings.pages(corpus)
    files += list_pages(corpus)
    files += corpus.extras.get("pages", [])
    return sorted(files, key=lambda f: f.path)


#: The six official languages of the United Nations, as undocs.org serves them.
OFFICIAL_LANGUAGES = (("ar", "العربية"), ("zh", "中文"), ("en", "English"), ("fr", "Français"), ("ru", "Русский"),
                      ("es", "Español"))


def display_name(doc: Document) -> str:
    """How the site names a document: its symbol, else ``Projet de résolution (Bélarus, 2013)``."""
    from ..series.lineage import short_name

    if doc.meta.symbol:
        return doc.meta.symbol
    name = short_name(doc)
    return name[:1].upper() + name[1:]


def document_front(doc: Document) -> dict:
    """The ``archive`` front matter a document template reads."""
    m = doc.meta
    official = Symbol.parse(m.symbol).url("fr") if m.symbol else None
    name = display_name(doc)
    return {
        "template": "document.html",
        "title": escape.html(f"{name} — {m.title}" if m.title else name),
        "archive": {
            "kind": "document", "id": m.id, "symbol": m.symbol, "name": name, "title": m.title,
            "type_label": french.type_label(m.type), "type_href": listings.facet_url("type", m.type),
            "body_label": french.body_label(m.body) if m.body else None,
            "body_href": listings.facet_url("body", m.body) if m.body else None,
            "date_label": french.date(m.date), "date": m.date, "year": year(doc),
            "session": m.session, "agenda_items": list(m.agenda_items), "sponsors": list(m.sponsors),
            "sponsors_note": m.sponsors_note,
            "committee_report": m.committee_report, "meeting": m.meeting,
            "committee_label": french.committee(m.committee), "original_language": m.original_language,
            "distribution_label": french.date(m.distribution_date), "source": m.source, "source_url": f"sources/{m.id}.txt",
            "language": m.language, "language_label": french.language(m.language),
            "provenance": [[french.field(k), french.provenance(v)] for k, v in m.provenance],
            "official_url": official, "json": f"api/documents/{m.id}.json",
            "official": [{"lang": code, "label": label, "url": Symbol.parse(m.symbol).url(code)}
                         for code, label in OFFICIAL_LANGUAGES] if m.symbol else [],
            "committee_report_url": Symbol.parse(m.committee_report).url("fr")
            if m.committee_report and Symbol.try_parse(m.committee_report) else None,
            "cite_name": citation_forms.document_name(doc), "structured": doc.structured,
            "csl": f"api/csl/{m.id}.json",
            "warnings": len(doc.issues), "masthead": list(doc.masthead),
        },
    }


def document_page(corpus: Corpus, doc: Document) -> SiteFile:
    """The page of one document, with what the corpus-wide stages contribute.

    Stages contribute through ``corpus.extras``: ``link_finders`` (spans to
    link in a paragraph), ``suffixes`` (inline Markdown after a paragraph),
    ``tails`` (sections after the footnotes), ``front_extras`` (front matter). Their
    contributions are computed first; the page is made from them and the document, or read
    back from the build cache when an earlier build made it from the same (:func:`memo`).
    """
    path = doc_path(doc.meta.id)
    finders = corpus.extras.get("link_finders", [])
    suffixes = corpus.extras.get("suffixes", [])
    notes = [Paragraph(note.id, "footnote", note.text) for note in doc.footnotes]  # as markdown.render links them
    links = {(p.kind, p.id): [link for f in finders for link in f(doc, p, path)]
             for p in [*doc.paragraphs, *notes]} if finders else None
    extras = {p.id: "".join(f(doc, p, path) for f in suffixes) for p in doc.paragraphs} if suffixes else None
    tail = [block for t in corpus.extras.get("tails", []) for block in t(corpus, doc, path)]
    front_values = document_front(doc)
    for contribute in corpus.extras.get("front_extras", []):
        front_values["archive"].update(contribute(corpus, doc, path))

    def make() -> SiteFile:
        body = markdown.render(
            doc, permalinks=True, tail=tail,
            links=(lambda d, p: links[(p.kind, p.id)]) if links is not None else None,
            suffix=(lambda d, p: extras[p.id]) if extras is not None else None)
        return SiteFile(path, markdown.front_matter(front_values) + body.split("---\n", 2)[2])

    inputs = (corpus.extras.get("digests", {}).get(doc.meta.id), sorted(links.items()) if links else None, extras,
              tail, front_values)
    return memo(corpus.extras.get("cache"), "document-page", inputs, make)


API_PER_PAGE = 1000  # documents a page of the list: the list's files do not grow with the archive


def list_path(page: int) -> str:
    """The list's page *page* (1: ``api/documents.json``, where a reader of the API starts)."""
    return "api/documents.json" if page == 1 else f"api/documents/page/{page}.json"


def list_pages(corpus: Corpus) -> list[SiteFile]:
    """The list of every document, :data:`API_PER_PAGE` a page, in the corpus' order: each
    page says the total, its number and the paths of the previous and next pages."""
    parts = chunks(corpus.listed, API_PER_PAGE)
    return [SiteFile(list_path(k), record.dumps({
        "count": len(corpus.listed), "page": k, "pages": len(parts), "per_page": API_PER_PAGE,
        "previous": list_path(k - 1) if k > 1 else None, "next": list_path(k + 1) if k < len(parts) else None,
        "documents": [record.summary(d) for d in part]})) for k, part in enumerate(parts, 1)]


def document_files(corpus: Corpus, doc: Document) -> list[SiteFile]:
    """``api/documents/<id>.json`` (the document's record, with what the stages contribute)
    and ``api/csl/<id>.json`` (its CSL-JSON item, what reference managers import: the page's
    address under ``corpus.extras["base_url"]``, the published site's, else relative to the site)."""
    out: dict = {}
    for contribute in corpus.extras.get("record_extras", []):
        out.update(contribute(corpus, doc))
    store, doc_id = corpus.extras.get("cache"), doc.meta.id
    return [json_file(store, f"api/documents/{doc_id}.json", record.record(doc, out)),
            json_file(store, f"api/csl/{doc_id}.json", [citation_forms.csl(doc, page_url(corpus, doc_id))])]


def page_url(corpus: Corpus, doc_id: str) -> str:
    """A document page's address: absolute under the published site's ``base_url``, else site-relative."""
    base = corpus.extras.get("base_url")
    return (base.rstrip("/") + "/" if base else "") + f"documents/{doc_id}/"


def json_file(store, path: str, value) -> SiteFile:
    """``path`` holding *value* as JSON (:func:`record.dumps`), or an earlier build's file of the same value."""
    return memo(store, "json", (path, value), lambda: SiteFile(path, record.dumps(value)), plain=True)


def doc_link(from_path: str, doc: Document, anchor: str = "") -> str:
    """Markdown link to a document page, labelled with its symbol (or title)."""
    label = escape.text(doc.meta.symbol or doc.meta.title or doc.meta.id)
    target = rel(from_path, doc_path(doc.meta.id)) + (f"#{anchor}" if anchor else "")
    return f"[{label}]({target})"
