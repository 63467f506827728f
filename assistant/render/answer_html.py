"""An answer as a person reads it in the chat: its text with [n] links, its sources numbered under it.

The contract with the answerer: `Answer.text` carries "[n]" where n is the 1-based position of the source
in `Answer.citations`. The sources are listed in that same order, each with an anchor, so "[2]" in the
text leads to the second passage quoted. They sit in a panel that opens on demand: on a phone the next
question stays within reach.
"""

from __future__ import annotations

from assistant.answer import Citation
from assistant.certification import fiche_url
from assistant.render.safe_html import escape, markdown_html, own_link, with_lists
from assistant.render.shortened import shortened

QUOTE_CHARS = 600
NOT_IN_FICHES = "Pas dans les fiches."


def quote_of(text: str) -> str:
    return shortened(text.strip(), QUOTE_CHARS, " […]")


def _where(citation: Citation) -> str:
    return " · ".join(filter(None, [citation.code, citation.section_label or citation.section, citation.bloc]))


def source_items(citations: list[Citation], anchors: str | None = None) -> str:
    """The numbered list of sources; with `anchors`, item n has the id the "[n]" links point to."""
    items = []
    for number, citation in enumerate(citations, start=1):
        own_id = f' id="{anchors}-{number}"' if anchors else ""
        lines = "<br>".join(escape(line.strip()) for line in quote_of(citation.quote).splitlines() if line.strip())
        items.append(f'<li{own_id} value="{number}"><strong>[{number}] {escape(_where(citation))}</strong> — '
                     f"{own_link(fiche_url(citation.code), f'fiche {citation.code} sur France compétences')}"
                     f"<blockquote>{lines}</blockquote></li>")
    return '<ol class="source-list">' + "".join(items) + "</ol>"


def answer_html(text: str, citations: list[Citation], anchors: str, declined: bool = False,
                about: str = "", streaming: bool = False) -> str:
    """The whole chat message: who it is about (with the status), the text, the sources panel; while it
    streams in, marked as such (screen readers and tests know when it is complete)."""
    parts = ['<div class="answer streaming" aria-busy="true">' if streaming else '<div class="answer">']
    if about:
        parts.append(f'<p class="about">{escape(about)}</p>')
    if declined and not text.startswith(NOT_IN_FICHES[:-1]):
        parts.append(f"<p><strong>{NOT_IN_FICHES}</strong></p>")
    parts.append(markdown_html(with_lists(text), anchors=anchors, count=len(citations)))
    if citations:
        parts.append(f'<details class="sources"><summary>Sources ({len(citations)})</summary>'
                     f"{source_items(citations, anchors)}</details>")
    parts.append("</div>")
    return "".join(parts)


def question_html(text: str) -> str:
    """What the person typed, shown as typed: never as Markdown or HTML."""
    return '<div class="question">' + "<br>".join(escape(line) for line in text.splitlines()) + "</div>"


def sources_panel(citations: list[Citation]) -> str:
    if not citations:
        return '<p class="no-source"><em>Aucune source : la réponse ne s\'appuie sur aucune fiche.</em></p>'
    return source_items(citations)
