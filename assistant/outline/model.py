"""A dossier (livret 2 outline, dossier de faisabilité) as plain structure: sections of paragraphs, prompts,
checklists, tables, room to write and cited quotes, written once and rendered to Markdown or Word by
`render_markdown.py` / `render_docx.py`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from assistant.answer import Citation
from assistant.certification import fiche_url


class Part(BaseModel):
    """One piece of a section.

    A quote carries the number of its source in the document ([n]); `lines` is the room left to write
    (a number of blank lines); a table has a header row and rows of the same width."""

    kind: Literal["paragraph", "prompts", "quote", "checklist", "table", "space", "page_break"]
    text: str = ""
    items: list[str] = []
    header: list[str] = []
    rows: list[list[str]] = []
    lines: int = 0
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

    def checklist(self, items: list[str]) -> None:
        if items:
            self.parts.append(Part(kind="checklist", items=items))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.parts.append(Part(kind="table", header=header, rows=rows))

    def space(self, lines: int = 4, text: str = "") -> None:
        """Room for the candidate to write, under `text` when given."""
        self.parts.append(Part(kind="space", lines=lines, text=text))

    def page_break(self) -> None:
        self.parts.append(Part(kind="page_break"))


class Source(BaseModel):
    """A place of a fiche, numbered once in the document however many times it is quoted."""

    code: str
    label: str
    bloc: str = ""
    url: str


class Outline(BaseModel):
    title: str
    subtitle: str
    certification: str
    notice: str
    subject: str = ""  # document properties: what the document is, in French
    keywords: str = ""
    sections: list[Section] = []
    sources: list[Source] = []

    def quote(self, section: Section, text: str, citation: Citation) -> None:
        """Quote the fiche in `section`; its place (fiche, section, bloc) is numbered once in the sources."""
        source = Source(code=citation.code, label=citation.section_label or citation.section, bloc=citation.bloc,
                        url=fiche_url(citation.code))
        if source not in self.sources:
            self.sources.append(source)
        section.parts.append(Part(kind="quote", text=text, source=self.sources.index(source) + 1))
