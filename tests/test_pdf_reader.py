"""PDF fiches go through the text reader; a scanned PDF (no text layer) gets a clear error."""

from __future__ import annotations

from assistant.corpus import read_corpus
from assistant.readers.pdf import read_pdf

from .conftest import CORPUS
from .pdf_files import write_pdf


def test_pdf_fiche_reads_like_the_text_fiche(tmp_path):
    text = (CORPUS / "RNCP31168.txt").read_text(encoding="utf-8")
    certification = read_pdf(write_pdf(tmp_path / "fiche.pdf", text))
    assert certification.code == "RNCP31168"
    assert [b.code for b in certification.blocs] == [f"RNCP31168BC0{n}" for n in range(1, 6)]
    assert certification.bloc(3).title == "Définir et monter le projet culturel"
    assert certification.validity.unlimited
    assert certification.sources["blocs"].format == "pdf"


def test_scanned_pdf_is_reported_clearly(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_pdf(folder / "scan.pdf", None)
    reading = read_corpus([folder])
    assert reading.certifications == []
    assert "scan.pdf" in str(reading.problems[0])
    assert "PDF sans texte (document scanné ?)" in str(reading.problems[0])


def test_broken_pdf_is_reported(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "casse.pdf").write_bytes(b"%PDF-1.7\n garbage without objects")
    reading = read_corpus([folder])
    assert reading.certifications == []
    assert "casse.pdf" in str(reading.problems[0]) and "PDF" in str(reading.problems[0])
