"""Vectors spread over shards: the indexer holds one at a time, searches see them all.

Real embedded Chroma, hashed vectors (what is tested is where the vectors go and what a search finds, not
meaning), with shards made small so the corpus spreads over several.
"""

from __future__ import annotations

import numpy as np
import pytest

from assistant.bench.hashed_embedder import HashedEmbeddings
from assistant.index import dense as dense_module
from assistant.index.builder import build_index
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore, chroma_client, shard_name
from assistant.index.search import SearchIndex
from assistant.settings import Settings

from .conftest import CORPUS, SAMPLE_EXPORT

HASHED = "bench-hashed"


def _settings(tmp_path) -> Settings:
    """The 14 fiches: some 450 passages, over six shards of 80."""
    return Settings(corpus=[CORPUS, SAMPLE_EXPORT.parent], index=tmp_path / "index", embedder=HASHED)


@pytest.fixture
def small_shards(monkeypatch):
    monkeypatch.setattr(dense_module, "SHARD_PASSAGES", 80)


def _live_ids(settings: Settings) -> list[str]:
    catalog = Catalog(settings.index)
    try:
        return catalog.chunk_ids()
    finally:
        catalog.close()


def test_the_indexer_writes_shard_after_shard_holding_one_at_a_time(tmp_path, small_shards, monkeypatch):
    open_at_once: list[int] = []
    opening = DenseStore._collection

    def counted(store: DenseStore, shard: int):
        collection = opening(store, shard)
        if store.one_shard_at_a_time:
            open_at_once.append(len(store._collections))
        return collection

    monkeypatch.setattr(DenseStore, "_collection", counted)
    handed_back: list[bool] = []  # the allocator's free pages go back to the system at each shard closed
    monkeypatch.setattr(dense_module, "hand_back_freed_memory", lambda: handed_back.append(True))
    settings = _settings(tmp_path)
    report = build_index(settings)
    store = DenseStore(settings.index, HashedEmbeddings())
    assert store.shards == dense_module.shards_for(report.chunks) > 2
    assert open_at_once and max(open_at_once) == 1
    assert len(handed_back) >= store.shards
    assert store.count() == report.chunks
    assert sorted(store.all_ids()) == sorted(_live_ids(settings))


def test_a_fiche_keeps_its_passages_in_one_shard(tmp_path, small_shards):
    settings = _settings(tmp_path)
    build_index(settings)
    store = DenseStore(settings.index, HashedEmbeddings())
    client = chroma_client(settings.index, None)
    shards_of_fiche: dict[str, set[int]] = {}
    for shard in range(store.shards):
        for chunk_id in client.get_collection(shard_name(shard)).get(include=[])["ids"]:
            shards_of_fiche.setdefault(chunk_id.split(":")[0], set()).add(shard)
            assert store.shard_of(chunk_id) == shard
    assert len(shards_of_fiche) > 1 and all(len(shards) == 1 for shards in shards_of_fiche.values())
    assert len({next(iter(shards)) for shards in shards_of_fiche.values()}) > 1  # the fiches are spread


def test_a_search_over_every_shard_finds_the_nearest_passages(tmp_path, small_shards):
    settings = _settings(tmp_path)
    build_index(settings)
    embedder = HashedEmbeddings()
    store = DenseStore(settings.index, embedder)
    ids, vectors = store.normalised_vectors(_live_ids(settings))
    question = "composition du jury de validation des acquis"
    query = np.asarray(embedder.embed_query(question), dtype=np.float32)
    similarity = dict(zip(ids, (vectors @ (query / np.linalg.norm(query))).tolist(), strict=True))
    nearest = sorted(similarity.values(), reverse=True)[:5]
    found = store.search(question, 5)
    # the five nearest, whichever of two passages with the same text (the same vector) comes first
    assert [round(similarity[chunk_id], 5) for chunk_id, _ in found] == [round(s, 5) for s in nearest]
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)
    scoped = SearchIndex(settings, embedder).search(question, k=3, codes=["RNCP31168"])
    assert scoped and all(hit.chunk.code == "RNCP31168" and hit.dense_rank is not None for hit in scoped)


def test_a_store_of_one_collection_opens_as_one_shard(tmp_path):
    client = chroma_client(tmp_path, None)
    client.create_collection("fiches", embedding_function=None, configuration={"hnsw": {"space": "cosine"}})
    client.close()
    assert DenseStore(tmp_path, HashedEmbeddings(), passages=10_000_000).shards == 1


def test_a_new_store_is_sized_by_its_passages(tmp_path):
    assert DenseStore(tmp_path, HashedEmbeddings(), passages=3 * dense_module.SHARD_PASSAGES + 1).shards == 4
    assert DenseStore(tmp_path, HashedEmbeddings()).shards == 4  # decided once, read back after


def test_the_c_allocator_calls_are_glibc_s_and_harmless_to_repeat():
    from assistant.index.native_memory import hand_back_freed_memory, limit_arenas

    assert limit_arenas() and limit_arenas()  # this machine's Python runs on glibc
    hand_back_freed_memory()
    hand_back_freed_memory()
