"""The dense half of the index: a Chroma collection reached through LangChain's `Chroma` vector store.

Embedded (`PersistentClient` under the index folder) by default; a Chroma server when a URL is set, which
is how a deployment grows past one machine. The collection is always opened with our embedding
function (Chroma's default one would download a model) and with telemetry off.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlparse

from langchain_chroma import Chroma

from assistant.embeddings import NamedEmbeddings

COLLECTION = "fiches"
FOLDER = "chroma"


class DenseStoreError(RuntimeError):
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
    def __init__(self, index_folder: Path, embedder: NamedEmbeddings, url: str | None = None) -> None:
        self.client = chroma_client(index_folder, url)
        self.store = Chroma(
            client=self.client,
            collection_name=COLLECTION,
            embedding_function=embedder,
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        self.embedder = embedder

    @property
    def collection(self):
        return self.store._collection

    def existing(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 1000):
            found.update(self.collection.get(ids=ids[start:start + 1000], include=[])["ids"])
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
        where = None
        if codes:
            where = {"code": codes[0]} if len(codes) == 1 else {"code": {"$in": list(codes)}}
        vector = self.embedder.embed_query(query)
        found = self.store.similarity_search_by_vector_with_relevance_scores(vector, k=k, filter=where)
        return [(document.id, 1.0 - float(distance)) for document, distance in found if document.id]
