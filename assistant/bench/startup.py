"""Start-up time of `serve` on a built index: from the command to the first page served.

The index must be opened, not rebuilt: the catalog generation and the BM25 files are compared before and
after, and a rebuild is reported as such.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from assistant.bench.served_app import serve
from assistant.index.catalog import Catalog
from assistant.index.lexical import FOLDER as BM25_FOLDER


@dataclass
class StartupFigure:
    fiches: int
    chunks: int
    seconds: float
    rebuilt: bool


def _state(index: Path) -> tuple[int, float, int, int]:
    catalog = Catalog(index)
    try:
        bm25_written = (index / BM25_FOLDER / "chunks.json").stat().st_mtime
        return catalog.generation, bm25_written, catalog.count("fiches"), catalog.count("chunks")
    finally:
        catalog.close()


def measure_startup(index: Path, embedder_spec: str, timeout: float = 900) -> StartupFigure:
    before = _state(index)
    with tempfile.TemporaryDirectory(prefix="vae-bench-serve-") as folder:
        with serve(index, Path(folder) / "serve.log", timeout=timeout,
                   environ={"VAE_EMBEDDER": embedder_spec}, module="assistant.bench.cli") as served:
            seconds = served.seconds_to_answer
    after = _state(index)
    return StartupFigure(fiches=before[2], chunks=before[3], seconds=seconds, rebuilt=before[:2] != after[:2])
