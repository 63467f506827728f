"""Experiences to units: evidence on both sides, coverage, ranking, the `map` command and the chat."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.answering.assistant import Assistant
from assistant.cli import app
from assistant.index.search import SearchIndex
from assistant.mapping.experiences import ExperienceError, read_experiences_file, split_experiences
from assistant.mapping.mapper import ExperienceMapper
from assistant.mapping.ranking import rank_certifications
from assistant.settings import Settings

from .pdf_files import write_pdf

CV = """Expériences professionnelles
2019 - 2023 : Chargée de production, Compagnie du Fil (Lyon)
- organisation de la tournée de la compagnie en Allemagne et en Belgique
- budget de production, contrats des artistes et demandes de subvention
2015 - 2019 : Assistante de communication, Festival des Arts
- communiqués de presse, réseaux sociaux, affiches
- ateliers et visites guidées pour les scolaires

Formation
2014 Licence arts du spectacle, Université Lyon 2
"""
runner = CliRunner()


@pytest.fixture(scope="module")
def mapper(evaluation_index_folder) -> ExperienceMapper:
    return ExperienceMapper(SearchIndex(Settings(index=evaluation_index_folder)))


def test_a_cv_splits_job_by_job_and_skips_the_training_section():
    experiences = split_experiences(CV)
    assert [e.title for e in experiences] == ["Chargée de production, Compagnie du Fil (Lyon)",
                                              "Assistante de communication, Festival des Arts"]
    assert [e.period for e in experiences] == ["2019 - 2023", "2015 - 2019"]
    assert "Licence" not in " ".join(e.text for e in experiences)


@pytest.mark.parametrize("text", ["", "   \n\n ", "ok", "a b\n\nc"])
def test_empty_experiences_get_a_clear_message(text):
    with pytest.raises(ExperienceError, match="Aucune expérience"):
        split_experiences(text)


def test_each_experience_maps_to_its_bloc_with_phrases_on_both_sides(mapper):
    mapping = mapper.map("RNCP31168", split_experiences(CV))
    first, second = mapping.experiences
    assert first.matches[0].unit in {"RNCP31168BC05", "RNCP31168BC02"}
    assert second.matches[0].unit == "RNCP31168BC01"
    communication = second.matches[0]
    assert communication.evidence and communication.citation.bloc == "RNCP31168BC01"
    assert any("communication" in e.fiche.lower() for e in communication.evidence)
    assert all(e.fiche in communication.citation.quote for e in communication.evidence)
    scores = [m.score for m in first.matches]
    assert scores == sorted(scores, reverse=True)


def test_coverage_and_suggestion_leave_the_decision_to_the_jury(mapper):
    mapping = mapper.map("RNCP31168", split_experiences(CV))
    levels = {c.unit: c.level for c in mapping.coverage}
    assert set(levels) == {f"RNCP31168BC0{n}" for n in range(1, 6)}
    assert levels["RNCP31168BC01"] == "bien couvert"
    assert mapping.coverage[0].experiences == [2] or 2 in mapping.coverage[0].experiences
    assert "seul le jury" in mapping.suggestion


@pytest.mark.parametrize("experience", [
    "Le dimanche je fais des gâteaux au chocolat pour ma famille et je promène mon chien.",
    "J'ai passé mes vacances en Bretagne avec mes enfants et nous avons fait du vélo.",
])
def test_an_off_topic_experience_gets_no_invented_mapping(mapper, experience):
    mapping = mapper.map("RNCP31168", split_experiences(experience))
    assert not mapping.matched
    assert all(c.level == "non couvert" for c in mapping.coverage)
    assert mapping.suggestion.startswith("Aucune des expériences décrites")


def test_older_fiches_map_to_their_numbered_activities(mapper):
    mapping = mapper.map("RNCP14437", split_experiences(
        "J'ai monté une coproduction avec un théâtre belge et organisé la tournée du spectacle à l'étranger."))
    assert mapping.experiences[0].matches[0].unit == "RNCP14437-A6"
    assert mapping.experiences[0].matches[0].citation.section == "unite"


def test_certifications_ranked_by_how_well_experiences_cover_them(mapper):
    fits = rank_certifications(mapper, split_experiences(CV))
    assert fits[0].certification in {"RNCP31168", "RNCP14437"}
    assert [f.rate for f in fits] == sorted((f.rate for f in fits), reverse=True)
    payroll = rank_certifications(mapper, split_experiences(
        "J'établis chaque mois les bulletins de salaire de 80 salariés et je transmets la DSN."))
    assert payroll[0].certification == "RNCP36612"


def test_a_cv_in_pdf_is_read(tmp_path):
    experiences = read_experiences_file(write_pdf(tmp_path / "cv.pdf", CV))
    assert len(experiences) == 2 and "tournée" in experiences[0].text


def test_a_scanned_cv_gets_a_clear_error(tmp_path):
    with pytest.raises(ExperienceError, match="scanné"):
        read_experiences_file(write_pdf(tmp_path / "scan.pdf", None))


def test_map_json_lists_units_best_first(evaluation_index_folder, tmp_path):
    cv = tmp_path / "cv.txt"
    cv.write_text(CV, encoding="utf-8")
    result = runner.invoke(app, ["map", "--rncp", "31168", "--file", str(cv), "--index",
                                 str(evaluation_index_folder), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["certification"] == "RNCP31168"
    for experience in data["experiences"]:
        assert {"unit", "label", "score", "evidence"} <= set(experience["matches"][0])
        assert [m["score"] for m in experience["matches"]] == sorted(
            (m["score"] for m in experience["matches"]), reverse=True)


def test_map_without_certification_ranks_the_corpus(evaluation_index_folder):
    result = runner.invoke(app, ["map", "--experience", "J'établis les bulletins de salaire et la DSN de "
                                 "80 salariés.", "--index", str(evaluation_index_folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["certification"] == "RNCP36612"


@pytest.mark.parametrize(("args", "message"), [
    (["--rncp", "99999", "--experience", "J'ai tenu le budget du festival."], "n'est pas dans l'index"),
    (["--rncp", "31168", "--experience", "  "], "Aucune expérience"),
    (["--rncp", "31168"], "--experience"),
])
def test_map_bad_input_gets_a_clear_error(evaluation_index_folder, args, message):
    result = runner.invoke(app, ["map", *args, "--index", str(evaluation_index_folder)])
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_chat_answers_a_mapping_question_with_the_bloc_cited(evaluation_index_folder):
    assistant = Assistant(SearchIndex(Settings(index=evaluation_index_folder)))
    answer = assistant.ask("J'ai organisé la tournée d'une compagnie en Allemagne, ça correspond à quel bloc ?",
                           selected="RNCP31168")
    assert not answer.declined
    assert answer.citations[0].bloc == "RNCP31168BC05"
    assert "RNCP31168BC05" in answer.text and "jury" in answer.text
    off_topic = assistant.ask("Je fais des gâteaux le dimanche, ça correspond à quel bloc ?", selected="RNCP31168")
    assert off_topic.declined and not off_topic.citations


def test_experiences_never_reach_the_logs(evaluation_index_folder, tmp_path, caplog):
    secret = "Madame Dupont, Compagnie Zéphyr"
    with caplog.at_level("DEBUG"):
        result = runner.invoke(app, ["map", "--rncp", "31168", "--experience", f"{secret} : j'ai tenu le "
                                     "budget du festival.", "--index", str(evaluation_index_folder)])
    assert result.exit_code == 0
    assert secret not in caplog.text
    assert not list(evaluation_index_folder.rglob("*.log"))
