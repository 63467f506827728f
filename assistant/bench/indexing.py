"""Indexing throughput against the bare embedder, and the cost of re-indexing a slightly changed export.

The index must add little on top of the model (ratio ≥ 0.8): everything else (reading, chunking, the
catalog, Chroma, BM25) is measured together as the gap between the two. Re-indexing an export where 1 %
of the fiches changed must cost about 1 % of a full index, since only changed fiches are embedded; what
remains (reading the whole export, rebuilding BM25) is reported beside it.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.bench.synthetic_export import revised_numbers, write_synthetic_export
from assistant.chunking import chunk_certification
from assistant.corpus import read_corpus
from assistant.embeddings import NamedEmbeddings
from assistant.index.builder import EMBED_BATCH, build_index
from assistant.settings import Settings


@dataclass
class IndexingFigure:
    embedder: str
    fiches: int
    chunks: int
    raw_chunks_per_s: float
    index_chunks_per_s: float
    index_seconds: float

    @property
    def ratio(self) -> float:
        return self.index_chunks_per_s / self.raw_chunks_per_s if self.raw_chunks_per_s else 0.0


@dataclass
class ReindexFigure:
    embedder: str
    fiches: int
    changed_fiches: int
    full_seconds: float
    reindex_seconds: float
    embedded_chunks: int
    total_chunks: int

    @property
    def cost_share(self) -> float:
        return self.reindex_seconds / self.full_seconds if self.full_seconds else 0.0


def raw_embedder_throughput(embedder: NamedEmbeddings, texts: list[str]) -> float:
    """Passages per second of the model alone, in the batches the indexer uses."""
    started = time.perf_counter()
    for start in range(0, len(texts), EMBED_BATCH):
        embedder.embed_documents(texts[start:start + EMBED_BATCH])
    return len(texts) / (time.perf_counter() - started)


def measure_indexing(export: Path, folder: Path, embedder: NamedEmbeddings) -> IndexingFigure:
    """Embed the export's passages with the model alone, then build a fresh index of it."""
    reading = read_corpus([export])
    texts = [chunk.text for c in reading.certifications for chunk in chunk_certification(c)]
    raw = raw_embedder_throughput(embedder, texts)
    shutil.rmtree(folder, ignore_errors=True)
    report = build_index(Settings(corpus=[export], index=folder), embedder)
    return IndexingFigure(embedder=embedder.name, fiches=report.fiches, chunks=report.chunks,
                          raw_chunks_per_s=raw, index_chunks_per_s=report.chunks / report.seconds,
                          index_seconds=report.seconds)


def measure_reindex(sample: Path, fiches: int, share: float, workdir: Path,
                    embedder: NamedEmbeddings) -> ReindexFigure:
    """A full index of one export, then the next export where `share` of the fiches changed."""
    first = write_synthetic_export(sample, workdir / "reindex" / "avant" / "export_fiches_RNCP.xml", fiches)
    changed = revised_numbers(fiches, share)
    second = write_synthetic_export(sample, workdir / "reindex" / "apres" / "export_fiches_RNCP.xml", fiches,
                                    revised=changed)
    folder = workdir / "reindex" / "index"
    shutil.rmtree(folder, ignore_errors=True)
    full = build_index(Settings(corpus=[first.parent], index=folder), embedder)
    again = build_index(Settings(corpus=[second.parent], index=folder), embedder)
    if len(again.added) != len(changed):
        raise RuntimeError(f"{len(changed)} fiches modifiées attendues, {len(again.added)} réindexées")
    return ReindexFigure(embedder=embedder.name, fiches=fiches, changed_fiches=len(changed),
                         full_seconds=full.seconds, reindex_seconds=again.seconds,
                         embedded_chunks=again.embedded_chunks, total_chunks=again.chunks)
