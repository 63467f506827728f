"""The livret 2 outline: bloc by bloc, requirements quoted and cited, in Markdown and in Word."""

from __future__ import annotations

import pytest
from docx import Document
from typer.testing import CliRunner

from assistant.cli import app

from .test_mapping import CV

runner = CliRunner()


@pytest.fixture()
def experiences_file(tmp_path):
    path = tmp_path / "experiences.txt"
    path.write_text(CV, encoding="utf-8")
    return path


def outline(index_folder, experiences_file, *extra):
    return runner.invoke(app, ["outline", "--rncp", "RNCP31168", "--file", str(experiences_file),
                               "--index", str(index_folder), *extra])


def test_markdown_outline_follows_the_dossier_bloc_by_bloc(evaluation_index_folder, experiences_file, tmp_path):
    out = tmp_path / "livret2.md"
    result = outline(evaluation_index_folder, experiences_file, "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[1].startswith("## 1. Présentation du candidat")
    blocs = [h for h in headings if h.startswith("### RNCP31168BC")]
    assert len(blocs) == 5
    assert "> Concevoir et réaliser les outils de communication [1]" in text
    assert "Les résultats" in text and "Preuves à rassembler" in text and "plan média" in text
    assert "## Sources" in text and "[1] Fiche RNCP31168, Bloc de compétences, RNCP31168BC01" in text
    assert "seul le jury" in text


def test_word_outline_reads_back_with_the_same_structure(evaluation_index_folder, experiences_file, tmp_path):
    out = tmp_path / "livret2.docx"
    result = outline(evaluation_index_folder, experiences_file, "--out", str(out))
    assert result.exit_code == 0, result.output
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert sum(h.startswith("RNCP31168BC") for h in headings) == 5
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert any(q.endswith("[1]") for q in quotes)
    assert document.core_properties.title.startswith("Dossier de validation (livret 2)")


def test_markdown_goes_to_the_screen_without_out(evaluation_index_folder, experiences_file, tmp_path):
    result = outline(evaluation_index_folder, experiences_file)
    assert result.exit_code == 0 and result.stdout.startswith("# Dossier de validation")
    assert list(tmp_path.iterdir()) == [experiences_file]  # nothing written where nobody asked


def test_an_unknown_output_format_is_refused(evaluation_index_folder, experiences_file, tmp_path):
    result = outline(evaluation_index_folder, experiences_file, "--out", str(tmp_path / "plan.pdf"))
    assert result.exit_code == 2 and "choisissez .docx ou .md" in result.stderr
    assert not (tmp_path / "plan.pdf").exists()
