"""The chat: a question in, the answer streamed out with its sources under it and beside it.

The conversation lives in the page (each browser session has its own); the assistant only reads it to
resolve follow-ups. Source boxes in the conversation are skipped when it is read back.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answer import Answer, Turn
from assistant.answering.assistant import Assistant
from assistant.web.sources import sources_markdown

STREAM_WORDS = 8
NOT_IN_FICHES = "**Pas dans les fiches.** "
NO_SOURCE = "_Aucune source : la réponse ne s'appuie sur aucune fiche._"


def _text(content) -> str:
    """A message's text, whether Gradio hands it back as a string or as a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("value") or "")
    if isinstance(content, list):
        return " ".join(_text(part) for part in content)
    return ""


def turns_of(history: list[dict]) -> list[Turn]:
    turns = []
    for message in history or []:
        metadata = message.get("metadata") or {}
        if metadata.get("title") or message.get("role") not in ("user", "assistant"):
            continue
        turns.append(Turn(role=message["role"], content=_text(message.get("content"))))
    return turns


def answer_messages(answer: Answer) -> tuple[str, str, dict | None]:
    """(the answer's text, its sources in Markdown, the sources box for the conversation)."""
    text = (NOT_IN_FICHES + answer.text) if answer.declined else answer.text
    sources = sources_markdown(answer.citations)
    box = {"role": "assistant", "content": sources,
           "metadata": {"title": f"Sources ({len(answer.citations)})", "status": "done"}} if sources else None
    return text, sources, box


def respond(assistant: Assistant, question: str, history: list[dict] | None,
            certification: str | None) -> Iterator[tuple[list[dict], str, str]]:
    """Yield (conversation, cleared question box, sources panel) as the answer streams in."""
    history = list(history or [])
    question = question or ""
    answer = assistant.ask(question, certification or None, turns_of(history))
    text, sources, box = answer_messages(answer)
    history.append({"role": "user", "content": question.strip() or "…"})
    history.append({"role": "assistant", "content": ""})
    words = text.split(" ")
    for end in range(STREAM_WORDS, len(words), STREAM_WORDS):
        history[-1] = {"role": "assistant", "content": " ".join(words[:end])}
        yield history, "", ""
    history[-1] = {"role": "assistant", "content": text}
    if box:
        history.append(box)
    yield history, "", sources or NO_SOURCE
