"""The dossiers built from a mapping: the livret 2 outline an adviser hands over and the dossier de
faisabilité pre-filled, in Markdown and in Word, and both open in LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from docx import Document
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.experiences import Experience
from assistant.outline.jobs import job_of
from assistant.outline.proofs import proofs_for, vae_items

from .test_mapping import CV

runner = CliRunner()


@pytest.fixture()
def experiences_file(tmp_path):
    path = tmp_path / "experiences.txt"
    path.write_text(CV, encoding="utf-8")
    return path


def document(command, index_folder, experiences_file, *extra):
    return runner.invoke(app, [command, "--rncp", "RNCP31168", "--file", str(experiences_file),
                               "--index", str(index_folder), *extra])


def test_a_job_row_reads_post_structure_dates_and_duration():
    job = job_of(Experience(1, "…", "Chargée de production, Compagnie du Fil (Lyon)", "2019 - 2023"))
    assert job.row == ["Compagnie du Fil (Lyon)", "Chargée de production", "2019 - 2023", "environ 4 ans"]
    ongoing = job_of(Experience(2, "…", "Assistante RH chez Logistique Bretonne", "depuis 2024"),
                     today=date(2026, 5, 1))
    assert (ongoing.structure, ongoing.post, ongoing.duration) == ("Logistique Bretonne", "Assistante RH",
                                                                   "environ 2 ans")
    assert job_of(Experience(3, "…", "Bénévole", "")).dates == "à préciser"


def test_proofs_leave_out_rules_that_concern_only_training_routes():
    evaluation = ("Rédaction et suivi d’un contrat de travail Production de reporting RH Etudes de cas "
                  "d’entreprise Pour les primo-apprenants : s’ajoute une évaluation professionnelle Pour les "
                  "salariés : possibilité de réaliser un portefeuille de preuves après le parcours formatif")
    kept = vae_items(evaluation)
    assert "Rédaction et suivi d’un contrat de travail" in kept
    assert not any("apprenants" in item or "parcours formatif" in item for item in kept)
    assert any("contrat de travail" in proof for proof in proofs_for(evaluation))
    assert proofs_for("Présentation d'un projet : 00 h 20 min") == []  # how the exam runs is not a proof


def test_markdown_outline_is_what_an_adviser_hands_over(evaluation_index_folder, experiences_file, tmp_path):
    out = tmp_path / "livret2.md"
    result = document("outline", evaluation_index_folder, experiences_file, "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[1].startswith("## 1. Présentation du candidat")
    assert "| Structure | Poste | Dates | Durée |" in text
    assert "| Compagnie du Fil (Lyon) | Chargée de production | 2019 - 2023 | environ 4 ans |" in text
    assert len([h for h in headings if h.startswith("### RNCP31168BC")]) == 5
    assert "- [ ] Concevoir" in text  # competences as a checklist
    assert any(h.startswith("#### Activité 1 : ") for h in headings)  # activities chosen from the evidence
    assert text.count("_(à rédiger)_") >= 7  # room under each prompt
    assert "## 7. Attestation sur l'honneur" in text and "atteste sur l'honneur" in text
    sources = text.split("## Sources", 1)[1]
    lines = [line for line in sources.splitlines() if line.startswith("- [")]
    assert len(lines) == len(set(line.split("] ", 1)[1] for line in lines))  # each place numbered once
    assert "https://www.francecompetences.fr/recherche/rncp/31168/" in lines[0]
    assert "seul le jury" in text


def test_word_outline_has_french_properties_and_the_same_structure(evaluation_index_folder, experiences_file,
                                                                   tmp_path):
    out = tmp_path / "livret2.docx"
    result = document("outline", evaluation_index_folder, experiences_file, "--out", str(out))
    assert result.exit_code == 0, result.output
    word = Document(str(out))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert sum(h.startswith("RNCP31168BC") for h in headings) == 5
    assert any(q.endswith("]") for q in (p.text for p in word.paragraphs if p.style.name == "Quote"))
    assert word.tables and [c.text for c in word.tables[0].rows[0].cells] == ["Structure", "Poste", "Dates", "Durée"]
    properties = word.core_properties
    assert properties.title.startswith("Dossier de validation (livret 2)")
    assert properties.language == "fr-FR" and "RNCP31168" in properties.subject
    assert "docx" not in (properties.author + properties.comments + properties.last_modified_by).lower()


def test_feasibility_answers_each_bloc_with_its_evidence(evaluation_index_folder, experiences_file, tmp_path):
    out = tmp_path / "faisabilite.md"
    result = document("faisabilite", evaluation_index_folder, experiences_file, "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Dossier de faisabilité — Responsable de production")
    rows = [line for line in text.splitlines() if line.startswith("| RNCP31168BC")]
    assert len(rows) == 5 and all(row.rstrip(" |").rsplit("| ", 1)[1] in ("oui", "non", "partiellement")
                                  for row in rows)
    answered = [row for row in rows if not row.endswith("| non |")]
    assert answered  # this CV evidences some blocs: their comment quotes the candidate and the fiche
    assert "(compétence : « " in text and "Expérience 1 : " in text


def test_documents_go_to_the_screen_without_out(evaluation_index_folder, experiences_file, tmp_path):
    result = document("faisabilite", evaluation_index_folder, experiences_file)
    assert result.exit_code == 0 and result.stdout.startswith("# Dossier de faisabilité")
    assert list(tmp_path.iterdir()) == [experiences_file]  # nothing written where nobody asked


def test_an_unknown_output_format_is_refused(evaluation_index_folder, experiences_file, tmp_path):
    for command in ("outline", "faisabilite"):
        result = document(command, evaluation_index_folder, experiences_file, "--out", str(tmp_path / "plan.pdf"))
        assert result.exit_code == 2 and "choisissez .docx ou .md" in result.stderr
    assert not (tmp_path / "plan.pdf").exists()


def test_both_word_documents_open_in_libreoffice(evaluation_index_folder, experiences_file, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice manquant : `make office` l'installe (paquet Debian libreoffice-writer-nogui)"
    files = []
    for command in ("outline", "faisabilite"):
        out = tmp_path / f"{command}.docx"
        assert document(command, evaluation_index_folder, experiences_file, "--out", str(out)).exit_code == 0
        files.append(out)
    converted = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *map(str, files)],
        capture_output=True, text=True, timeout=240)
    assert converted.returncode == 0, converted.stderr
    for out in files:
        pdf = tmp_path / "pdf" / f"{out.stem}.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000
