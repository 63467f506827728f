"""Shared test data: the seed fiches shipped in corpus/ and the 12 real fiches read from ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import assistant.bench.hashed_embedder  # noqa: F401 - registers "bench-hashed" for the tests that name it
from assistant.certification import Certification
from assistant.corpus import read_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SAMPLE_EXPORT = ROOT.parent / "shared" / "rncp-sample" / "export_fiches_RNCP_fixture.xml"


@pytest.fixture(scope="session")
def seeds() -> dict[str, Certification]:
    reading = read_corpus([CORPUS])
    assert reading.problems == []
    return reading.by_code()


@pytest.fixture(scope="session")
def sample() -> dict[str, Certification]:
    if not SAMPLE_EXPORT.exists():
        pytest.fail(f"the sample export is missing: {SAMPLE_EXPORT} (../shared/rncp-sample must sit beside the repo)")
    reading = read_corpus([SAMPLE_EXPORT])
    assert reading.problems == []
    return reading.by_code()


@pytest.fixture(scope="session")
def seed_index_folder(tmp_path_factory) -> Path:
    """An index of the two seed fiches, built once for the session with the default embedder."""
    from assistant.index.builder import build_index
    from assistant.settings import Settings

    folder = tmp_path_factory.mktemp("seed-index")
    report = build_index(Settings(corpus=[CORPUS], index=folder))
    assert report.fiches == 2 and report.skipped == []
    return folder


@pytest.fixture(scope="session")
def evaluation_index_folder(tmp_path_factory) -> Path:
    """The index of the project's evaluation corpus: the two seeds and the 12 sample fiches."""
    from assistant.index.builder import build_index
    from assistant.settings import Settings

    kept = os.environ.get("VAE_TEST_EVAL_INDEX")  # a folder kept between runs: brought up to date, not rebuilt
    folder = Path(kept) if kept else tmp_path_factory.mktemp("eval-index")
    report = build_index(Settings(corpus=[CORPUS, SAMPLE_EXPORT], index=folder))
    assert report.fiches == 14 and report.skipped == []
    return folder


@pytest.fixture(scope="session")
def fast_index(tmp_path_factory):
    """The 14 fiches indexed with hashed vectors (no model): for logic above the index."""
    from tests.support.fast_index import fast_index as build

    return build(tmp_path_factory.mktemp("fast-index"))


# Tests that load the real model, start a server or drive a browser: `make test-fast` leaves them out.
SLOW_FIXTURES = {"seed_index_folder", "evaluation_index_folder", "e5", "reference", "server", "browser", "page"}
SLOW_MODULES = {"test_web_browser", "test_web_api", "test_chroma_server", "test_embedders", "test_bench",
                "test_retrieval_quality", "test_eval_runner", "test_llm", "test_cli_index", "test_wheel",
                "test_index_integrity", "test_web_privacy"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        if module in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
