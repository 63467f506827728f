"""vae-assistant: explains RNCP certifications to VAE candidates and their advisers, from the fiches.

The public face of the library: the CLI, the web app and the evaluation use these names, and so can any
other program. Names are imported when first used, so `import assistant` stays light.

    from assistant import Settings, SearchIndex, Assistant
    answer = Assistant(SearchIndex(Settings())).ask("Qui compose le jury VAE du RNCP 36612 ?")
    print(answer.text, answer.citations)
"""

from __future__ import annotations

from importlib import import_module

from assistant.settings import disable_telemetry

disable_telemetry()  # before Chroma, Gradio or ONNX Runtime is imported by anything of the package

__version__ = "0.1.0"

_HOMES = {
    "Assistant": "assistant.answering.assistant",
    "Answer": "assistant.answer",
    "Citation": "assistant.answer",
    "Turn": "assistant.answer",
    "Certification": "assistant.certification",
    "Bloc": "assistant.certification",
    "read_corpus": "assistant.corpus",
    "SearchIndex": "assistant.index.search",
    "build_index": "assistant.index.builder",
    "load_embedder": "assistant.embeddings",
    "ExperienceMapper": "assistant.mapping.mapper",
    "Settings": "assistant.settings",
    "resolve_certification": "assistant.codes",
    "AssistantError": "assistant.errors",
    "UsageError": "assistant.errors",
    "UnknownCertificationError": "assistant.errors",
}
__all__ = ["__version__", *_HOMES]


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
