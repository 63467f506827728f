"""The dense half of the index: Chroma collections reached through LangChain's `Chroma` vector store.

Embedded (`PersistentClient` under the index folder) by default; a Chroma server when a URL is set, which
is how a deployment grows past one machine. A collection is always opened with our embedding function
(Chroma's default one would download a model) and with telemetry off.

The vectors are spread over shards of about `SHARD_PASSAGES` passages, each a collection of its own
("fiches", "fiches-1", …), a fiche's passages always in the same shard. Embedded Chroma holds in memory
every vector of each collection it has touched (HNSW, ~2 KB a passage): one collection of the whole RNCP
(~330 000 passages) took the indexer past 900 MB. The indexer works shard after shard and lets go of the
store between two (`one_shard_at_a_time`, `close`), so it never holds more than one shard; a server process keeps
them all, since every question may need any of them. The count of shards is decided when the store is
created, from the number of passages, and kept in the first collection's metadata.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from assistant.embeddings import NamedEmbeddings
from assistant.errors import AssistantError
from assistant.index.native_memory import hand_back_freed_memory

COLLECTION = "fiches"
FOLDER = "chroma"
# ~3.5 KB a passage in memory for the shard being written (a one-off probe writing 20 000 vectors to Chroma);
# with 40 000, a 10 000-fiche build with the real model reached 632 MB by the end of its first shard (one-off
# probe), over the 600 MB target; with 20 000, 570 MB (vae-assistant bench --part memoire-modele)
SHARD_PASSAGES = 20_000
EXACT_SEARCH_UP_TO = 4000  # passages: a scope this small is compared one by one, not through Chroma's filter
HNSW = {"hnsw": {"space": "cosine"}}


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


def shard_name(shard: int) -> str:
    """The first shard keeps the name of the single collection older indexes have: they open as one shard."""
    return COLLECTION if shard == 0 else f"{COLLECTION}-{shard}"


def shards_for(passages: int) -> int:
    return max(1, math.ceil(passages / SHARD_PASSAGES))


def shard_of(chunk_id: str, shards: int) -> int:
    """By the fiche's hash that starts every passage id: a fiche's passages share a shard."""
    return zlib.crc32(chunk_id.split(":", 1)[0].encode("utf-8")) % shards


class DenseStore:
    def __init__(self, index_folder: Path, embedder: NamedEmbeddings, url: str | None = None,
                 chunk_ids_of: Callable[[list[str]], list[str]] | None = None, passages: int = 0,
                 one_shard_at_a_time: bool = False) -> None:
        """`passages`: how many the index holds, which sets the count of shards if the store is new.
        `one_shard_at_a_time`: let go of a shard's vectors before touching another (the indexer's memory)."""
        self._connect = lambda: chroma_client(index_folder, url)
        self._client = None
        self.embedder = embedder
        # Which passages belong to which certifications, when the caller knows (the BM25 index holds it in
        # memory): a scoped search then reads those few vectors instead of filtering the whole collection,
        # which at 10 000 fiches took ~200 ms a question (vae-assistant bench).
        self.chunk_ids_of = chunk_ids_of
        self.shards = self._shard_count(passages)
        self.one_shard_at_a_time = one_shard_at_a_time and not url  # a server's memory is the server's
        self._collections: dict[int, object] = {}
        self._stores: dict[int, object] = {}

    @property
    def client(self):
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _shard_count(self, passages: int) -> int:
        from chromadb.errors import NotFoundError

        try:
            first = self.client.get_collection(COLLECTION, embedding_function=None)
        except NotFoundError:
            first = self.client.get_or_create_collection(
                COLLECTION, embedding_function=None, configuration=HNSW, metadata={"shards": shards_for(passages)})
        return int((first.metadata or {}).get("shards", 1))

    def shard_of(self, chunk_id: str) -> int:
        return shard_of(chunk_id, self.shards)

    def _by_shard(self, ids: Iterable[str]) -> dict[int, list[str]]:
        grouped: dict[int, list[str]] = defaultdict(list)
        for chunk_id in ids:
            grouped[self.shard_of(chunk_id)].append(chunk_id)
        return dict(sorted(grouped.items()))

    def _collection(self, shard: int):
        """Chroma's own collection of a shard, for reads and writes by id."""
        if shard not in self._collections:
            if self.one_shard_at_a_time and self._collections:
                self.close()
            self._collections[shard] = self.client.get_or_create_collection(
                shard_name(shard), embedding_function=None, configuration=HNSW)
        return self._collections[shard]

    def _store(self, shard: int):
        """LangChain's vector store over a shard, for searches by similarity."""
        from langchain_chroma import Chroma  # heavy (chromadb): imported by the first search that needs it

        self._collection(shard)  # created if new (and, for the indexer, the others closed first)
        if shard not in self._stores:
            self._stores[shard] = Chroma(client=self.client, collection_name=shard_name(shard),
                                         embedding_function=self.embedder, collection_configuration=HNSW)
        return self._stores[shard]

    def close(self) -> None:
        """Close the store so embedded Chroma frees the vectors it holds in memory; reopened when next used.
        Another client of the same folder in this process keeps it open (Chroma counts them)."""
        self._collections.clear()
        self._stores.clear()
        if self._client is not None:
            self._client.close()
            self._client = None
            if self.one_shard_at_a_time:
                hand_back_freed_memory()  # else the next shard starts above this one (native_memory.py)

    def _batches(self, ids: list[str], size: int = 1000) -> Iterator[tuple[object, list[str]]]:
        """The collection of each shard with its ids, a thousand at a time, shard after shard."""
        for shard, among in self._by_shard(ids).items():
            for start in range(0, len(among), size):
                yield self._collection(shard), among[start:start + size]

    def stored(self, ids: list[str]) -> set[str]:
        """Those of `ids` whose vector Chroma really returns, with the embedder's dimension.

        Reads the vectors themselves (not only the ids), a thousand at a time: what `index` repairs and
        `index --verify` reports is the same thing, a passage no dense search can find.
        """
        found: set[str] = set()
        for collection, batch in self._batches(ids):
            try:
                got = collection.get(ids=batch, include=["embeddings"])
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

    def ids_in(self, shard: int) -> list[str]:
        """The ids of every vector a shard holds."""
        return self._collection(shard).get(include=[])["ids"]

    def all_ids(self) -> list[str]:
        return [chunk_id for shard in range(self.shards) for chunk_id in self.ids_in(shard)]

    def add(self, ids: list[str], texts: list[str], metadatas: list[dict], vectors: list[list[float]]) -> None:
        rows = {chunk_id: i for i, chunk_id in enumerate(ids)}
        for shard, among in self._by_shard(ids).items():
            at = [rows[chunk_id] for chunk_id in among]
            self._collection(shard).upsert(ids=among, documents=[texts[i] for i in at],
                                           metadatas=[metadatas[i] for i in at], embeddings=[vectors[i] for i in at])

    def delete(self, ids: Iterable[str]) -> None:
        for collection, batch in self._batches(list(ids)):
            collection.delete(ids=batch)

    def count(self) -> int:
        return sum(int(self._collection(shard).count()) for shard in range(self.shards))

    def search(self, query: str, k: int, codes: list[str] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest passages, within `codes` when given."""
        vector = self.embedder.embed_query(query)
        shards = range(self.shards)
        if codes and self.chunk_ids_of is not None:
            among = self.chunk_ids_of(codes)
            if len(among) <= EXACT_SEARCH_UP_TO:
                return self._nearest_among(vector, among, k)
            shards = list(self._by_shard(among))
        where = None
        if codes:
            where = {"code": codes[0]} if len(codes) == 1 else {"code": {"$in": list(codes)}}
        found = [(document.id, 1.0 - float(distance)) for shard in shards
                 for document, distance in self._store(shard).similarity_search_by_vector_with_relevance_scores(
                     vector, k=k, filter=where) if document.id]
        return sorted(found, key=lambda pair: -pair[1])[:k]

    def normalised_vectors(self, ids: list[str]) -> tuple[list[str], np.ndarray]:
        """The given passages that have a vector, and their vectors scaled to length 1 (a passage still
        waiting for its vector is left out)."""
        found_ids: list[str] = []
        rows: list = []
        for collection, batch in self._batches(ids):
            found = collection.get(ids=batch, include=["embeddings"])
            found_ids.extend(found["ids"])
            rows.extend(found["embeddings"] if found["ids"] else [])
        if not found_ids:
            return [], np.zeros((0, 0), dtype=np.float32)
        matrix = np.asarray(rows, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return found_ids, matrix / np.where(norms > 0, norms, 1.0)

    def _nearest_among(self, vector: list[float], ids: list[str], k: int) -> list[tuple[str, float]]:
        """Exact cosine similarity against the given passages' vectors (what HNSW approximates)."""
        found, matrix = self.normalised_vectors(ids)
        if not found:
            return []
        query = np.asarray(vector, dtype=np.float32)
        similarities = matrix @ query / max(float(np.linalg.norm(query)), 1e-12)
        best = np.argsort(-similarities, kind="stable")[:k]
        return [(found[i], float(similarities[i])) for i in best]
