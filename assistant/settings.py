"""All settings in one place: command-line flags override `VAE_*` environment variables, which override
defaults that work offline on a laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_CORPUS = Path("corpus")
DEFAULT_INDEX = Path("index")


def _paths(value: str) -> list[Path]:
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


@dataclass(frozen=True)
class Settings:
    corpus: list[Path] = field(default_factory=lambda: [DEFAULT_CORPUS])
    index: Path = DEFAULT_INDEX
    embedder: str = "e5"
    chroma_url: str | None = None
    index_only: str = "all"  # all, active (certifications still active) or vae (open to VAE)
    llm: str | None = None  # "ollama:MODEL" or "openai:MODEL"; none by default: nothing leaves the machine
    llm_url: str | None = None
    llm_key: str | None = None
    question_max_chars: int = 2000  # a longer chat message is refused, with this limit stated
    upload_max_mb: int = 5  # a larger CV is refused by the web server before it is stored

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        settings = cls()
        if env.get("VAE_CORPUS"):
            settings = replace(settings, corpus=_paths(env["VAE_CORPUS"]))
        if env.get("VAE_INDEX"):
            settings = replace(settings, index=Path(env["VAE_INDEX"]))
        if env.get("VAE_EMBEDDER"):
            settings = replace(settings, embedder=env["VAE_EMBEDDER"])
        if env.get("VAE_CHROMA_URL"):
            settings = replace(settings, chroma_url=env["VAE_CHROMA_URL"])
        if env.get("VAE_INDEX_ONLY"):
            settings = replace(settings, index_only=env["VAE_INDEX_ONLY"])
        if env.get("VAE_QUESTION_MAX_CHARS"):
            settings = replace(settings, question_max_chars=int(env["VAE_QUESTION_MAX_CHARS"]))
        if env.get("VAE_UPLOAD_MAX_MB"):
            settings = replace(settings, upload_max_mb=int(env["VAE_UPLOAD_MAX_MB"]))
        if env.get("VAE_LLM"):
            settings = replace(settings, llm=env["VAE_LLM"], llm_url=env.get("VAE_LLM_URL") or None,
                               llm_key=env.get("VAE_LLM_KEY") or None)
        return settings

    def with_overrides(
        self,
        corpus: list[Path] | None = None,
        index: Path | None = None,
        embedder: str | None = None,
        chroma_url: str | None = None,
    ) -> Settings:
        """Flags win over the environment; an absent flag keeps what the environment said."""
        settings = self
        if corpus:
            settings = replace(settings, corpus=list(corpus))
        if index is not None:
            settings = replace(settings, index=index)
        if embedder:
            settings = replace(settings, embedder=embedder)
        if chroma_url:
            settings = replace(settings, chroma_url=chroma_url)
        return settings


def disable_telemetry() -> None:
    """Candidates' data stays here: switch off every library's analytics before anything imports them."""
    for name, value in {
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "ORT_DISABLE_TELEMETRY": "1",  # ONNX Runtime ≥ 1.29 on Linux: device id, offline store, uploads
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "DO_NOT_TRACK": "1",
        "LANGCHAIN_TRACING_V2": "false",
        "TOKENIZERS_PARALLELISM": "false",
    }.items():
        os.environ.setdefault(name, value)
