"""Benchmark: does each corpus-wide stage grow linearly? Doubling the corpus, stage by stage. Not a test.

Run: ``.venv/bin/python bench/doubling_bench.py [N ...]`` (default 250 500 1000 2000).

The 66 texts at hand (the five seeds and the 61 real documents of
``tests/fixtures/real``) are normalized once; the corpus of N documents is
made of copies of them, each with its own id, symbol, a **distinct title**
(random words) and its own text (the copy's number after every fourth word),
so that copies are distinct documents, as in a real archive, instead of
series that grow with N; the real draft/resolution pairs stay among the
first 66. For each N it times the citation, entity and series stages
and the rendering of the entity pages, and prints each time's ratio to the
previous N: about 2 when the stage is linear, about 4 when it is quadratic.
(The search stage is left to ``bench/search_bench.py``.)
"""

from __future__ import annotations

import dataclasses
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts import corpus as corpus_mod  # noqa: E402
from build_scripts.citations import attach as citation_stage  # noqa: E402
from build_scripts.entities.stage import compute as entity_mentions  # noqa: E402
from build_scripts.render.entity_pages import register as entity_pages  # noqa: E402
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
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    docs = originals()
    stages = [("citations", citation_stage),
              ("entity mentions", lambda c: c.extras.__setitem__("entity_data", entity_mentions(c))),
              ("entity pages", entity_pages), ("series (grouping and alignment)", series_stage)]
    print("| stage | " + " | ".join(f"N = {n:,}" for n in sizes) + " |\n|---|" + "---|" * len(sizes))
    rows: dict[str, list[float]] = {name: [] for name, _ in stages}
    for n in sizes:
        corpus = corpus_of(n, docs)
        for name, stage in stages:
            rows[name].append(timed(lambda: stage(corpus)))
    for name, times in rows.items():
        cells = [f"{times[0]:.1f} s"] + [f"{t:.1f} s (×{t / max(prev, 1e-9):.1f})" for prev, t in zip(times, times[1:])]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 500, 1000, 2000])
