"""What the assistant says: French text whose every factual sentence points to a citation of the fiche."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.certification import Certification
from assistant.chunking import SECTION_LABELS, Chunk


class Citation(BaseModel):
    """A passage of a fiche an answer rests on: which certification, which section, the words quoted."""

    code: str
    section: str = Field(description="Section of the fiche, as the index names it (bloc, voies_acces…).")
    section_label: str = ""
    bloc: str = ""
    quote: str


class Turn(BaseModel):
    """One message of a conversation, as the chat, the CLI's --history and the question sets give it."""

    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    content: str


class Answer(BaseModel):
    text: str
    citations: list[Citation] = []
    certification: str | None = None
    declined: bool = False


def quote_of(chunk: Chunk, quote: str) -> Citation:
    """A citation of a passage of the index, with the words quoted from it."""
    return Citation(code=chunk.code, section=chunk.section, section_label=chunk.section_label, bloc=chunk.bloc,
                    quote=quote)


def cite(certification: Certification, section: str, quote: str, bloc: str = "") -> Citation:
    """A citation of a section of a fiche, labelled the way the index labels that section."""
    return Citation(code=certification.code, section=section, section_label=SECTION_LABELS.get(section, section),
                    bloc=bloc, quote=quote)
