"""Benchmark: the archive at N documents, the real texts among them, built in full. Not a test.

Run: ``nice .venv/bin/python bench/full_build.py 10000 [archive] [rebuild] [stages] [plain]``
(all four steps by default; each prints its rows as soon as it is done).

The corpus (``bench/out/archive-N/source_docs``): the 61 real UN texts of
``tests/fixtures/real`` (the English corpus of the General Assembly's 80th session and more,
PyMuPDF extractions, as received) and N - 61 copies of the seeds (``bench/synth.py``).

* ``archive``: ``mkdocs build`` with an empty cache, its workers on every core: wall time,
  CPU time (every process), the largest process's peak and the peak of the processes' sum
  (``bench/memory.py``);
* ``rebuild``: the same build again with nothing changed, then with one word changed in one
  text (the cache of the first);
* ``stages``: the pure pipeline on the same texts (``bench/stage_bench.py``): time and peak
  memory of each stage (reading and normalizing, each corpus-wide stage, the pages);
* ``plain``: Material's own build of the same pages (``bench/site_bench.py``), measured
  the same way: the reference of every ratio.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import memory, site_bench  # noqa: E402
from bench.incremental_bench import EDIT, edit, setup  # noqa: E402
from bench.site_bench import OUT  # noqa: E402
from bench.synth import ROOT, make_corpus  # noqa: E402
from build_scripts.cache.store import Store  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def mkdocs(config: Path, dest: Path) -> memory.Memory:
    return memory.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)],
                      interval=0.5, env=ENV, stdout=subprocess.DEVNULL)


def row(label: str, m: memory.Memory, plain: memory.Memory | None = None) -> str:
    ratio = f" = {m.wall / plain.wall:.2f}× · CPU {m.cpu:.0f} s = {m.cpu / plain.cpu:.2f}×" if plain else f" · CPU {m.cpu:.0f} s"
    return (f"| {label} | {m.wall:.1f} s{ratio} | {m.largest:,.0f} MiB | {m.total:,.0f} MiB "
            f"| {m.processes}: {m.described()} |")


def main(n: int, steps: list[str]) -> None:
    if "archive" in steps or not (OUT / f"archive-{n}" / "source_docs").is_dir():
        work = setup(n)  # synthetic corpus and mkdocs.yml, build cache removed
        make_corpus(n, work / "source_docs", real=True)
    else:  # the corpus and the cache of an earlier run (its steps interrupted)
        work = OUT / f"archive-{n}"
    runs: dict[str, memory.Memory] = {}
    print(f"| {n:,} documents | time | largest process | sum of processes | processes: each one's peak (when it ran) |\n|---|---|---|---|---|",
          flush=True)
    if "archive" in steps:
        runs["full"] = mkdocs(work / "mkdocs.yml", work / "site")
        print(row("full build, empty cache", runs["full"]), flush=True)
    if "rebuild" in steps:
        print(row("nothing changed", mkdocs(work / "mkdocs.yml", work / "site")), flush=True)
        edit(work, EDIT)
        print(row("one word changed in one text", mkdocs(work / "mkdocs.yml", work / "site")), flush=True)
    if "plain" in steps:
        site_bench.build = lambda config, dest: runs.__setitem__("plain", mkdocs(config, dest)) or 0.0
        cache = work / "build" / "cache"
        if cache.is_dir():  # the archive build's pages, read back from its cache (not computed again)
            site_bench.site.build = lambda folder: site_bench.site.output(folder, store=Store(cache, memory=False))
        site_bench.plain_build(n)
        print(row("plain Material, same pages", runs["plain"]), flush=True)
        if "full" in runs:
            print(row("full build against plain", runs["full"], runs["plain"]), flush=True)
    if "stages" in steps:
        subprocess.run([sys.executable, str(ROOT / "bench" / "stage_bench.py"), str(n),
                        f"--workers={os.cpu_count() or 1}", f"--folder={work / 'source_docs'}"], check=True)
    shutil.rmtree(work / "site", ignore_errors=True)  # gigabytes at 10,000 documents


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()]
    chosen = [a for a in sys.argv[1:] if not a.isdigit()] or ["archive", "rebuild", "plain", "stages"]
    main(sizes[0] if sizes else 300, chosen)
