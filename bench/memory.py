"""Memory of a command's process tree, sampled from ``/proc`` (for benchmarks). Not a test.

:func:`run` starts a command and samples, every *interval* seconds, the resident set size
(``VmRSS``) of the command and of every process it started: the peak of each process (the
largest is what ``/usr/bin/time``'s maximum resident set size reports) and the peak of their
sum (what the machine must hold at once). Sampling can miss a peak shorter than the
interval; the kernel's own ``VmHWM`` of each process (read at every sample) does not.
Run: ``.venv/bin/python bench/memory.py COMMAND…`` prints both for any command.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Memory:
    """Peaks of a process tree, in MiB, and its wall time in seconds."""

    largest: float  # the largest single process's peak (VmHWM)
    total: float  # the peak of the sum of the tree's resident sets (sampled)
    processes: int  # how many processes were seen
    wall: float


def _status(pid: int) -> dict[str, str]:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            return dict(line.split(":", 1) for line in handle if ":" in line)
    except OSError:
        return {}


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                out += [int(p) for p in handle.read().split()]
    except OSError:
        pass
    return out


def _tree(root: int) -> list[int]:
    seen, todo = [], [root]
    while todo:
        pid = todo.pop()
        seen.append(pid)
        todo += _children(pid)
    return seen


def _kib(value: str | None) -> int:
    return int(value.split()[0]) if value else 0


def run(command: list[str], interval: float = 0.05, **kwargs) -> Memory:
    """Run *command* to its end (``check=True``); its tree's memory peaks."""
    start = time.perf_counter()
    process = subprocess.Popen(command, **kwargs)
    hwm: dict[int, int] = {}
    total = 0
    while process.poll() is None:
        now = 0
        for pid in _tree(process.pid):
            status = _status(pid)
            now += _kib(status.get("VmRSS"))
            hwm[pid] = max(hwm.get(pid, 0), _kib(status.get("VmHWM")))
        total = max(total, now)
        time.sleep(interval)
    wall = time.perf_counter() - start
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return Memory(max(hwm.values(), default=0) / 1024, total / 1024, len(hwm), wall)


if __name__ == "__main__":
    memory = run(sys.argv[1:])
    print(f"{memory.wall:.1f} s · largest process {memory.largest:.0f} MiB · "
          f"sum {memory.total:.0f} MiB · {memory.processes} processes")
