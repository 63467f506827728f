"""Reader for PDF fiches: their text layer goes through the CNCP text reader.

A scanned PDF has no text layer; it gets a clear error rather than an empty certification (OCR is not
attempted: a misread bloc would be worse than none).
"""

from __future__ import annotations

import logging
from pathlib import Path

from assistant.certification import Certification
from assistant.readers.cncp_text import read_cncp_text
from assistant.readers.problems import FicheError


def pdf_text(path: Path, label: str) -> str:
    from pypdf import PdfReader  # imported here: only PDF corpora pay for it
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise FicheError(label, f"PDF illisible ({error})") from error
    if not pages:
        raise FicheError(label, "PDF sans aucune page")
    return "\n".join(pages)


def read_pdf(path: Path, label: str | None = None) -> Certification:
    name = label or str(path)
    text = pdf_text(path, name)
    if len(text.strip()) < 20:
        raise FicheError(name, "PDF sans texte (document scanné ?) : il faut une version texte de la fiche")
    return read_cncp_text(text, name, source_format="pdf")
