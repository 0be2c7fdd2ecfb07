"""Search benchmark: index size, build time and node query time vs corpus size.

    .venv/bin/python bench/search_bench.py [--sizes 5 100 1000] [--plain]

Corpora of N documents are the seed documents (source_docs/*.txt) copied
round-robin with altered ids and symbols (document i is a copy of seed
i % 5). Paragraphs come from the project's parser (build_scripts.normalize),
or, with ``--plain`` or when the parser fails, from a split on blank lines
(which cuts the hard-wrapped seeds into ~4x more, smaller paragraphs).

Reports per N: records, index and store sizes (compact JSON, raw and gzip),
build time (``build_index``: postings from the analyzed terms; and, for comparison, lunr.py's
own Builder, which tokenizes every field again: same bytes), node load time (JSON.parse + lunr.Index.load) and mean
query time of search.js over a fixed query set. Not a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.search import SearchRecord, build_index, build_store, write_assets  # noqa: E402
from build_scripts.search.index import build_lunr_index, to_json  # noqa: E402
from build_scripts.search.plain import paragraphs  # noqa: E402

SEEDS = sorted((ROOT / "source_docs").glob("*.txt"))
META = json.loads((ROOT / "tests" / "fixtures" / "search" / "seeds.json").read_text(encoding="utf-8"))
RUNNER = ROOT / "tests" / "fixtures" / "search" / "run_search.js"
QUERIES = [
    {"q": "traite des personnes"},
    {"q": "etats membres"},
    {"q": "cooperation internationale"},
    {"q": "l’Office"},
    {"q": "A/RES/74/176"},
    {"q": "2015/23"},
    {"q": '"plan d’action mondial"'},
    {"q": "victimes", "filters": {"type": "resolution"}},
    {"q": "coopé", "options": {"prefix": True}},
    {"q": "trafficking in persons"},
]


def seed_paragraphs(plain: bool) -> list[list[tuple[str, str, str]]]:
    """Per seed: [(paragraph id, label, text)]."""
    out = []
    for path in SEEDS:
        paras = None
        if not plain:
            try:
                from build_scripts.cli import sidecar_path
                from build_scripts.normalize import normalize

                side = sidecar_path(path)
                side_text = side.read_text(encoding="utf-8") if side.exists() else None
                doc = normalize(path.read_bytes(), path.name, side_text, side.name).document
                paras = [(p.id, f"{p.kind} {p.number or ''}".strip(), p.text) for p in doc.paragraphs]
                paras += [(n.id, f"note {n.marker}", n.text) for n in doc.footnotes]
            except Exception as exc:  # the parser is not what is measured here
                print(f"parser failed on {path.name} ({exc}); plain split", file=sys.stderr)
        if paras is None:
            text = path.read_text(encoding="utf-8")
            paras = [(f"p-{i}", f"par. {i}", t) for i, t in enumerate(paragraphs(text), 1)]
        out.append(paras)
    return out


def corpus(n: int, seeds: list[list[tuple[str, str, str]]]) -> list[SearchRecord]:
    metas = [META[p.name[:3]] for p in SEEDS]
    records = []
    for i in range(n):
        meta = metas[i % len(SEEDS)]
        copy = i // len(SEEDS)
        doc_id = meta["doc_id"] if copy == 0 else f"{meta['doc_id']}-{copy}"
        symbol = meta["symbol"]
        if symbol and copy:
            symbol = re.sub(r"\d+$", lambda m: str(int(m.group()) + 1000 + copy), symbol)
        records.append(SearchRecord(  # the document record, as the search stage makes one per document
            ref=doc_id, doc_id=doc_id, title=meta["title"], symbol=symbol, label="document", text=meta["title"],
            type=meta["type"], body=meta["body"], year=meta["year"]))
        for pid, label, text in seeds[i % len(SEEDS)]:
            records.append(
                SearchRecord(
                    ref=f"{doc_id}#{pid}", doc_id=doc_id, title=meta["title"], symbol=symbol,
                    label=label, text=text, type=meta["type"], body=meta["body"], year=meta["year"],
                )
            )
    return records


def sizes(text: str) -> tuple[int, int]:
    raw = text.encode("utf-8")
    return len(raw), len(gzip.compress(raw, 6))


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 1000])
    parser.add_argument("--plain", action="store_true", help="split seeds on blank lines")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query in node")
    args = parser.parse_args()
    node = shutil.which("node")
    seeds = seed_paragraphs(args.plain)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_assets(tmp / "assets")
        for n in args.sizes:
            records = corpus(n, seeds)
            t0 = time.perf_counter()
            index = build_index(records)
            store = build_store(records)
            build_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            if to_json(build_lunr_index(records).serialize()) != to_json(index):
                raise SystemExit("build_index and lunr.py's Builder disagree")
            builder_s = time.perf_counter() - t0
            index_text, store_text = to_json(index), to_json(store)
            (tmp / "index.json").write_text(index_text, encoding="utf-8")
            (tmp / "store.json").write_text(store_text, encoding="utf-8")
            load_ms = query_ms = float("nan")
            if node:
                spec = {"index": str(tmp / "index.json"), "store": str(tmp / "store.json"),
                        "queries": QUERIES, "repeat": args.repeat}
                (tmp / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
                proc = subprocess.run(
                    [node, "--max-old-space-size=8192", str(RUNNER), str(tmp / "assets"), str(tmp / "spec.json")],
                    capture_output=True, text=True, check=True,
                )
                out = json.loads(proc.stdout)
                load_ms, query_ms = out["loadMs"], statistics.mean(out["timings"])
            rows.append((n, len(records), *sizes(index_text), *sizes(store_text), build_s, builder_s, load_ms,
                         query_ms))
            print(f"N={n}: done", file=sys.stderr)
    head = ("docs", "records", "index", "index.gz", "store", "store.gz", "build", "lunr.py Builder", "node load",
            "node query")
    table = [head] + [
        (str(n), str(r), human(i), human(ig), human(s), human(sg), f"{b:.1f} s", f"{lb:.1f} s", f"{lm:.0f} ms",
         f"{qm:.1f} ms")
        for n, r, i, ig, s, sg, b, lb, lm, qm in rows
    ]
    widths = [max(len(row[c]) for row in table) for c in range(len(head))]
    for k, row in enumerate(table):
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths)))
        if k == 0:
            print("  ".join("-" * w for w in widths))
    if not node:
        print("(node not found: no query times)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
