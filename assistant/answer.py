"""What the assistant says: French text whose every factual sentence points to a citation of the fiche."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Citation(BaseModel):
    """A passage of a fiche an answer rests on: which certification, which section, the words quoted."""

    code: str
    section: str = Field(description="Section of the fiche, as the index names it (bloc, voies_acces…).")
    section_label: str = ""
    bloc: str = ""
    quote: str


class Answer(BaseModel):
    text: str
    citations: list[Citation] = []
    certification: str | None = None
    declined: bool = False
