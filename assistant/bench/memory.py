"""Peak memory of a whole `index` run against the export's size, and when the index became searchable.

Each export is indexed from scratch in a fresh process, with hashed vectors (the model would take hours at
10 000 fiches): what is measured is the indexer (reading, catalog, BM25) and Chroma's own store, which
holds every vector of a collection it has opened in memory (HNSW: ~2 KB a passage of 384 dimensions,
measured, so ~650 MB for one collection of 10 000 fiches; hence the shards of `assistant.index.dense`).
The same export is then indexed against a Chroma server (`chroma run`), the layout of a national
deployment, to tell the indexer's memory from the store's.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
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
    server_indexer_peak_mb: float | None = None  # the same index against a Chroma server: the indexer alone
    server_peak_mb: float | None = None  # and the server, which holds the vectors
    server_seconds: float | None = None
    model_passages: int | None = None  # the same export with the real model, its first passages only
    model_peak_mb: float | None = None


MODEL_PASSAGES = 2000  # enough for the model's memory to settle; the whole RNCP would take hours
THROUGH_TWO_COLLECTIONS = -1  # `passages`: every passage of the first two collections the indexer fills


@dataclass
class ModelMemoryFigure:
    """An index run with the real model through its first two collections: the peak of a whole build, since
    the indexer holds one collection at a time, they are all about as big, and the second one shows that
    what the first held is not kept."""

    fiches: int
    chunks: int
    collections: int
    first_collection: int  # its passages
    second_collection: int
    written: int
    seconds: float
    first_collection_peak_mb: float  # when the first collection was complete
    peak_mb: float  # when the second was complete too


class _Enough(Exception):
    """Raised from the progress callback to end a real-model fill once its memory has settled."""


def index_and_measure(export_folder: Path, index: Path, chroma_url: str | None = None,
                      embedder: str = "bench-hashed", passages: int = 0) -> dict:
    """Run inside the probe process: a full `index` of the export with hashed vectors, or with another
    embedder up to `passages` vectors."""
    import assistant.bench.hashed_embedder  # noqa: F401 - registers the hashed vectors
    from assistant import Settings, build_index

    seen: dict[str, float] = {}
    written = {"done": 0}

    def searchable(report) -> None:
        seen.update(seconds=report.searchable_seconds, peak=peak_rss_mb(), fiches=report.fiches,
                    chunks=report.chunks)
        if passages == THROUGH_TWO_COLLECTIONS:
            seen.update(_first_collections(index, report.chunks))

    def progress(done: int, _total: int) -> None:
        written["done"] = done
        first = seen.get("first_collection")
        if first is not None and done >= first and "first_collection_peak" not in seen:
            seen["first_collection_peak"] = peak_rss_mb()
        if first is not None and done >= first + seen["second_collection"]:
            raise _Enough
        if passages > 0 and done >= passages:
            raise _Enough

    started = time.perf_counter()
    with contextlib.suppress(_Enough):
        build_index(Settings(corpus=[export_folder], index=index, embedder=embedder, chroma_url=chroma_url),
                    on_searchable=searchable, on_progress=progress)
    return {"fiches": seen["fiches"], "chunks": seen["chunks"], "searchable_seconds": seen["seconds"],
            "searchable_peak_mb": seen["peak"], "seconds": time.perf_counter() - started,
            # VmHWM can read lower later (file pages dropped without the kernel updating it): the highest read
            "peak_mb": max(peak_rss_mb(), seen["peak"], seen.get("first_collection_peak", 0.0)),
            "written": written["done"], "collections": seen.get("collections"),
            "first_collection": seen.get("first_collection"), "second_collection": seen.get("second_collection"),
            "first_collection_peak_mb": seen.get("first_collection_peak")}


def _first_collections(index: Path, chunks: int) -> dict[str, int]:
    """How many collections the index gets and how many passages the first two hold (filled first)."""
    from assistant.index.catalog import Catalog
    from assistant.index.dense import shard_of, shards_for

    shards = shards_for(chunks)
    catalog = Catalog(index)
    try:
        sizes = Counter(shard_of(chunk_id, shards) for chunk_id in catalog.iter_chunk_ids())
    finally:
        catalog.close()
    return {"collections": shards, "first_collection": sizes[0], "second_collection": sizes[1]}


def measure_memory(export: Path, workdir: Path, model: str, with_server: bool = True,
                   model_passages: int = MODEL_PASSAGES) -> MemoryFigure:
    workdir.mkdir(parents=True, exist_ok=True)
    hashed = _probe(export, workdir)
    figure = MemoryFigure(**{name: value for name, value in hashed.items() if name in MemoryFigure.__annotations__})
    real = _probe(export, workdir, None, model, model_passages)
    figure.model_passages, figure.model_peak_mb = real["written"], real["peak_mb"]
    if with_server:
        from assistant.bench.chroma_server import chroma_server

        store = Path(tempfile.mkdtemp(prefix="memory-chroma-", dir=workdir))
        try:
            with chroma_server(store) as server:
                served = _probe(export, workdir, server.url)
                figure.server_peak_mb = server.peak_rss_mb()
        finally:
            shutil.rmtree(store, ignore_errors=True)
        figure.server_indexer_peak_mb, figure.server_seconds = served["peak_mb"], served["seconds"]
    return figure


def measure_model_memory(export: Path, workdir: Path, model: str) -> ModelMemoryFigure:
    """The real model through the first two collections of the export's index (20 min at 10 000 fiches)."""
    workdir.mkdir(parents=True, exist_ok=True)
    run = _probe(export, workdir, None, model, THROUGH_TWO_COLLECTIONS)
    return ModelMemoryFigure(fiches=run["fiches"], chunks=run["chunks"], collections=run["collections"],
                             first_collection=run["first_collection"], second_collection=run["second_collection"],
                             written=run["written"],
                             seconds=run["seconds"], first_collection_peak_mb=run["first_collection_peak_mb"],
                             peak_mb=run["peak_mb"])


def _probe(export: Path, workdir: Path, chroma_url: str | None = None, embedder: str = "bench-hashed",
           passages: int = 0) -> dict:
    """`index_and_measure` in a fresh process, on a new index folder removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="memory-index-", dir=workdir))
    try:
        result = subprocess.run([sys.executable, "-m", "assistant.bench.memory", str(export.parent), str(folder),
                                 chroma_url or "-", embedder, str(passages)], capture_output=True, text=True,
                                check=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    url, name, count = sys.argv[3:6]
    print(json.dumps(index_and_measure(Path(sys.argv[1]), Path(sys.argv[2]), None if url == "-" else url, name,
                                       int(count))))
