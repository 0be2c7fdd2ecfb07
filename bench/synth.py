"""A synthetic corpus of N raw documents made from the seeds' texts (for benchmarks).

Each copy of a seed gets its own symbol (or file name, for drafts), so ids
are unique and the archive grows as a real one would.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "source_docs").glob("*.txt"))
REAL = sorted((ROOT / "tests" / "fixtures" / "real").glob("*/*.txt"))  # real UN texts (PyMuPDF), as received


def _variant(seed: Path, text: str, i: int) -> str:
    """The seed's text with a unique symbol for copy *i*."""
    if seed.name.startswith("003"):
        return text.replace("74/176.", f"{60 + i % 20}/{1000 + i}.", 1)
    if seed.name.startswith("004"):
        return text.replace("2015/23.", f"{2000 + i % 25}/{100 + i}.", 1)
    if seed.name.startswith("002"):
        return re.sub(r"(?m)^A/74/127 *$", f"A/74/{5000 + i}", text)
    return text


def make_corpus(n: int, dest: Path, real: bool = False) -> Path:
    """Write *n* raw documents into *dest* (emptied first); with *real*, the real texts of
    ``tests/fixtures/real`` as they are, and copies of the seeds for the rest."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    texts = {seed: seed.read_text(encoding="utf-8") for seed in SEEDS}
    kept = REAL[:n] if real else []
    for path in kept:
        shutil.copyfile(path, dest / f"real_{path.parent.name}_{path.name}")
    for i in range(n - len(kept)):
        seed = SEEDS[i % len(SEEDS)]
        (dest / f"{i:05d}_{seed.stem}.txt").write_text(_variant(seed, texts[seed], i), encoding="utf-8")
    return dest
