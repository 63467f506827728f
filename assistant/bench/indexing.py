"""Indexing throughput against the bare embedder, and the cost of re-indexing a slightly changed export.

The index must add little on top of the model (ratio ≥ 0.8): everything else (reading, chunking, the
catalog, Chroma, BM25) is measured together as the gap between the two. Re-indexing an export where 1 %
of the fiches changed must cost about 1 % of a full index, since only changed fiches are embedded; what
remains (reading the whole export, rebuilding BM25) is reported beside it.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from assistant import Settings, build_index, read_corpus
from assistant.bench.synthetic_export import revised_numbers, write_synthetic_export
from assistant.chunking import chunk_certification
from assistant.embeddings import NamedEmbeddings
from assistant.index.vector_fill import EMBED_BATCH
from assistant.readers.xml_export import read_xml_export

THROUGHPUT_SAMPLE = 100  # fiches whose passages time the embedder on its own


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
    vectors_per_s: float  # the embedder used here, alone: what is not embedding is the index's fixed cost

    @property
    def cost_share(self) -> float:
        return self.reindex_seconds / self.full_seconds if self.full_seconds else 0.0

    def share_with_model(self, model_chunks_per_s: float) -> float:
        """The same two runs with another model of known throughput: fixed costs as measured, embedding
        time at that model's rate."""
        fixed_full = self.full_seconds - self.total_chunks / self.vectors_per_s
        fixed_again = self.reindex_seconds - self.embedded_chunks / self.vectors_per_s
        full = fixed_full + self.total_chunks / model_chunks_per_s
        return (fixed_again + self.embedded_chunks / model_chunks_per_s) / full


def raw_embedder_throughput(embedder: NamedEmbeddings, texts: list[str]) -> float:
    """Passages per second of the model alone, in the batches the indexer uses, once it is warm."""
    embedder.embed_documents(texts[:EMBED_BATCH])
    started = time.perf_counter()
    for start in range(0, len(texts), EMBED_BATCH):
        embedder.embed_documents(texts[start:start + EMBED_BATCH])
    return len(texts) / (time.perf_counter() - started)


def measure_indexing(export: Path, embedder: NamedEmbeddings) -> IndexingFigure:
    """Embed the export's passages with the model alone, then build an index of it in a new folder.

    Always a new folder: Chroma keeps a client per path for the life of the process, so a folder deleted
    and reused would still show the vectors of the previous run and nothing would be embedded.
    """
    reading = read_corpus([export])
    texts = [chunk.text for c in reading.certifications for chunk in chunk_certification(c)]
    raw = raw_embedder_throughput(embedder, texts)
    with tempfile.TemporaryDirectory(prefix="vae-bench-index-") as folder:
        report = build_index(Settings(corpus=[export], index=Path(folder)), embedder)
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
    with tempfile.TemporaryDirectory(prefix="index-", dir=first.parent.parent) as folder:
        full = build_index(Settings(corpus=[first.parent], index=Path(folder)), embedder)
        again = build_index(Settings(corpus=[second.parent], index=Path(folder)), embedder)
    if len(again.added) != len(changed):
        raise RuntimeError(f"{len(changed)} fiches modifiées attendues, {len(again.added)} réindexées")
    sample = islice(read_xml_export(first, lambda problem: None), THROUGHPUT_SAMPLE)
    texts = [chunk.text for c in sample for chunk in chunk_certification(c)]
    return ReindexFigure(embedder=embedder.name, fiches=fiches, changed_fiches=len(changed),
                         full_seconds=full.seconds, reindex_seconds=again.seconds,
                         embedded_chunks=again.embedded_chunks, total_chunks=again.chunks,
                         vectors_per_s=raw_embedder_throughput(embedder, texts))
