"""The normalizer: raw file bytes (and an optional sidecar) -> Document, checked.

This is the one function the CLI and the site build share. Guarantees of
:func:`normalize`: it raises :class:`~build_scripts.read.InputError` only
for a file that cannot be read as text; otherwise it returns a
:class:`Result` whose document carries every warning (decoding, sidecar,
parsing, conservation) with the line it concerns.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from . import conservation, lang, sidecar
from .model import Document, Issue
from .parse import parse
from .clean import clean
from .read import decode


@dataclass(frozen=True)
class Result:
    """A normalized document and its conservation report."""

    document: Document
    conservation: conservation.Report

    def warnings(self) -> tuple[Issue, ...]:
        return self.document.issues


def normalize(data: bytes, source: str, sidecar_text: str | bytes | None = None, sidecar_name: str = "") -> Result:
    """Decode, clean, parse and check one raw file (see module docstring); the sidecar may be
    given as text or as its raw bytes (:func:`build_scripts.sidecar.load` decodes and checks it)."""
    text, issues = decode(data, source)
    overrides, side_issues = sidecar.load(sidecar_text) if sidecar_text is not None else ({}, [])
    code = overrides.get("language") if overrides.get("language") in lang.LANGUAGES else lang.detect(text)
    doc = parse(clean(text), source, code)
    report = conservation.check(text, doc)
    issues += list(doc.issues)
    issues += [Issue(0, f"{sidecar_name or 'sidecar'} line {i.line}: {i.message}") for i in side_issues]
    issues += _conservation_issues(report)
    meta = sidecar.apply(doc.meta, overrides) if overrides else doc.meta
    for key in ("series", "year"):
        if key in overrides:
            meta = dataclasses.replace(meta, **{key: overrides[key]})
    return Result(dataclasses.replace(doc, meta=meta, issues=tuple(issues)), report)


def _conservation_issues(report: conservation.Report) -> list[Issue]:
    out = []
    if report.lost:
        words = ", ".join(f"{w}×{n}" if n > 1 else w for w, n in report.lost[:30])
        out.append(Issue(0, f"conservation: {sum(n for _, n in report.lost)} word(s) of the raw text missing from the output: {words}"))
    if report.added:
        words = ", ".join(f"{w}×{n}" if n > 1 else w for w, n in report.added[:30])
        out.append(Issue(0, f"conservation: {sum(n for _, n in report.added)} word(s) in the output not in the raw text: {words}"))
    return out
