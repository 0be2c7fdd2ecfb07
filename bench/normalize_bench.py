"""Benchmark: normalizing ONE document of growing size (100 KB to 4 MB), time and memory. Not a test.

Run: ``.venv/bin/python bench/normalize_bench.py [MB ...]`` (default 0.1 0.25 0.5 1 2 4).

Two texts per size, each normalized in a fresh process (peak memory from
``tracemalloc``, time from ``perf_counter``):

* ``report`` — a long real-looking document: the masthead of a real draft
  (``tests/fixtures/real/en``) followed by the bodies of the 28 real
  documents, in turn, until the size is reached (numbered paragraphs,
  footnotes, running headers, page breaks: every rule runs);
* ``one paragraph`` — the worst case for joining lines: a single paragraph
  of that size, wrapped at 90 characters.

Prints a Markdown table and the seconds per MB, which stays flat when time
grows linearly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real" / "en"

_CHILD = r"""
import json, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
from build_scripts.normalize import normalize
data = open(sys.argv[2], "rb").read()
tracemalloc.start()
start = time.perf_counter()
result = normalize(data, "bench.txt")
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak": tracemalloc.get_traced_memory()[1],
                  "paragraphs": len(result.document.paragraphs)}))
"""


def report_text(size: int) -> str:
    files = sorted(REAL.glob("*.txt"))
    head = files[0].read_text(encoding="utf-8").split("The General Assembly", 1)[0]
    bodies = [f.read_text(encoding="utf-8").split("The General Assembly", 1)[-1] for f in files]
    parts, total, k = [head, "The General Assembly,\n"], 0, 0
    while total < size:
        parts.append(bodies[k % len(bodies)])
        total += len(parts[-1])
        k += 1
    return "".join(parts)


def paragraph_text(size: int) -> str:
    import random
    import textwrap

    rng = random.Random(1)
    words = "the general assembly recalls its resolution on cooperation and development of member states".split()
    body = " ".join(rng.choice(words) for _ in range(size // 7))
    return "The General Assembly,\n\nRecalling " + "\n".join(textwrap.wrap(body, 90)) + ",\n\n1. Decides to act.\n"


def measure(text: str, work: Path) -> dict:
    path = work / "bench.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), str(path)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def main(sizes: list[float]) -> None:
    work = ROOT / "bench" / "out" / "normalize"
    work.mkdir(parents=True, exist_ok=True)
    print("| text | size | time | s per MB | peak memory | paragraphs |\n|---|---|---|---|---|---|")
    for name, make in (("report", report_text), ("one paragraph", paragraph_text)):
        for mb in sizes:
            text = make(int(mb * 1_000_000))
            found = measure(text, work)
            real_mb = len(text.encode("utf-8")) / 1e6
            print(f"| {name} | {real_mb:.2f} MB | {found['seconds']:.1f} s | {found['seconds'] / real_mb:.1f} | "
                  f"{found['peak'] / 1e6:.0f} MB | {found['paragraphs']} |", flush=True)


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [0.1, 0.25, 0.5, 1, 2, 4])
