"""Small measuring tools shared by the benchmarks: latency percentiles, a timer, peak memory."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Latency:
    """Samples of one kind of request, in milliseconds."""

    name: str
    samples_ms: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms) if self.samples_ms else 0.0

    @property
    def p95(self) -> float:
        if not self.samples_ms:
            return 0.0
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def time(self, action: Callable[[], object]) -> object:
        started = time.perf_counter()
        result = action()
        self.samples_ms.append((time.perf_counter() - started) * 1000)
        return result


def peak_rss_mb() -> float:
    """This program's peak resident memory so far, in MB. Linux's `VmHWM` first: `ru_maxrss` survives exec,
    so a probe started by a process that had loaded the model reported the model's memory as its own."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def french_number(value: float, digits: int = 0) -> str:
    """12 345,6 rather than 12345.6: the report is read in French."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", " ").replace(".", ",")
