"""A dossier as a Word document (python-docx): styles only from the default template, so it opens and edits
the same in Word and LibreOffice; document properties in French, with no library named as author."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO

from assistant.outline.model import Outline
from assistant.outline.render_markdown import source_line

CHECKBOX = "☐"


def render_docx(outline: Outline) -> bytes:
    from docx import Document  # imported here: only the Word export pays for it
    from docx.shared import Pt

    document = Document()
    properties = document.core_properties
    properties.title = outline.title
    properties.subject = outline.subject or outline.title
    properties.keywords = outline.keywords
    properties.author = "Candidat(e) à la VAE"
    properties.last_modified_by = "Candidat(e) à la VAE"
    properties.comments = (f"Document de travail préparé à partir de la fiche {outline.certification} "
                           "(France compétences), à compléter par le candidat.")
    properties.category = "Validation des acquis de l'expérience"
    properties.language = "fr-FR"
    properties.created = properties.modified = datetime.now().replace(microsecond=0)
    properties.revision = 1
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
            elif part.kind == "checklist":
                for item in part.items:
                    document.add_paragraph(f"{CHECKBOX} {item}")
            elif part.kind == "table":
                table = document.add_table(rows=1, cols=len(part.header), style="Table Grid")
                for cell, text in zip(table.rows[0].cells, part.header, strict=True):
                    cell.text = text
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
                for row in part.rows:
                    for cell, text in zip(table.add_row().cells, row, strict=True):
                        cell.text = text
            elif part.kind == "space":
                if part.text:
                    document.add_paragraph().add_run(part.text).bold = True
                for _ in range(part.lines):
                    document.add_paragraph("")
            elif part.kind == "page_break":
                document.add_page_break()
            else:
                lines = [line for line in part.text.splitlines() if line.strip()]
                for position, line in enumerate(lines):
                    suffix = f" [{part.source}]" if position == len(lines) - 1 else ""
                    document.add_paragraph(line + suffix, style="Quote")
    document.add_heading("Sources", level=1)
    for number, source in enumerate(outline.sources, start=1):
        document.add_paragraph(source_line(number, source))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
