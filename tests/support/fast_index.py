"""Indexes of the real fiches built with hashed word vectors instead of the model: seconds, not minutes.

For tests of the logic above the index (routing, names, drafts, follow-ups): retrieval still fuses BM25
and dense results, but "dense" here only matches shared words. Tests of retrieval quality use the model.
"""

from __future__ import annotations

from pathlib import Path

from assistant.bench.hashed_embedder import HashedEmbeddings
from assistant.index.builder import build_index
from assistant.index.search import SearchIndex
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SAMPLE_EXPORT = ROOT.parent / "shared" / "rncp-sample" / "export_fiches_RNCP_fixture.xml"


def fast_index(folder: Path, sources: list[Path] | None = None) -> SearchIndex:
    """The index of `sources` (the 14 fiches by default) with hashed vectors, built in `folder`."""
    settings = Settings(corpus=sources or [CORPUS, SAMPLE_EXPORT], index=folder)
    embedder = HashedEmbeddings()
    build_index(settings, embedder)
    return SearchIndex(settings, embedder)
