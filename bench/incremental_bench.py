"""Benchmark: full build, rebuild with nothing changed, one word changed; build and serve. Not a test.

For N synthetic documents (``bench/synth.py``) it measures, with ``mkdocs build``:

* the full build with an empty cache (``build/cache`` removed first);
* a rebuild with nothing changed;
* a rebuild after one word changed in one text;
* for each, the wall time, the CPU time (user + system, the build's processes included:
  steadier than wall time on a shared machine) and the peak memory (maximum resident set
  size of the largest process, ``/usr/bin/time``);

and under ``mkdocs serve`` and ``mkdocs serve --dirty`` (only changed files written:
``build_scripts/mkdocs_dirty.py``): the time from saving a text with one word changed to the
page served with the new word (polled every 0.1 s), after a first full build. The plain Material
build of the same pages (``bench/site_bench.py``) is the reference of every ratio.
Run: ``nice .venv/bin/python bench/incremental_bench.py 300 [--no-serve]``.
"""

from __future__ import annotations

import os
import random
import string
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import site_bench  # noqa: E402
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


def timed(command: list[str], rss: Path) -> tuple[float, float, float]:
    """Run *command*: wall seconds, CPU seconds (user + system, children included), peak MiB."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", str(rss), *command], check=True, env=env,
                   capture_output=True)
    wall = time.perf_counter() - start
    user, system, peak = rss.read_text().split()[-3:]
    return wall, float(user) + float(system), int(peak) / 1024


def build(work: Path) -> tuple[float, float, float]:
    """``mkdocs build``: wall seconds, CPU seconds, peak memory (MiB)."""
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml"), "-d",
                  str(work / "site")], work / "rss.txt")


PLAIN: list[tuple[float, float, float]] = []


def _plain(config: Path, dest: Path) -> float:
    """site_bench's plain Material build, measured like ours."""
    PLAIN.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)],
                       config.parent / "rss.txt"))
    return PLAIN[-1][0]


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


def serve(work: Path, page: str, words: tuple[str, str] = ("instamment", "encore"),
          options: tuple[str, ...] = ()) -> tuple[float, float]:
    """Seconds to the first served page, then from saving a one-word change (« Prie
    <words[0]> » → « Prie <words[1]> ») to serving it; *options*: more ``mkdocs serve`` options."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                               "-f", str(work / "mkdocs.yml"), *options], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/documents/{page}/"
    try:
        while f"Prie {words[0]} le" not in _fetch(url):
            if time.perf_counter() - start > 3600:
                raise TimeoutError(url)
            time.sleep(0.2)
        first = time.perf_counter() - start
        time.sleep(2)
        saved = time.perf_counter()
        edit(work, (f"Prie {words[0]} le Secrétaire général", f"Prie {words[1]} le Secrétaire général"))
        while f"Prie {words[1]} le" not in _fetch(url):
            if time.perf_counter() - saved > 3600:
                raise TimeoutError(url)
            time.sleep(0.1)
        return first, time.perf_counter() - saved
    finally:
        server.terminate()
        server.wait(timeout=30)


def fresh_word() -> str:
    """A made-up word no earlier run has written (nine random letters)."""
    return "".join(random.choice(string.ascii_lowercase) for _ in range(9))


def cell(run: tuple[float, float, float], plain: tuple[float, float, float], full=None) -> str:
    wall, cpu, peak = run
    out = f"{wall:.1f} s = {wall / plain[0]:.2f}× · CPU {cpu:.0f} s = {cpu / plain[1]:.2f}×"
    if full is not None:
        out += f" ({wall / full[0]:.2f}× / CPU {cpu / full[1]:.2f}× full)"
    return out + f" · {peak:.0f} MiB"


def main(sizes: list[int], with_serve: bool = True) -> None:
    site_bench.build = _plain
    print("| N | plain Material | full build (empty cache) | nothing changed | one word changed | "
          "serve: first page | serve: save → served | serve --dirty: save → served |")
    print("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        work = setup(n)
        full = build(work)
        plain_build(n)
        plain = PLAIN[-1]
        same = build(work)
        edit(work, EDIT)
        word = build(work)
        # new words each run: a word an earlier run left would find the whole site in the cache
        one, two = fresh_word(), fresh_word()
        first, served = serve(work, "e-res-2004-104", ("instamment", one)) if with_serve else (float("nan"),) * 2
        _, dirty = serve(work, "e-res-2004-104", (one, two), ("--dirty",)) if with_serve else (0, float("nan"))
        print(f"| {n} | {plain[0]:.1f} s · CPU {plain[1]:.0f} s · {plain[2]:.0f} MiB | {cell(full, plain)} "
              f"| {cell(same, plain, full)} | {cell(word, plain, full)} | {first:.1f} s | {served:.1f} s | {dirty:.1f} s |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:] if a != "--no-serve"] or [300], "--no-serve" not in sys.argv)
