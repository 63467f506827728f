"""The livret 2 outline as a Word document (python-docx): styles only from the default template, so it
opens and edits the same in Word and LibreOffice."""

from __future__ import annotations

from io import BytesIO

from assistant.outline.model import Outline
from assistant.outline.render_markdown import source_line


def render_docx(outline: Outline) -> bytes:
    from docx import Document  # imported here: only the Word export pays for it
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = outline.title
    document.core_properties.language = "fr-FR"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(outline.title, level=0)
    document.add_paragraph(outline.subtitle).italic = True
    document.add_paragraph(outline.notice, style="Intense Quote")
    for section in outline.sections:
        document.add_heading(section.heading, level=section.level)
        for part in section.parts:
            if part.kind == "paragraph":
                document.add_paragraph(part.text)
            elif part.kind == "prompts":
                for item in part.items:
                    document.add_paragraph(item, style="List Bullet")
            else:
                lines = [line for line in part.text.splitlines() if line.strip()]
                for position, line in enumerate(lines):
                    suffix = f" [{part.source}]" if position == len(lines) - 1 else ""
                    document.add_paragraph(line + suffix, style="Quote")
    document.add_heading("Sources", level=1)
    for number, citation in enumerate(outline.sources, start=1):
        document.add_paragraph(source_line(number, citation), style="List Number")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
