"""Memory of a command's process tree, sampled from ``/proc`` (for benchmarks). Not a test.

:func:`run` starts a command and samples, every *interval* seconds, the resident set size
(``VmRSS``) of the command and of every process it started: the peak of each process (the
largest is what ``/usr/bin/time``'s maximum resident set size reports) and the peak of their
sum (what the machine must hold at once; a page a forked worker still shares with its parent
counts once, ``Pss`` of ``/proc/<pid>/smaps_rollup``). Sampling can miss a peak of the sum
shorter than the interval; the kernel's own ``VmHWM`` of each process (read at every sample)
does not miss a process's peak.
Run: ``.venv/bin/python bench/memory.py COMMAND…`` prints both for any command.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Memory:
    """Peaks of a process tree, in MiB, and its wall time in seconds."""

    largest: float  # the largest single process's peak (VmHWM)
    total: float  # the peak of the sum of the tree's proportional set sizes (sampled)
    processes: int  # how many processes were seen
    wall: float
    peaks: tuple[float, ...] = ()  # each process's peak (VmHWM), in the order they were seen
    cpu: float = 0.0  # user + system seconds of the whole tree
    spans: tuple[tuple[float, float], ...] = ()  # each process's first and last sample (s from the start)

    def described(self) -> str:
        """Each process's peak and when it ran: which one is the largest (the first is the command)."""
        return ", ".join(f"{peak:,.0f} MiB ({first:.0f}–{last:.0f} s)"
                         for peak, (first, last) in zip(self.peaks, self.spans))


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


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return _kib(line.split(":", 1)[1])
    except OSError:
        pass
    return 0


def run(command: list[str], interval: float = 0.05, **kwargs) -> Memory:
    """Run *command* to its end (``check=True``); its tree's memory peaks."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, **kwargs)
    hwm: dict[int, int] = {}
    spans: dict[int, tuple[float, float]] = {}
    total = 0
    while process.poll() is None:
        now = 0
        moment = time.perf_counter() - start
        for pid in _tree(process.pid):
            status = _status(pid)
            if not status or "python" not in status.get("Name", "") and pid != process.pid:
                continue  # gone, or a helper (``/usr/bin/time``) that is not the build
            now += _pss(pid)
            hwm[pid] = max(hwm.get(pid, 0), _kib(status.get("VmHWM")))
            spans[pid] = (spans.get(pid, (moment, moment))[0], moment)
        total = max(total, now)
        time.sleep(interval)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return Memory(max(hwm.values(), default=0) / 1024, total / 1024, len(hwm), wall,
                  tuple(peak / 1024 for peak in hwm.values()), cpu, tuple(spans[pid] for pid in hwm))


if __name__ == "__main__":
    memory = run(sys.argv[1:])
    print(f"{memory.wall:.1f} s · CPU {memory.cpu:.0f} s · largest process {memory.largest:.0f} MiB · "
          f"sum {memory.total:.0f} MiB · {memory.processes} processes "
          f"({memory.described()})")
