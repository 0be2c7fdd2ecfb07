"""Benchmark: the pure pipeline (no MkDocs) on N synthetic documents, stage by stage. Not a test.

Run: ``.venv/bin/python bench/stage_bench.py 100``. Prints the seconds spent reading and
normalizing the raw texts (one process), in each corpus-wide stage (``build_scripts.site.STAGES``)
and in rendering the pages, and the process's peak memory (maximum resident set size) after
each: how much each stage adds to what the build holds.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import ROOT, make_corpus  # noqa: E402
from build_scripts import corpus as corpus_mod, site, sources  # noqa: E402
from build_scripts.render.pages import site_files  # noqa: E402


def timed(label: str, work):
    start = time.perf_counter()
    result = work()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| {label} | {time.perf_counter() - start:.1f} s | {peak:.0f} MiB |", flush=True)
    return result


def main(n: int) -> None:
    folder = make_corpus(n, ROOT / "bench" / "out" / f"stages-{n}")
    print(f"| stage ({n} documents) | time | peak memory so far |\n|---|---|---|")
    read = timed("read and normalize", lambda: sources.read_folder(folder))
    corpus = corpus_mod.build([r.document for r in read.results], read.failures)
    for stage in site.STAGES:
        timed(stage.__module__.replace("build_scripts.", ""), lambda: stage(corpus))
    files = timed("render pages", lambda: site_files(corpus))
    print(f"\n{len(files)} files")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
