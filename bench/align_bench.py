"""Benchmark of build_scripts.series.align on a report-sized document. Not a test.

Builds a Document of the 139 numbered paragraphs of the SG report A/74/127
(source_docs/002_*.txt, cut roughly at lines starting with the next number
"N. "), then times its alignment with:

* a shuffled copy of itself (all pairs identical: the exact-match path);
* a copy with 10% of the paragraphs edited (a few words changed);
* a shuffled copy with 10% edited (edited pairs are also moved);
* a copy with *every* paragraph edited (the full similarity matrix: worst case).

Usage: ``python bench/align_bench.py [repeat]``
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.model import Document, Metadata, Paragraph  # noqa: E402
from build_scripts.series.align import align  # noqa: E402

_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(.*)")


def report_paragraphs() -> list[str]:
    """Texts of the numbered paragraphs 1, 2, 3 … of the report (rough cut)."""
    source = next(ROOT.glob("source_docs/002_*.txt"))
    texts: list[list[str]] = []
    for line in source.read_text("utf-8").splitlines():
        found = _NUMBERED.match(line)
        if found and int(found.group(1)) == len(texts) + 1:
            texts.append([found.group(2)])
        elif texts and line.strip():
            texts[-1].append(line.strip())
    return [" ".join(lines) for lines in texts]


def make_doc(doc_id: str, texts: list[str], ids: list[str] | None = None) -> Document:
    ids = ids or [f"para-{n}" for n in range(1, len(texts) + 1)]
    paras = tuple(Paragraph(pid, "paragraph", text, pid.split("-")[1]) for pid, text in zip(ids, texts))
    return Document(Metadata(doc_id, f"{doc_id}.txt", type="report"), paragraphs=paras)


def edit(text: str, rnd: random.Random) -> str:
    """Replace, drop or insert about 10% of the words of *text*."""
    words = text.split()
    for _ in range(max(1, len(words) // 10)):
        n = rnd.randrange(len(words))
        choice = rnd.random()
        if choice < 0.4:
            words[n] = rnd.choice(["notamment", "également", "renforcé", "États", "mondial"])
        elif choice < 0.7 and len(words) > 1:
            del words[n]
        else:
            words.insert(n, rnd.choice(["en particulier", "selon qu'il conviendra", "à cet égard"]))
    return " ".join(words)


def variants(texts: list[str]) -> dict[str, Document]:
    rnd = random.Random(127)
    ids = [f"para-{n}" for n in range(1, len(texts) + 1)]
    order = list(range(len(texts)))
    rnd.shuffle(order)
    edited_set = set(rnd.sample(range(len(texts)), len(texts) // 10))
    edited = [edit(t, rnd) if n in edited_set else t for n, t in enumerate(texts)]
    return {
        "shuffled copy": make_doc("shuffled", [texts[n] for n in order], [ids[n] for n in order]),
        "10% edited": make_doc("edited", edited),
        "shuffled + 10% edited": make_doc("both", [edited[n] for n in order], [ids[n] for n in order]),
        "100% edited": make_doc("all", [edit(t, rnd) for t in texts]),
    }


def main(repeat: int = 5) -> None:
    texts = report_paragraphs()
    base = make_doc("a-74-127", texts)
    print(f"{len(texts)} paragraphs, {sum(len(t) for t in texts)} characters")
    for name, other in variants(texts).items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            result = align(base, other)
            times.append(time.perf_counter() - start)
        counts = {k: v for k, v in result.counts().items() if v}
        best = min(times)
        print(f"{name:24} {best * 1000:8.1f} ms per document pair "
              f"({best / len(texts) * 1e6:6.0f} µs per paragraph)  {counts}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
