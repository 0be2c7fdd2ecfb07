"""Cache keys: digests of everything a cached result depends on.

:func:`code_version` digests every file of the ``build_scripts`` package (sources, data,
scripts; ``__pycache__`` excluded) in path order, plus the versions of the libraries that
shape the output: changing one line of code or one entity in the catalog makes every key
new. :func:`digest` joins its parts unambiguously (each part is length-prefixed), so
``("ab", "c")`` and ``("a", "bc")`` never collide.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent

#: Libraries whose version can change what the build produces.
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "markdown-it-py", "pyyaml", "lunr", "snowballstemmer",
             "wordfreq", "rapidfuzz", "pycountry", "jinja2", "pymdown-extensions")


def digest(*parts: str | bytes | None) -> str:
    """A hex SHA-256 of *parts* (``None`` is distinct from ``b""``)."""
    h = hashlib.sha256()
    for part in parts:
        if part is None:
            h.update(b"\xff")
            continue
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def tree_digest(root: Path, skip=("__pycache__",)) -> str:
    """Digest of every file under *root* (relative paths and bytes, in path order)."""
    parts: list[str | bytes] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not set(p.parts) & set(skip)):
        if path.suffix in (".pyc", ".pyo"):
            continue
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of the package's files and of the libraries' versions (computed once per process)."""
    return digest(tree_digest(PACKAGE), *(f"{name}={_version(name)}" for name in LIBRARIES))


def document_key(name: str, source: str, sidecar_name: str, sidecar: bytes | None, code: str | None = None) -> str:
    """The key of one raw text's normalization: its name, the digest of its bytes (*source*:
    ``digest("source", bytes)``), its sidecar and the code version."""
    return digest("document", code or code_version(), name, source, sidecar_name, sidecar)


#: The digests of the last build's paragraph and footnote tuples, by identity (the tuple kept
#: with its digest, so that its id is not reused): under ``mkdocs serve`` an unchanged text's
#: document comes back from the cache's memory as the same objects, and is not digested again.
_BODIES: dict[int, tuple[tuple, str]] = {}
#: Those of this build so far (kept only when asked to remember: see :func:`document_digests`).
_NEXT: dict[int, tuple[tuple, str]] = {}


@functools.cache
def _content_fields(cls) -> tuple[str, ...]:
    import dataclasses

    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in ("paragraphs", "footnotes", "meta", "issues"))


def content_digest(doc, remember: bool = False) -> str:
    """A digest of every field of *doc* but its metadata and warnings (which the corpus may
    change: final ids); the digest of a tuple of paragraphs (or footnotes) digested by the
    last build that remembered them is taken back; with *remember*, this one's are kept for
    the next (see :func:`document_digests`)."""
    parts = []
    for body in (doc.paragraphs, doc.footnotes):
        known = _BODIES.get(id(body)) or _NEXT.get(id(body))
        if known is None or known[0] is not body:
            known = (body, digest(repr(body)))
        if remember:
            _NEXT[id(body)] = known
        parts.append(known[1])
    return digest("content", repr(tuple(getattr(doc, name) for name in _content_fields(type(doc)))), *parts)


def document_digests(documents, remember: bool = True) -> dict[str, str]:
    """Each document's digest (its id → a digest of every field of the document: what stands
    for the document in the keys of what is made from it). *documents*: documents, or their
    entries on a shelf (:class:`~build_scripts.shelf.Listed`, whose content digest was taken
    when shelved). Equal documents have equal digests in every process; the digest of a tuple
    of paragraphs (or footnotes) already digested by the last call is taken back rather than
    computed again. Without *remember* (a build that keeps nothing for the next: ``mkdocs
    build``), nothing is kept for the next call: the tuples kept would hold every document's
    text through MkDocs' rendering (about a gigabyte at 10,000 documents)."""
    global _BODIES, _NEXT
    from ..shelf import Listed

    out = {}
    for doc in documents:
        content = doc.content if isinstance(doc, Listed) else content_digest(doc, remember)
        out[doc.meta.id] = digest("document", repr(doc.meta), repr(doc.issues), content)
    _BODIES, _NEXT = (_NEXT if remember else {}), {}
    return out
