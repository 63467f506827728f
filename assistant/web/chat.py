"""The chat: a question in, the answer streamed out with its numbered sources under it.

The conversation the assistant reads back lives in the session's own state (raw text, per browser tab,
in memory): the chat window only shows it, escaped, so nothing a person or a fiche wrote is ever
interpreted as Markdown or HTML, and nothing shown needs to be parsed back. A question that cannot be
answered as asked (empty, longer than the limit) is refused before any answer, next to the box, and left
in the box to be shortened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from assistant import Answer, Assistant, Turn
from assistant.render.answer_html import answer_html, question_html, sources_panel
from assistant.web.french import french_number

STREAM_WORDS = 8
SEARCHING = '<div class="answer streaming" aria-busy="true"><p class="progress">Je cherche dans les fiches…</p></div>'
EMPTY_QUESTION = "Écrivez d'abord votre question dans la case."


@dataclass
class ChatStep:
    """One update of the chat: what the page shows, and the conversation kept for follow-ups."""

    shown: list[dict]
    question_box: str
    sources: str | None  # None: leave the panel as it is
    turns: list[dict]
    notice: str


def too_long(question: str, limit: int) -> str:
    return (f"Votre message fait {french_number(len(question), 0)} caractères ; la limite est de "
            f"{french_number(limit, 0)}. Raccourcissez-le (une question à la fois) puis renvoyez-le : "
            "il n'a pas été envoyé.")


def respond(assistant: Assistant, question: str, shown: list[dict] | None, certification: str | None,
            turns: list[dict] | None, limit: int, about: Callable[[str], str]) -> Iterator[ChatStep]:
    """The chat updates as the answer streams in; `about(code)` names a certification with its status."""
    shown, turns = list(shown or []), list(turns or [])
    typed, question = question or "", (question or "").strip()
    if not question:
        yield ChatStep(shown, "", None, turns, EMPTY_QUESTION)
        return
    if len(question) > limit:
        yield ChatStep(shown, typed, None, turns, too_long(question, limit))
        return
    shown.append({"role": "user", "content": question_html(question)})
    shown.append({"role": "assistant", "content": SEARCHING})
    yield ChatStep(shown, "", None, turns, "")
    answer = assistant.ask(question, certification or None, [Turn(**turn) for turn in turns])
    anchors = f"t{1 + sum(turn['role'] == 'assistant' for turn in turns)}"
    named = about(answer.certification) if answer.certification else ""
    words = answer.text.split(" ")
    for end in range(STREAM_WORDS, len(words), STREAM_WORDS):
        shown[-1] = {"role": "assistant", "content": answer_html(" ".join(words[:end]) + " …", [], anchors,
                                                                 answer.declined, named, streaming=True)}
        yield ChatStep(shown, "", None, turns, "")
    shown[-1] = {"role": "assistant", "content": rendered(answer, anchors, named)}
    turns += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
    yield ChatStep(shown, "", sources_panel(answer.citations), turns, "")


def rendered(answer: Answer, anchors: str, about: str = "") -> str:
    return answer_html(answer.text, answer.citations, anchors, answer.declined, about)
