"""'Livret 2': the outline built from the same experiences, previewed, and offered as Word and Markdown;
beside it the dossier de faisabilité pre-filled from the same mapping, in Word.

The files are written in a private folder of the running app (Gradio serves downloads from files),
removed when the app stops and swept by Gradio's cache cleaning; nothing else keeps them.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from assistant import UsageError, resolve_certification
from assistant.mapping.experiences import Experience, read_experiences
from assistant.outline.builder import build_outline
from assistant.outline.feasibility import build_feasibility
from assistant.outline.render_docx import render_docx
from assistant.outline.render_markdown import render_markdown
from assistant.web.experiences import KeptMapping
from assistant.web.services import Services


def build_files(services: Services, certification: str | None, text: str | None, upload: str | None,
                folder: Path, experiences: list[Experience] | None = None,
                kept: KeptMapping | None = None) -> tuple[str, str | None, str | None]:
    """(preview in Markdown, Word file path, Markdown file path); no files when the input is not usable.
    `experiences`, when given (the web app's text and CV together), are used instead of text and upload;
    `kept`, the session's last mapping, is reused when it is of the same certification and experiences."""
    if not certification:
        return "⚠️ Choisissez d'abord la certification visée.", None, None
    try:
        certification = resolve_certification(certification, services.index.codes)
        experiences = experiences or read_experiences(text, Path(upload) if upload else None)
    except UsageError as error:
        return f"⚠️ {error}", None, None
    mapping = _mapping(services, certification, experiences, kept)
    outline = build_outline(services.index.certification(certification), mapping, experiences)
    markdown = render_markdown(outline)
    own = Path(tempfile.mkdtemp(dir=folder))
    stem = f"livret2-{re.sub(r'[^A-Za-z0-9]', '', certification)}"
    word_file, markdown_file = own / f"{stem}.docx", own / f"{stem}.md"
    word_file.write_bytes(render_docx(outline))
    markdown_file.write_text(markdown, encoding="utf-8")
    return markdown, str(word_file), str(markdown_file)


def build_feasibility_file(services: Services, certification: str | None, text: str | None, upload: str | None,
                           folder: Path, experiences: list[Experience] | None = None,
                           kept: KeptMapping | None = None) -> tuple[str, str | None]:
    """(a line saying what was prepared, Word file path); no file when the input is not usable.
    `experiences` and `kept` as for `build_files`."""
    if not certification:
        return "⚠️ Choisissez d'abord la certification visée.", None
    try:
        certification = resolve_certification(certification, services.index.codes)
        experiences = experiences or read_experiences(text, Path(upload) if upload else None)
    except UsageError as error:
        return f"⚠️ {error}", None
    mapping = _mapping(services, certification, experiences, kept)
    document = build_feasibility(services.index.certification(certification), mapping, experiences)
    own = Path(tempfile.mkdtemp(dir=folder))
    word_file = own / f"faisabilite-{re.sub(r'[^A-Za-z0-9]', '', certification)}.docx"
    word_file.write_bytes(render_docx(document))
    answers = document.sections[0].parts[0].rows
    counted = {answer: sum(1 for row in answers if row[2] == answer) for answer in ("oui", "partiellement", "non")}
    return (f"Dossier de faisabilité pré-rempli : {counted['oui']} bloc(s) « oui », {counted['partiellement']} "
            f"« partiellement », {counted['non']} « non ». Relisez chaque réponse avec votre accompagnateur."), \
        str(word_file)


def _mapping(services: Services, certification: str, experiences: list[Experience], kept: KeptMapping | None):
    """The session's mapping when it is of these experiences and this certification, else a new one."""
    if kept is not None and kept.serves(certification, experiences):
        return kept.mapping
    return services.mapper.map(certification, experiences)
