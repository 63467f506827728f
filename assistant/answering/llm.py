"""The optional LLM path: a LangChain chat model writes the answer from the retrieved passages, then the
answer is checked before anyone reads it.

Configured by `VAE_LLM` ("ollama:MODEL" or "openai:MODEL"), `VAE_LLM_URL` (the server; any
OpenAI-compatible endpoint for "openai") and `VAE_LLM_KEY`. Nothing is sent anywhere unless `VAE_LLM` is
set. The prompts are French text files in `assistant/prompts/` (`prompts/` at the top of the repository).

The check is what makes the LLM safe to use here: every [n] must point to a passage given, and every
sentence that states something must cite a passage that holds most of its words. One failure and the
answer goes back to the extractive path, which only quotes the fiches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

from assistant.answer import Answer, Citation
from assistant.errors import UsageError
from assistant.index.french_analyser import analyse
from assistant.readers.text_cleanup import split_sentences

PROMPTS = files("assistant") / "prompts"  # package data: found in a wheel as in the source tree
MODEL_DECLINES = "PAS DANS LES FICHES"
SUPPORT = 0.6  # share of a sentence's own words its cited passages must hold
FACT_WORDS = 3  # a sentence with fewer content words ("Voici ce que dit la fiche.") needs no citation
PASSAGE_CHARS = 1500
MARKER = re.compile(r"\[(\d+)\]")


class LLMConfigError(UsageError):
    """VAE_LLM names no known provider."""


def chat_model(spec: str, url: str | None = None, key: str | None = None):
    """The LangChain chat model for 'ollama:MODEL' or 'openai:MODEL' (imported only when configured)."""
    provider, _, model = spec.partition(":")
    if provider == "ollama" and model:
        from langchain_ollama import ChatOllama

        return ChatOllama(model=model, base_url=url or "http://127.0.0.1:11434", temperature=0)
    if provider == "openai" and model:
        from langchain_openai import ChatOpenAI

        # The key travels in an HTTP header: ASCII only.
        return ChatOpenAI(model=model, base_url=url, api_key=key or "aucune-cle", temperature=0)
    raise LLMConfigError(f"VAE_LLM « {spec} » : attendu « ollama:MODÈLE » ou « openai:MODÈLE »")


@dataclass
class Prompts:
    system: str
    answer: str

    @classmethod
    def load(cls, folder: Traversable = PROMPTS) -> Prompts:
        return cls(system=(folder / "systeme.txt").read_text(encoding="utf-8"),
                   answer=(folder / "reponse.txt").read_text(encoding="utf-8"))


def _content_terms(text: str) -> set[str]:
    return {t for t in analyse(MARKER.sub(" ", text)) if not t.isdigit() or len(t) > 1}


def check(text: str, passages: list[Citation]) -> list[Citation] | None:
    """The passages the answer cites, in order, or None when a citation points nowhere or a sentence
    says something its cited passages do not hold."""
    cited: list[int] = []
    for sentence in split_sentences(text.replace("\n", " ")):
        numbers = [int(n) for n in MARKER.findall(sentence)]
        if any(not 1 <= n <= len(passages) for n in numbers):
            return None
        words = _content_terms(sentence)
        if len(words) < FACT_WORDS:
            continue
        if not numbers:
            return None
        held = set().union(*(_content_terms(passages[n - 1].quote) for n in numbers))
        if len(words & held) / len(words) < SUPPORT:
            return None
        cited += [n for n in numbers if n not in cited]
    return [passages[n - 1] for n in cited] or None


class LLMWriter:
    """Writes an answer from passages with a chat model; returns None whenever the answer cannot be trusted."""

    def __init__(self, model, prompts: Prompts | None = None) -> None:
        self.model = model
        self.prompts = prompts or Prompts.load()

    def write(self, question: str, passages: list[Citation], history: list[tuple[str, str]]) -> Answer | None:
        if not passages:
            return None
        numbered = "\n\n".join(f"[{n}] (fiche {p.code}, {p.section_label or p.section}"
                               f"{', ' + p.bloc if p.bloc else ''})\n{p.quote[:PASSAGE_CHARS]}"
                               for n, p in enumerate(passages, start=1))
        turns = "\n".join(f"{'Candidat' if role == 'user' else 'Assistant'} : {content[:500]}"
                          for role, content in history[-4:]) or "(aucune)"
        prompt = self.prompts.answer.format(passages=numbered, historique=turns, question=question)
        try:
            reply = self.model.invoke([("system", self.prompts.system), ("human", prompt)])
        except Exception:  # an unreachable or failing server: the extractive path answers instead
            return None
        text = str(getattr(reply, "content", reply)).strip()
        if not text or MODEL_DECLINES in text.upper():
            return None
        cited = check(text, passages)
        if cited is None:
            return None
        codes = {c.code for c in cited}
        return Answer(text=text, citations=passages, certification=codes.pop() if len(codes) == 1 else None)


def writer_from_settings(settings) -> LLMWriter | None:
    """The LLM writer when `VAE_LLM` is set; None (extractive answers only) otherwise."""
    if not settings.llm:
        return None
    return LLMWriter(chat_model(settings.llm, settings.llm_url, settings.llm_key))
