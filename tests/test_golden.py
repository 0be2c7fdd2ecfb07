"""Golden files: each seed's Markdown and JSON output, byte for byte.

``tests/fixtures/golden/<seed stem>.md`` and ``.json`` hold the reviewed
output of ``normalize`` + the renderers for each seed, and for a handful of
real documents of ``fixtures/real/en`` (a resolution with an annex, one on
a committee's report, a long committee draft, a draft decision). A change in any stage
shows up here as a readable diff. After an intended change, regenerate with::

    UPDATE_GOLDEN=1 pytest tests/test_golden.py

and read the diff (``git diff tests/fixtures/golden``) before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from conftest import SEEDS, normalize_file
from build_scripts.render import markdown, record

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "golden"
REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "en"
CASES = SEEDS + tuple(REAL / f"{stem}.txt" for stem in ("a-res-80-3", "a-res-80-13", "a-c-3-80-l-2", "a-c-4-80-l-3"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
MAX_DIFF_LINES = 80


def outputs(path: Path) -> dict[str, str]:
    doc = normalize_file(path).document
    return {".md": markdown.render(doc), ".json": record.dumps(record.record(doc))}


def diff(expected: str, actual: str, name: str) -> str:
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                      f"golden/{name}", f"actual/{name}", lineterm="", n=2))
    more = len(lines) - MAX_DIFF_LINES
    shown = "\n".join(lines[:MAX_DIFF_LINES])
    return shown + (f"\n… {more} more diff lines" if more > 0 else "")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
@pytest.mark.parametrize("suffix", [".md", ".json"])
def test_golden(path: Path, suffix: str):
    actual = outputs(path)[suffix]
    golden = GOLDEN / f"{path.stem}{suffix}"
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="\n")
    assert golden.exists(), f"missing {golden}: run UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    expected = golden.read_text(encoding="utf-8")
    if expected != actual:
        pytest.fail(f"{golden.name} differs from the output "
                    f"(UPDATE_GOLDEN=1 pytest tests/test_golden.py to accept):\n{diff(expected, actual, golden.name)}",
                    pytrace=False)


def test_diff_helper_is_readable_and_bounded():
    expected = "\n".join(f"line {i}" for i in range(300))
    actual = expected.replace("line 7\n", "line seven\n").replace("line 250", "changed")
    text = diff(expected, actual, "x.md")
    assert "-line 7" in text and "+line seven" in text
    long = diff(expected, "\n".join(f"other {i}" for i in range(300)), "x.md")
    assert len(long.splitlines()) == MAX_DIFF_LINES + 1 and long.endswith("more diff lines")
