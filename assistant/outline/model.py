"""A livret 2 outline as plain structure (sections of paragraphs, prompts and cited quotes), written once
and rendered to Markdown or Word by `render_markdown.py` / `render_docx.py`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from assistant.answer import Citation


class Part(BaseModel):
    """One piece of a section: a paragraph, a list of prompts for the candidate, or a quote of the fiche.

    A quote carries the number of its citation in the outline's sources ([n])."""

    kind: Literal["paragraph", "prompts", "quote"]
    text: str = ""
    items: list[str] = []
    source: int | None = None


class Section(BaseModel):
    heading: str
    level: int = 1
    parts: list[Part] = []

    def paragraph(self, text: str) -> None:
        self.parts.append(Part(kind="paragraph", text=text))

    def prompts(self, items: list[str]) -> None:
        if items:
            self.parts.append(Part(kind="prompts", items=items))


class Outline(BaseModel):
    title: str
    subtitle: str
    certification: str
    notice: str
    sections: list[Section] = []
    sources: list[Citation] = []

    def quote(self, section: Section, text: str, citation: Citation) -> None:
        """Quote the fiche in `section`, numbering its citation once in the outline's sources."""
        if citation not in self.sources:
            self.sources.append(citation)
        section.parts.append(Part(kind="quote", text=text, source=self.sources.index(citation) + 1))
