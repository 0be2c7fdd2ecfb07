"""Run every benchmark in turn and print their tables (``make bench``). Not a test.

Order matters: ``browser_search_bench`` measures the sites ``site_bench``
leaves in ``bench/out/``. Pass sizes to override the default ``100 1000``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(sizes: list[str]) -> int:
    steps = [
        ["site_bench.py", *sizes],
        ["browser_search_bench.py", *sizes],
        ["search_bench.py", "--sizes", "5", *sizes],
        ["shard_bench.py", "1000", "10000", "50000"],
        ["stage_bench.py", sizes[0]],
        ["align_bench.py"],
        ["normalize_bench.py"],
        ["doubling_bench.py"],
        ["incremental_bench.py", sizes[0]],
    ]
    for script, *args in steps:
        print(f"\n## {script} {' '.join(args)}\n", flush=True)
        code = subprocess.run([sys.executable, str(HERE / script), *args]).returncode
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["100", "1000"]))
