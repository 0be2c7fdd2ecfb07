"""Command line (an edge: all file I/O of the normalizer happens here).

``python -m build_scripts normalize FILE... --out DIR [--strict] [--report]`` writes
``DIR/<id>.md`` and ``DIR/<id>.json`` for each input and prints one summary
line per file; with ``--report`` (``--out`` then optional) it prints one
table of every document instead (see :mod:`build_scripts.report`). Two files with the same id are both written, the second (by
file name) as ``<id>-2``, as on the site. Exit status: 0 when every file was converted; 1 when a file
could not be read (the others are still converted); 2 with ``--strict`` when
a file has warnings.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from .corpus import unique_ids
from .normalize import normalize
from .read import InputError
from . import report
from .render import markdown, record


def sidecar_path(path: Path) -> Path:
    """``NAME.txt`` -> ``NAME.meta.yml``."""
    return path.with_name(path.stem + ".meta.yml")


def convert(path: Path):
    """Normalize one file (its sidecar included); return the result."""
    side = sidecar_path(path)
    side_text = side.read_text(encoding="utf-8") if side.exists() else None
    return normalize(path.read_bytes(), path.name, side_text, side.name)


def write(doc, out: Path) -> None:
    """``out/<id>.md`` and ``out/<id>.json``."""
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{doc.meta.id}.md").write_text(markdown.render(doc), encoding="utf-8")
    (out / f"{doc.meta.id}.json").write_text(record.dumps(record.record(doc)), encoding="utf-8")


def summary_line(path: Path, result) -> str:
    doc, counts = result.document, result.document.counts()
    return (f"{path.name}: {doc.meta.type} {doc.meta.symbol or '(no symbol)'} -> {doc.meta.id} | "
            f"preambular {counts['preambular']}, operative {counts['operative']}, items {counts['item']}, "
            f"paragraphs {counts['paragraph']}, headings {counts['heading']}, footnotes {counts['footnotes']} | "
            f"warnings {len(doc.issues)}")


def cmd_normalize(args) -> int:
    """Convert every file, give repeated ids a suffix as the site does, write, report."""
    status, results, failures = 0, [], []
    for name in args.files:
        path = Path(name)
        try:
            results.append((path, convert(path)))
        except (InputError, OSError) as err:
            print(f"error: {err}", file=sys.stderr)
            failures.append((path.name, str(err)))
            status = 1
    results.sort(key=lambda item: item[1].document.meta.source)  # unique_ids keeps this order
    docs = unique_ids([result.document for _, result in results])
    for (path, result), doc in zip(results, docs):
        result = dataclasses.replace(result, document=doc)
        if args.out:
            write(result.document, Path(args.out))
        if not args.report:
            print(summary_line(path, result))
            for issue in result.document.issues:
                print(f"  warning: {issue.format(path.name)}", file=sys.stderr)
        if args.strict and result.document.issues and status == 0:
            status = 2
    if args.report:
        print(report.table([(path.name, doc) for (path, _), doc in zip(results, docs)], failures), end="")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    norm = sub.add_parser("normalize", help="raw UN texts -> Markdown + JSON")
    norm.add_argument("files", nargs="+")
    norm.add_argument("--out", help="output directory (required unless --report)")
    norm.add_argument("--report", action="store_true",
                      help="print one table row per document (counts, metadata, warnings) instead of one line each")
    norm.add_argument("--strict", action="store_true", help="treat warnings as failures")
    args = parser.parse_args(argv)
    if not args.out and not args.report:
        parser.error("--out DIR is required (or --report to only check the files)")
    return cmd_normalize(args)
