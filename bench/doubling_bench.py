"""Benchmark: does each corpus-wide stage grow linearly? Doubling the corpus, stage by stage. Not a test.

Run: ``.venv/bin/python bench/doubling_bench.py [N ...]`` (default 500 1000 2000 4000).

The 66 texts at hand (the five seeds and the 61 real documents of
``tests/fixtures/real``) are normalized once; the corpus of N documents is
made of copies of them, each with its own id, symbol, a **distinct title**
(random words) and its own text (the copy's number after every fourth word),
so that copies are distinct documents, as in a real archive, instead of
series that grow with N; the real draft/resolution pairs stay among the
first 66. For each N, in a fresh process, it times every corpus-wide stage
(citations, entity mentions, entity pages, series, the sharded search index)
and the rendering of every generated page (Markdown and JSON), and prints each
CPU time's ratio to the previous N (``time.process_time``: the machine is
shared, and wall time varies with the others' load): about 2 when the stage is linear, about 4 when
it is quadratic; and the process's peak memory (maximum resident set size) at
the end of each N, with its growth per document.
"""

from __future__ import annotations

import dataclasses
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts import corpus as corpus_mod  # noqa: E402
from build_scripts.citations import attach as citation_stage  # noqa: E402
from build_scripts.entities.stage import compute as entity_mentions  # noqa: E402
from build_scripts.render.entity_pages import register as entity_pages  # noqa: E402
from build_scripts.render.pages import site_files  # noqa: E402
from build_scripts.search.stage import attach as search_stage  # noqa: E402
from build_scripts.series.stage import attach as series_stage  # noqa: E402
from build_scripts.sources import read_source  # noqa: E402

WORDS = ("cooperation development oceans peace climate water health education trade women children "
         "migration energy security disarmament culture sport literacy forests deserts cities food "
         "debt finance science technology space youth ageing indigenous refugees").split()


def originals() -> list:
    paths = sorted((ROOT / "source_docs").glob("*.txt")) + sorted((ROOT / "tests/fixtures/real").glob("*/*.txt"))
    return [read_source(p).document for p in paths]


def corpus_of(n: int, docs: list):
    rng = random.Random(n)
    out = []
    for k in range(n):
        doc = docs[k % len(docs)]
        title = " ".join(rng.sample(WORDS, 5)) + f" {k}"
        meta = dataclasses.replace(doc.meta, id=f"bench-{k:06d}", symbol=f"A/RES/90/{k + 1}", title=title,
                                   source=f"{k:06d}.txt", drafts=(), amends=None, series=None)
        paragraphs = doc.paragraphs if k < len(docs) else tuple(
            dataclasses.replace(p, text=_distinct(p.text, k), notes=()) for p in doc.paragraphs)
        out.append(dataclasses.replace(doc, meta=meta, paragraphs=paragraphs))
    return corpus_mod.build(out)


def _distinct(text: str, k: int) -> str:
    """The text of copy *k* made its own: its number after every fourth word (names mostly intact)."""
    words = text.split(" ")
    return " ".join(w + (f" {k}" if n % 4 == 3 else "") for n, w in enumerate(words))


def timed(work) -> float:
    """CPU seconds of *work* in this process (steadier than wall time on a shared machine)."""
    start = time.process_time()
    work()
    return time.process_time() - start


STAGES = [("citations", citation_stage),
          ("entity mentions", lambda c: c.extras.__setitem__("entity_data", entity_mentions(c))),
          ("entity pages", entity_pages), ("series (grouping and alignment)", series_stage),
          ("search index (sharded)", search_stage), ("pages (Markdown, JSON)", site_files)]


def one(n: int) -> dict:
    """Times of every stage on the corpus of *n* documents, and the peak memory (this process)."""
    docs = originals()
    box = []
    times = {"corpus (ids, references)": timed(lambda: box.append(corpus_of(n, docs)))}
    corpus = box[0]
    times |= {name: timed(lambda: stage(corpus)) for name, stage in STAGES}
    return {"times": times, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(sizes: list[int]) -> None:
    runs = []
    for n in sizes:  # a fresh process per size: its peak memory is its own
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"N = {n:,}: done", file=sys.stderr, flush=True)
    print("| stage | " + " | ".join(f"N = {n:,}" for n in sizes) + " |\n|---|" + "---|" * len(sizes))
    for name in runs[0]["times"]:
        times = [run["times"][name] for run in runs]
        cells = [f"{times[0]:.1f} s"] + [f"{t:.1f} s (×{t / max(prev, 1e-9):.1f})" for prev, t in zip(times, times[1:])]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    totals = [sum(run["times"].values()) for run in runs]
    cells = [f"{totals[0]:.1f} s"] + [f"{t:.1f} s (×{t / prev:.1f})" for prev, t in zip(totals, totals[1:])]
    print("| all stages | " + " | ".join(cells) + " |")
    peaks = [run["peak_mib"] for run in runs]
    cells = [f"{peaks[0]:,.0f} MiB"] + [f"{p:,.0f} MiB (+{(p - q) * 1024 / (b - a):,.0f} KiB a document)"
                                         for a, b, q, p in zip(sizes, sizes[1:], peaks, peaks[1:])]
    print("| peak memory | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one(int(sys.argv[2]))))
    else:
        main([int(a) for a in sys.argv[1:]] or [500, 1000, 2000, 4000])
