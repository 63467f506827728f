"""Peak memory of a whole `index` run against the export's size, and when the index became searchable.

Each export is indexed from scratch in a fresh process, with hashed vectors (the model would take hours at
10 000 fiches and adds a fixed ~0.5 GB of its own): what is measured is the indexer (reading, catalog,
BM25) and Chroma's own store, which holds every vector of the collection in memory (HNSW, ~1.5 KB a
passage of 384 dimensions).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.bench.figures import peak_rss_mb


@dataclass
class MemoryFigure:
    fiches: int
    chunks: int
    searchable_seconds: float  # catalog and BM25 done: every fiche answers, by its fields and its words
    searchable_peak_mb: float
    seconds: float
    peak_mb: float  # the whole run, vectors written to the embedded Chroma included


def index_and_measure(export_folder: Path, index: Path) -> dict:
    """Run inside the probe process: a full `index` of the export with hashed vectors."""
    import assistant.bench.hashed_embedder  # noqa: F401 - registers the hashed vectors
    from assistant import Settings, build_index

    seen: dict[str, float] = {}

    def searchable(report) -> None:
        seen.update(seconds=report.searchable_seconds, peak=peak_rss_mb())

    started = time.perf_counter()
    report = build_index(Settings(corpus=[export_folder], index=index, embedder="bench-hashed"),
                         on_searchable=searchable)
    return {"fiches": report.fiches, "chunks": report.chunks, "searchable_seconds": seen["seconds"],
            "searchable_peak_mb": seen["peak"], "seconds": time.perf_counter() - started, "peak_mb": peak_rss_mb()}


def measure_memory(export: Path, workdir: Path) -> MemoryFigure:
    workdir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="memory-index-", dir=workdir))
    try:
        result = subprocess.run([sys.executable, "-m", "assistant.bench.memory", str(export.parent), str(folder)],
                                capture_output=True, text=True, check=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return MemoryFigure(**json.loads(result.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    print(json.dumps(index_and_measure(Path(sys.argv[1]), Path(sys.argv[2]))))
