"""The peak memory of a step: the resident memory of this process and every process it started (dbt runs in
its own), sampled while the step runs. /proc only (Linux), so the bench needs no extra package."""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

GIB = 1024**3


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree_rss(pid: int | None = None) -> int:
    """Bytes resident in process `pid` (this one by default) and all its descendants."""
    total, pending = 0, [pid or os.getpid()]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS")), 0)
        pending += _children(current)
    return total


class PeakSampler:
    """The highest tree_rss seen since start(), sampled every `interval` seconds on a thread."""

    def __init__(self, pid: int | None = None, interval: float = 0.2):
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(self.interval)

    def start(self) -> PeakSampler:
        self._thread.start()
        return self

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss(self.pid))
        return self.peak / GIB


@contextmanager
def step(figures: dict, name: str):
    """Record `<name>_s` (wall time) and `<name>_peak_gib` (peak memory of this process tree) in `figures`."""
    sampler = PeakSampler().start()
    started = time.perf_counter()
    try:
        yield
    finally:
        figures[f"{name}_s"] = round(time.perf_counter() - started, 1)
        figures[f"{name}_peak_gib"] = round(sampler.stop(), 2)
