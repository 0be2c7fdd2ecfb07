"""Command line (an edge: all file I/O of the normalizer happens here).

``python -m build_scripts normalize FILE_OR_FOLDER... --out DIR [--strict] [--report] [--workers N]`` writes
``DIR/<id>.md`` and ``DIR/<id>.json`` for each input (a folder stands for its
raw texts, as the site reads them: ``make`` passes ``source_docs``, never the
file names, which a shell would interpret) and prints one summary
line per file; with ``--report`` (``--out`` then optional) it prints one
table of every document instead (see :mod:`build_scripts.report`). Two files
with the same id are both written, the second (by
file name) as ``<id>-2``, as on the site; an id that claims another
document's address is refused (:func:`build_scripts.corpus.assign_ids`).
Files are read as the site reads them (:func:`build_scripts.sources.read_source`):
a link, a special file, a file too large, or any error while converting one
file is reported naming it, and the others are still converted. Files are
normalized in ``--workers`` processes (default: one per core); the output, the
messages and their order do not depend on it. Exit status:
0 when every file was converted; 1 when a file could not be read or written
(the others are still converted); 2 with ``--strict`` when a file has warnings.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from .corpus import assign_ids
from .read import InputError
from . import report
from .render import markdown, record
from .sources import convert_all, load, read_source, sidecar_path, source_files


def convert(path: Path):
    """Normalize one file (its sidecar included); return the result (see :func:`read_source`)."""
    return read_source(path)


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
    paths = [p for name in args.files for p in (source_files(Path(name)) if Path(name).is_dir() else [Path(name)])]
    loaded = []
    for path in paths:
        try:
            loaded.append((path, load(path)))
        except InputError as err:
            loaded.append((path, str(err)))
    converted = iter(convert_all([raw for _, raw in loaded if not isinstance(raw, str)], args.workers or None))
    for path, raw in loaded:
        outcome = raw if isinstance(raw, str) else next(converted)
        if isinstance(outcome, str):
            print(f"error: {outcome}", file=sys.stderr)
            failures.append((path.name, outcome))
            status = 1
        else:
            results.append((path, outcome))
    results.sort(key=lambda item: item[1].document.meta.source)  # assign_ids keeps this order
    docs = assign_ids([result.document for _, result in results])
    for (path, result), doc in zip(results, docs):
        result = dataclasses.replace(result, document=doc)
        if args.out:
            try:
                write(result.document, Path(args.out))
            except OSError as err:
                print(f"error: {path.name}: cannot write {doc.meta.id}.md/.json ({err.strerror or err})", file=sys.stderr)
                status = 1
                continue
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
    norm.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER")
    norm.add_argument("--out", help="output directory (required unless --report)")
    norm.add_argument("--report", action="store_true",
                      help="print one table row per document (counts, metadata, warnings) instead of one line each")
    norm.add_argument("--strict", action="store_true", help="treat warnings as failures")
    norm.add_argument("--workers", type=int, default=0, metavar="N",
                      help="processes normalizing the files (default: one per core); the output does not depend on it")
    args = parser.parse_args(argv)
    if not args.out and not args.report:
        parser.error("--out DIR is required (or --report to only check the files)")
    return cmd_normalize(args)
