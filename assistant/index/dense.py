"""The dense half of the index: a Chroma collection reached through LangChain's `Chroma` vector store.

Embedded (`PersistentClient` under the index folder) by default; a Chroma server when a URL is set, which
is how a deployment grows past one machine. The collection is always opened with our embedding
function (Chroma's default one would download a model) and with telemetry off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from assistant.embeddings import NamedEmbeddings
from assistant.errors import AssistantError

COLLECTION = "fiches"
FOLDER = "chroma"
EXACT_SEARCH_UP_TO = 4000  # passages: a scope this small is compared one by one, not through Chroma's filter


class DenseStoreError(AssistantError):
    """The Chroma store cannot be reached or opened."""


def chroma_client(index_folder: Path, url: str | None):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        try:
            return chromadb.HttpClient(
                host=parsed.hostname or "127.0.0.1", port=parsed.port or 8000,
                ssl=parsed.scheme == "https", settings=settings,
            )
        except Exception as error:  # chromadb raises several kinds for an unreachable server
            raise DenseStoreError(f"serveur Chroma injoignable à {url} ({error})") from error
    return chromadb.PersistentClient(path=str(index_folder / FOLDER), settings=settings)


class DenseStore:
    def __init__(self, index_folder: Path, embedder: NamedEmbeddings, url: str | None = None,
                 chunk_ids_of: Callable[[list[str]], list[str]] | None = None) -> None:
        from langchain_chroma import Chroma  # heavy (chromadb): imported by the first search that needs it

        self.client = chroma_client(index_folder, url)
        self.store = Chroma(
            client=self.client,
            collection_name=COLLECTION,
            embedding_function=embedder,
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        self.embedder = embedder
        # Which passages belong to which certifications, when the caller knows (the BM25 index holds it in
        # memory): a scoped search then reads those few vectors instead of filtering the whole collection,
        # which at 10 000 fiches took ~200 ms a question (vae-assistant bench).
        self.chunk_ids_of = chunk_ids_of

    @cached_property
    def collection(self):
        """Chroma's own collection (the one LangChain's wrapper created), for reads and writes by id."""
        return self.client.get_collection(COLLECTION, embedding_function=None)

    def existing(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 1000):
            found.update(self.collection.get(ids=ids[start:start + 1000], include=[])["ids"])
        return found

    def stored(self, ids: list[str]) -> set[str]:
        """Those of `ids` whose vector Chroma really returns, with the embedder's dimension.

        Reads the vectors themselves (not only the ids), a thousand at a time: what `index` repairs and
        `index --verify` reports is the same thing, a passage no dense search can find.
        """
        found: set[str] = set()
        for start in range(0, len(ids), 1000):
            try:
                got = self.collection.get(ids=ids[start:start + 1000], include=["embeddings"])
            except Exception as error:  # chromadb raises its own kinds on a damaged store
                raise DenseStoreError(
                    f"les vecteurs de l'index (Chroma) sont illisibles ({error.__class__.__name__} : {error}) : "
                    "supprimez le dossier chroma/ de l'index puis relancez « vae-assistant index », qui "
                    "revectorise les passages du catalogue"
                ) from error
            vectors = got["embeddings"] if got["embeddings"] is not None else [None] * len(got["ids"])
            found.update(chunk_id for chunk_id, vector in zip(got["ids"], vectors, strict=True)
                         if vector is not None and len(vector) == self.embedder.dimension)
        return found

    def all_ids(self) -> list[str]:
        return list(self.collection.get(include=[])["ids"])

    def add(self, ids: list[str], texts: list[str], metadatas: list[dict], vectors: list[list[float]]) -> None:
        self.collection.upsert(ids=ids, documents=texts, metadatas=metadatas, embeddings=vectors)

    def delete(self, ids: Iterable[str]) -> None:
        batch = list(ids)
        for start in range(0, len(batch), 1000):
            self.collection.delete(ids=batch[start:start + 1000])

    def count(self) -> int:
        return int(self.collection.count())

    def search(self, query: str, k: int, codes: list[str] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest passages, within `codes` when given."""
        vector = self.embedder.embed_query(query)
        if codes and self.chunk_ids_of is not None:
            among = self.chunk_ids_of(codes)
            if len(among) <= EXACT_SEARCH_UP_TO:
                return self._nearest_among(vector, among, k)
        where = None
        if codes:
            where = {"code": codes[0]} if len(codes) == 1 else {"code": {"$in": list(codes)}}
        found = self.store.similarity_search_by_vector_with_relevance_scores(vector, k=k, filter=where)
        return [(document.id, 1.0 - float(distance)) for document, distance in found if document.id]

    def normalised_vectors(self, ids: list[str]) -> tuple[list[str], np.ndarray]:
        """The given passages that have a vector, and their vectors scaled to length 1 (a passage still
        waiting for its vector is left out)."""
        found = self.collection.get(ids=ids, include=["embeddings"]) if ids else {"ids": []}
        if not found["ids"]:
            return [], np.zeros((0, 0), dtype=np.float32)
        matrix = np.asarray(found["embeddings"], dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return list(found["ids"]), matrix / np.where(norms > 0, norms, 1.0)

    def _nearest_among(self, vector: list[float], ids: list[str], k: int) -> list[tuple[str, float]]:
        """Exact cosine similarity against the given passages' vectors (what HNSW approximates)."""
        found, matrix = self.normalised_vectors(ids)
        if not found:
            return []
        query = np.asarray(vector, dtype=np.float32)
        similarities = matrix @ query / max(float(np.linalg.norm(query)), 1e-12)
        best = np.argsort(-similarities, kind="stable")[:k]
        return [(found[i], float(similarities[i])) for i in best]
