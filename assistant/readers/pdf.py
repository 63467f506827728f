"""Reader for PDF fiches: their text layer goes through the CNCP text reader.

A scanned PDF has no text layer; it gets a clear error rather than an empty certification (OCR is not
attempted: a misread bloc would be worse than none). A PDF is often hostile or broken: pypdf's limits on
decompression (a deflate bomb) and any failure inside pypdf become a `FicheError` for that file, so one
bad PDF never stops the reading of a corpus or an upload.
"""

from __future__ import annotations

import logging
from pathlib import Path

from assistant.certification import Certification
from assistant.readers.cncp_text import read_cncp_text
from assistant.readers.problems import FicheError


def pdf_text(path: Path, label: str) -> str:
    from pypdf import PdfReader  # imported here: only PDF corpora pay for it
    from pypdf.errors import LimitReachedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except LimitReachedError as error:
        raise FicheError(label, "PDF refusé : un de ses contenus dépasse la limite de décompression "
                                f"(bombe de décompression ?) ({error})") from error
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise FicheError(label, f"PDF illisible ({error})") from error
    except Exception as error:  # pypdf on hostile input raises anything (recursion, arithmetic, …): same answer
        raise FicheError(label, f"PDF illisible ({error.__class__.__name__} : {error})") from error
    if not pages:
        raise FicheError(label, "PDF sans aucune page")
    return "\n".join(pages)


def read_pdf(path: Path, label: str | None = None) -> Certification:
    name = label or str(path)
    text = pdf_text(path, name)
    if len(text.strip()) < 20:
        raise FicheError(name, "PDF sans texte (document scanné ?) : il faut une version texte de la fiche")
    return read_cncp_text(text, name, source_format="pdf")
