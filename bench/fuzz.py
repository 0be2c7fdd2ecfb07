"""Fuzz run (hypothesis, large budget) over the reader, the sidecar loader and the normalizer
entry point. Not a test: ``tests/test_hostile_properties.py`` runs the same properties
(``tests/support/hostile.py``) with a small budget on every ``make test``.

Run: ``.venv/bin/python bench/fuzz.py [--reader N] [--sidecar N] [--normalize N] [--seed S]``.
Every input is checked; a failure is counted and its input kept (the run goes on, so the
figure is the number of crashing inputs, not the first one). Prints a table: target,
inputs tried, crashes, time.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, seed, settings, strategies as st  # noqa: E402

from tests.support.hostile import (check_normalize, check_reader, check_sidecar, mutated_seeds,  # noqa: E402
                                   raw_bytes, sidecar_inputs)

TARGETS = {
    "reader (read.decode)": (lambda: raw_bytes, check_reader),
    "sidecar loader (sidecar.load)": (lambda: sidecar_inputs, check_sidecar),
    "normalizer (normalize + ids + render)": (lambda: st.tuples(st.one_of(mutated_seeds(), raw_bytes), sidecar_inputs),
                                              lambda pair: check_normalize(*pair)),
}


def fuzz(name: str, budget: int, run_seed: int) -> tuple[int, list[tuple[object, str]]]:
    strategy, check = TARGETS[name]
    tried, crashes = [0], []

    @seed(run_seed)
    @settings(max_examples=budget, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy())
    def run(value):
        tried[0] += 1
        try:
            check(value)
        except Exception:  # counted, kept, and the run goes on
            crashes.append((value, traceback.format_exc(limit=3)))

    run()
    return tried[0], crashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reader", type=int, default=100_000)
    parser.add_argument("--sidecar", type=int, default=50_000)
    parser.add_argument("--normalize", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    budgets = dict(zip(TARGETS, (args.reader, args.sidecar, args.normalize)))
    print("| target | inputs tried | crashes | time |\n|---|---|---|---|", flush=True)
    total = 0
    for name, budget in budgets.items():
        start = time.perf_counter()
        tried, crashes = fuzz(name, budget, args.seed)
        total += len(crashes)
        print(f"| {name} | {tried:,} | {len(crashes)} | {time.perf_counter() - start:.0f} s |", flush=True)
        for value, trace in crashes[:3]:
            print(f"\n{name} crashed on {value!r:.300}\n{trace}", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
