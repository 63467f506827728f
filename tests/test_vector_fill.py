"""The catalog and BM25 first, the vectors behind: searchable at once, completed by `serve`, progress said.

Real Chroma, hashed vectors (what is tested is the order of the writes and the progress, not meaning).
"""

from __future__ import annotations

import time

from assistant.bench.hashed_embedder import HashedEmbeddings
from assistant.index.background_fill import BackgroundFill
from assistant.index.builder import build_index
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore
from assistant.index.lock import index_lock
from assistant.index.search import SearchIndex
from assistant.index.vector_fill import FillState, read_state
from assistant.settings import Settings

from .conftest import CORPUS

HASHED = "bench-hashed"


def test_the_progress_reads_as_a_share_and_the_time_left():
    now = time.time()
    assert FillState(340, 1000, rate=0.275, updated=now).describe(now) == \
        "index sémantique : 34 %, environ 40 min restantes"
    assert FillState(10, 100_000, rate=9.0, updated=now).describe(now) == \
        "index sémantique : 0 %, environ 3 h 05 restantes"
    assert FillState(1000, 1000, rate=5.0, updated=now).describe(now) == ""
    assert "estimation" in FillState(0, 1000, updated=now).describe(now)
    paused = FillState(500, 1000, rate=5.0, updated=now - 3600).describe(now)
    assert paused.startswith("index sémantique : 50 %, en pause") and "vae-assistant index" in paused


def _vectors(settings: Settings) -> set[str]:
    return set(DenseStore(settings.index, HashedEmbeddings()).all_ids())


def test_without_vectors_every_fiche_answers_from_words_then_the_server_fills_them(tmp_path):
    settings = Settings(corpus=[CORPUS], index=tmp_path / "index", embedder=HASHED)
    seen: list[int] = []
    report = build_index(settings, vectors=False, on_searchable=lambda r: seen.append(r.chunks))
    assert seen == [report.chunks] and report.chunks > 0 and report.embedded_chunks == 0
    index = SearchIndex(settings, HashedEmbeddings())
    assert index.certification("RNCP31168") is not None  # structured answers: the catalog is there
    hits = index.search("composition du jury VAE", k=3, codes=["RNCP31168"])
    assert hits and all(hit.dense_rank is None for hit in hits)  # BM25 alone, no vector yet
    assert index.missing_vectors == report.chunks
    fill = BackgroundFill(settings, HashedEmbeddings()).start()
    fill.thread.join(60)
    assert fill.error is None and fill.written == report.chunks
    catalog = Catalog(settings.index)
    assert _vectors(settings) == set(catalog.chunk_ids())
    catalog.close()
    assert read_state(settings.index).complete
    assert SearchIndex(settings, HashedEmbeddings()).search("composition du jury VAE", k=1,
                                                            codes=["RNCP31168"])[0].dense_rank is not None


def test_the_server_does_not_fill_beside_another_writer(tmp_path):
    settings = Settings(corpus=[CORPUS], index=tmp_path / "index", embedder=HASHED)
    build_index(settings, vectors=False)
    with index_lock(settings.index):
        fill = BackgroundFill(settings, HashedEmbeddings()).start()
        fill.thread.join(30)
    assert (fill.written, fill.error) == (0, None)
    assert _vectors(settings) == set()


def test_a_stopped_fill_resumes_where_it_stopped(tmp_path, monkeypatch):
    settings = Settings(corpus=[CORPUS], index=tmp_path / "index", embedder=HASHED)
    total = build_index(settings, vectors=False).chunks
    monkeypatch.setattr("assistant.index.background_fill.BATCH", 8)
    monkeypatch.setattr("assistant.index.vector_fill.WRITE_BATCH", 8)
    fill = BackgroundFill(settings, HashedEmbeddings())
    fill._stop.set()  # asked to stop before it starts: one batch is written, then it ends
    fill.start().thread.join(30)
    assert fill.written == 8
    state = read_state(settings.index)
    assert (state.done, state.total) == (8, total)
    report = build_index(settings)
    assert report.embedded_chunks == total - 8 and read_state(settings.index).complete
