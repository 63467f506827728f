"""Benchmarks that print figures: indexing throughput against the bare embedder, and query latency.

Figures, not assertions: they run on whatever machine is at hand and are reported, never tested for time.
The index is built into a temporary folder so the user's index is left alone.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.chunking import chunk_certification
from assistant.corpus import read_corpus
from assistant.embeddings import NamedEmbeddings, load_embedder
from assistant.index.builder import EMBED_BATCH, build_index
from assistant.index.search import SearchIndex
from assistant.settings import Settings

QUESTIONS = [
    "Comment est évalué le bloc de compétences ?",
    "Qui compose le jury de VAE ?",
    "Combien de temps restent acquis les blocs validés ?",
    "Quels métiers peut-on exercer après cette certification ?",
    "Quel est le niveau de la certification ?",
    "Quelles sont les compétences du bloc 2 ?",
    "La certification est-elle encore active ?",
    "Quels codes ROME correspondent ?",
    "Qui est le certificateur ?",
    "Peut-on valider une partie seulement du titre ?",
]


@dataclass
class Latency:
    name: str
    samples_ms: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass
class IndexBenchmark:
    embedder: str
    fiches: int
    chunks: int
    raw_embedder_chunks_per_s: float
    index_chunks_per_s: float
    reindex_seconds: float
    open_seconds: float
    latencies: list[Latency]

    @property
    def ratio(self) -> float:
        return self.index_chunks_per_s / self.raw_embedder_chunks_per_s if self.raw_embedder_chunks_per_s else 0.0

    def render(self) -> str:
        lines = [
            f"Corpus : {self.fiches} fiche(s), {self.chunks} passage(s) ; modèle : {self.embedder}",
            f"Modèle seul (mêmes passages, lots de {EMBED_BATCH}) : {self.raw_embedder_chunks_per_s:.2f} passages/s",
            f"Indexation complète : {self.index_chunks_per_s:.2f} passages/s "
            f"(rapport index / modèle seul : {self.ratio:.2f})",
            f"Réindexation sans changement : {self.reindex_seconds:.2f} s",
            f"Ouverture de l'index : {self.open_seconds:.2f} s",
            "Latence des requêtes (ms) :",
        ]
        lines += [f"  {lat.name:<8} p50 {lat.p50:7.1f}   p95 {lat.p95:7.1f}   ({len(lat.samples_ms)} requêtes)"
                  for lat in self.latencies]
        return "\n".join(lines)


def _timed(samples: list[float], action: Callable[[], object]) -> None:
    started = time.perf_counter()
    action()
    samples.append((time.perf_counter() - started) * 1000)


def run_index_benchmark(settings: Settings, rounds: int = 3, embedder: NamedEmbeddings | None = None) -> IndexBenchmark:
    embedder = embedder or load_embedder(settings.embedder)
    reading = read_corpus(settings.corpus)
    texts = [chunk.text for c in reading.certifications for chunk in chunk_certification(c)]
    started = time.perf_counter()
    for start in range(0, len(texts), EMBED_BATCH):
        embedder.embed_documents(texts[start:start + EMBED_BATCH])
    raw = len(texts) / (time.perf_counter() - started)
    with tempfile.TemporaryDirectory(prefix="vae-bench-") as folder:
        bench_settings = Settings(corpus=settings.corpus, index=Path(folder), embedder=settings.embedder)
        report = build_index(bench_settings, embedder)
        indexed = report.chunks / report.seconds
        reindex = build_index(bench_settings, embedder).seconds
        started = time.perf_counter()
        index = SearchIndex(bench_settings, embedder)
        opened = time.perf_counter() - started
        latencies = [Latency("bm25"), Latency("dense"), Latency("hybride")]
        codes = list(index.titles)
        for _ in range(rounds):
            for question in QUESTIONS:
                for code in [None, *codes[:3]]:
                    scope = [code] if code else None
                    _timed(latencies[0].samples_ms, lambda q=question, s=scope: index.lexical.search(q, 50, s))
                    _timed(latencies[1].samples_ms, lambda q=question, s=scope: index.dense.search(q, 50, s))
                    _timed(latencies[2].samples_ms, lambda q=question, s=scope: index.search(q, 5, s))
        index.close()
    return IndexBenchmark(
        embedder=embedder.name, fiches=report.fiches, chunks=report.chunks, raw_embedder_chunks_per_s=raw,
        index_chunks_per_s=indexed, reindex_seconds=reindex, open_seconds=opened, latencies=latencies,
    )
