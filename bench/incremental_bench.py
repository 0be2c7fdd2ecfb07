"""Benchmark: full build, rebuild with nothing changed, one word changed; build and serve. Not a test.

For N synthetic documents (``bench/synth.py``) it measures, with ``mkdocs build``:

* the full build with an empty cache (``build/cache`` removed first);
* a rebuild with nothing changed;
* a rebuild after one word changed in one text;
* the peak memory (maximum resident set size, ``/usr/bin/time``) of each;

and under ``mkdocs serve``: the time from saving a text with one word changed to the page
served with the new word (polled every 0.1 s), after a first full build. The plain Material
build of the same pages (``bench/site_bench.py``) is the reference of every ratio.
Run: ``nice .venv/bin/python bench/incremental_bench.py 300``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.site_bench import OUT, plain_build  # noqa: E402
from bench.synth import ROOT, make_corpus  # noqa: E402

WORKERS = os.cpu_count() or 1
EDIT = ("Prie le Secrétaire général", "Prie instamment le Secrétaire général")


def setup(n: int) -> Path:
    work = OUT / f"archive-{n}"
    make_corpus(n, work / "source_docs")
    shutil.rmtree(work / "build", ignore_errors=True)
    (work / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
                                     .replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
                                     .replace("custom_dir: site_templates", f"custom_dir: {ROOT / 'site_templates'}"),
                                     encoding="utf-8")
    return work


def build(work: Path) -> tuple[float, float]:
    """``mkdocs build``: seconds and peak memory (MiB)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    rss = work / "rss.txt"
    start = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(rss), sys.executable, "-m", "mkdocs", "build", "-q",
                    "-f", str(work / "mkdocs.yml"), "-d", str(work / "site")], check=True, env=env, capture_output=True)
    return time.perf_counter() - start, int(rss.read_text().split()[-1]) / 1024


def edit(work: Path, words: tuple[str, str]) -> tuple[Path, str]:
    """Change one word in the first E/RES text; return it and the page id."""
    path = sorted((work / "source_docs").glob("*_004_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    assert words[0] in text
    path.write_text(text.replace(words[0], words[1], 1), encoding="utf-8")
    return path, "e-res-2004-104"


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def serve(work: Path, page: str) -> tuple[float, float]:
    """Seconds to the first served page, then from saving a one-word change to serving it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                               "-f", str(work / "mkdocs.yml")], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/documents/{page}/"
    try:
        while "Prie instamment le" not in _fetch(url):
            if time.perf_counter() - start > 3600:
                raise TimeoutError(url)
            time.sleep(0.2)
        first = time.perf_counter() - start
        time.sleep(2)
        saved = time.perf_counter()
        edit(work, ("Prie instamment le Secrétaire général", "Prie encore le Secrétaire général"))
        while "Prie encore le" not in _fetch(url):
            if time.perf_counter() - saved > 3600:
                raise TimeoutError(url)
            time.sleep(0.1)
        return first, time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(sizes: list[int]) -> None:
    print("| N | plain Material | full build (empty cache) | nothing changed | one word changed | "
          "serve: first page | serve: save → served |")
    print("|---|---|---|---|---|---|---|")
    for n in sizes:
        work = setup(n)
        full, full_rss = build(work)
        plain, _ = plain_build(n)
        same, same_rss = build(work)
        edit(work, EDIT)
        word, word_rss = build(work)
        first, served = serve(work, "e-res-2004-104")
        print(f"| {n} | {plain:.1f} s | {full:.1f} s = {full / plain:.2f}× · {full_rss:.0f} MiB "
              f"| {same:.1f} s = {same / plain:.2f}× ({same / full:.2f}× full) · {same_rss:.0f} MiB "
              f"| {word:.1f} s = {word / plain:.2f}× ({word / full:.2f}× full) · {word_rss:.0f} MiB "
              f"| {first:.1f} s | {served:.1f} s |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [300])
