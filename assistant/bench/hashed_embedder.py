"""A cheap embedder for filling large benchmark indexes: words hashed into a fixed number of dimensions.

Embedding 250 000 passages with the real model takes most of a day on two cores, so the query benchmarks
at 1 000 and 10 000 fiches fill Chroma with these vectors instead. Chroma's search cost depends on how many
vectors it holds and their dimension, not on what they mean, so latencies stay honest; and when
`query_model` is given, every question also pays for its vector from the real model (computed, then put
aside), so a measured answer costs what it would cost in use. The figures say so beside them.

Registered as `bench-hashed` when this module is imported (for benchmarks only: it matches shared words,
nothing more); a `serve` started by the benchmark imports it through `assistant.bench.cli`.
"""

from __future__ import annotations

import zlib

import numpy as np

from assistant.embeddings import NamedEmbeddings, register_embedder
from assistant.text_normalise import words

DIMENSION = 384
SPEC = "bench-hashed"


class HashedEmbeddings(NamedEmbeddings):
    def __init__(self, query_model: NamedEmbeddings | None = None) -> None:
        super().__init__()
        self.dimension = DIMENSION
        self.name = f"bench/hashed-words-{DIMENSION}"
        self.query_model = query_model

    def _vector(self, text: str) -> list[float]:
        vector = np.zeros(DIMENSION, dtype=np.float32)
        for word in words(text):
            code = zlib.crc32(word.encode("utf-8"))
            vector[code % DIMENSION] += 1.0 if code & 0x80000000 else -1.0
        norm = float(np.linalg.norm(vector))
        if norm:
            vector /= norm
        else:
            vector[0] = 1.0  # Chroma's cosine space refuses a zero vector
        return vector.tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        if self.query_model is not None:
            self.query_model.embed_query(text)  # the real model's cost, paid and set aside
        return self._vector(text)


register_embedder(SPEC, HashedEmbeddings)
