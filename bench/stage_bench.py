"""Benchmark: the pure pipeline (no MkDocs) on N synthetic documents, stage by stage. Not a test.

Run: ``.venv/bin/python bench/stage_bench.py 100 [--workers=W] [--folder=RAW_TEXTS]``. For reading and normalizing
the raw texts (in W processes, default 1), each corpus-wide stage
(``build_scripts.site.STAGES``) and the rendering of the pages, it prints the seconds spent,
the peak resident memory of the main process *during* the stage (the kernel's high-water mark
``VmHWM``, reset before each stage through ``/proc/self/clear_refs``), what it still holds
after the stage (``VmRSS``, freed heap given back first) and the peak of the process the stage
ran in when it is not the main one (the search stage, run as the site runs it with more than
one worker: in a process of its own, started from the main one).
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import ROOT, make_corpus  # noqa: E402
from build_scripts import corpus as corpus_mod, search_process, site, sources  # noqa: E402
from build_scripts.render.pages import site_files  # noqa: E402
from build_scripts.shelf import Shelf  # noqa: E402


def _status(field: str) -> float:
    """A ``/proc/self/status`` field in MiB."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")  # resets VmHWM to the current resident size
    except OSError:
        pass


def _search_in_child(box, failures) -> tuple[int, float]:
    """The search stage in this (worker) process: its files' count and the process's peak."""
    files = search_process._search_files(box, failures)  # box: [documents], emptied by the stage
    return len(files), _status("VmHWM")


def timed(label: str, work, child: float | None = None):
    site.release_memory()
    _reset_peak()
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    peak = _status("VmHWM")
    site.release_memory()
    held = _status("VmRSS")
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], float):
        result, child = result
    other = f"{child:.0f} MiB" if child is not None else "—"
    print(f"| {label} | {seconds:.1f} s | {peak:.0f} MiB | {held:.0f} MiB | {other} |", flush=True)
    return result


def main(n: int, workers: int = 1, folder: Path | None = None) -> None:
    """Measure the corpus of *n* synthetic documents, or the raw texts of *folder*."""
    folder = folder or make_corpus(n, ROOT / "bench" / "out" / f"stages-{n}")
    n = len(list(folder.glob("*.txt")))
    print(f"| stage ({n} documents, {workers} worker(s)) | time | main process: peak during | held after "
          "| its own process: peak |\n|---|---|---|---|---|")
    read = timed("read and normalize", lambda: sources.normalize_all(sources.scan(folder), workers, None, Shelf()))
    corpus = corpus_mod.assemble(read.shelf, list(read.results), read.failures)  # as the site: the documents on a shelf
    del read
    for stage in site.STAGES:
        name = stage.__module__.replace("build_scripts.", "")
        if stage is site.search_stage:
            with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:  # as the site
                count = timed(name, lambda: pool.submit(_search_in_child, [search_process.spool(corpus.documents)],
                                                           corpus.failures).result())
            print(f"({count} search files)")
        else:
            timed(name, lambda: stage(corpus))
    files = timed("render pages", lambda: site_files(corpus))
    print(f"\n{len(files)} files besides the search stage's; main process peak over the whole run "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    w = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--workers=")), 1)
    given = next((Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--folder=")), None)
    main(int(args[0]) if args else 100, w, given)
