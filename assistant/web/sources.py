"""Citations shown to a person: certification, section, bloc, the passage quoted, and a link to the fiche."""

from __future__ import annotations

from assistant.answer import Citation
from assistant.certification import fiche_url

QUOTE_CHARS = 600


def _quote(text: str) -> str:
    text = text.strip()
    if len(text) > QUOTE_CHARS:
        text = text[:QUOTE_CHARS].rsplit(" ", 1)[0] + " […]"
    return "  \n".join(f"> {line}" for line in text.splitlines() if line.strip())


def sources_markdown(citations: list[Citation]) -> str:
    if not citations:
        return ""
    blocks = []
    for number, citation in enumerate(citations, start=1):
        where = " · ".join(filter(None, [citation.code, citation.section_label or citation.section, citation.bloc]))
        blocks.append(f"**[{number}] {where}** — [fiche {citation.code} sur France compétences]"
                      f"({fiche_url(citation.code)})\n\n{_quote(citation.quote)}")
    return "\n\n".join(blocks)
