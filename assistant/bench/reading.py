"""Reading throughput and peak memory of the XML reader against the export's size.

Each file is read in a fresh process so its peak memory is its own, and the fiches are counted, not kept:
what is measured is the reader, which must stay flat however large the export grows.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.bench.figures import peak_rss_mb


@dataclass
class ReadingFigure:
    fiches: int
    file_mb: float
    seconds: float
    peak_mb: float
    baseline_mb: float

    @property
    def fiches_per_s(self) -> float:
        return self.fiches / self.seconds if self.seconds else 0.0


def read_and_count(path: Path) -> dict:
    """Run inside the probe process: read every fiche, keep none."""
    from assistant.readers.xml_export import read_xml_export

    baseline = peak_rss_mb()
    problems: list[str] = []
    started = time.perf_counter()
    count = sum(1 for _ in read_xml_export(path, lambda problem: problems.append(str(problem))))
    seconds = time.perf_counter() - started
    return {"fiches": count, "seconds": seconds, "peak_mb": peak_rss_mb(), "baseline_mb": baseline,
            "problems": len(problems)}


def measure_reading(path: Path) -> ReadingFigure:
    result = subprocess.run([sys.executable, "-m", "assistant.bench.reading", str(path)],
                            capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    if data["problems"]:
        raise RuntimeError(f"{path} : {data['problems']} fiche(s) illisible(s)")
    return ReadingFigure(fiches=data["fiches"], file_mb=path.stat().st_size / 2**20, seconds=data["seconds"],
                         peak_mb=data["peak_mb"], baseline_mb=data["baseline_mb"])


if __name__ == "__main__":
    print(json.dumps(read_and_count(Path(sys.argv[1]))))
