"""Experiences to units: evidence on both sides, coverage, ranking, the `map` command and the chat."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from assistant.answering.assistant import Assistant
from assistant.cli import app
from assistant.evaluation.report import markdown
from assistant.evaluation.runner import run_sets
from assistant.evaluation.sets import Case, EvalSet
from assistant.index.search import SearchIndex
from assistant.mapping.bank import unit_phrases
from assistant.mapping.evidence import _chance_maximum, score, sentences_of
from assistant.mapping.experiences import ExperienceError, read_experiences_file, split_experiences
from assistant.mapping.mapper import ExperienceMapper
from assistant.mapping.ranking import rank_certifications
from assistant.render.mapping import coverage_line, mapping_text, ranking_text
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


def test_an_experience_is_cut_into_clauses_without_their_dates():
    sentences = [s.text for s in sentences_of("2015 - 2019 : Assistante de communication ; communiqués de "
                                              "presse, réseaux sociaux, affiches")]
    assert sentences[:2] == ["Assistante de communication", "communiqués de presse, réseaux sociaux, affiches"]
    assert sentences[2].startswith("2015 - 2019")  # the whole, for the context, comes last


def test_a_longer_profile_needs_stronger_evidence():
    """The best of n unrelated sentences rises by chance like √(2 ln n): the bar rises with it."""
    assert _chance_maximum(2) == 0.0  # one clause (and the whole): one try
    assert 1.6 < _chance_maximum(5) < 1.7 < _chance_maximum(9) < 2.1  # 4 clauses, then 8


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


PAYROLL = "J'établis chaque mois les bulletins de salaire de 80 salariés et je transmets la DSN."
PAYROLL_JOB = ("J'établis chaque mois les bulletins de salaire de 80 salariés. Je contrôle chaque bulletin avant de "
               "le diffuser aux salariés. Je paramètre le logiciel de paie quand les taux de cotisation changent.")
COPRODUCTION = ("J'ai monté une coproduction avec un théâtre belge et organisé la tournée du spectacle à "
                "l'étranger.")


def test_each_link_shows_the_sentence_the_competence_it_evidences_and_why(mapper, evaluation_index_folder):
    index = SearchIndex(Settings(index=evaluation_index_folder))
    for code, text, unit in (("RNCP36612", PAYROLL, "RNCP36612BC02"), ("RNCP14437", COPRODUCTION, "RNCP14437-A6")):
        mapping = mapper.map(code, split_experiences(text))
        best = mapping.experiences[0].matches[0]
        assert best.unit == unit and best.citation.bloc == unit
        fiche = index.certification(code)
        requirements = {r for u in fiche.units for r in unit_phrases(fiche, u)}
        for match in mapping.experiences[0].matches:
            strengths = [evidence.strength for evidence in match.evidence]
            assert strengths == sorted(strengths, reverse=True)  # the strongest evidence is shown first
            for evidence in match.evidence:
                assert evidence.experience in text
                assert evidence.fiche in requirements and evidence.fiche in match.citation.quote
                assert "écarts-types au-dessus de la moyenne" in evidence.why
        assert [m.score for m in mapping.experiences[0].matches] == sorted(
            (m.score for m in mapping.experiences[0].matches), reverse=True)


def test_numbers_the_verb_to_be_and_the_certification_s_name_are_never_shared_words_of_evidence(mapper):
    # the fiche numbers its competences ("C.2. Analyser les besoins du client"): "2 plages" is not about them
    line = "Diagnostic de l'écosystème de 2 clients sur 3 logiciels, pour être à jour."
    scored = score(mapper.bank, "RNCP35419", line)
    shared = {term for row in scored.shared for pair in row for term in pair}
    assert shared and not {term for term in shared if term.isdigit()}
    assert "etr" not in {term for sentence in scored.sentences for term in sentence.terms}
    # the certification's name says which certification, not which unit ("autorisés aux ASV" is one of them)
    named = score(mapper.bank, "RNCP40344", "Assistante ASV, je prépare les soins non invasifs autorisés.")
    shared = {term for row in named.shared for pair in row for term in pair}
    assert shared and "asv" not in shared


def test_coverage_is_absolute_and_never_contradicts_itself(mapper):
    """One line proves one or two competences ("partiellement"); a job told in several sentences that each
    prove one more of the bloc's competences covers it well, and nothing else."""
    line = mapper.map("RNCP36612", split_experiences(PAYROLL))
    assert [c.level for c in line.coverage if c.unit == "RNCP36612BC02"] == ["partiellement couvert"]
    payroll = mapper.map("RNCP36612", split_experiences(PAYROLL_JOB))
    assert {c.unit: c.level for c in payroll.coverage} == {
        "RNCP36612BC01": "non couvert", "RNCP36612BC02": "bien couvert",
        "RNCP36612BC03": "non couvert", "RNCP36612BC04": "non couvert"}
    for mapping in (payroll, mapper.map("RNCP31168", split_experiences(CV))):
        for coverage in mapping.coverage:
            uncovered = coverage.level == "non couvert"
            assert uncovered == (not coverage.experiences) == (coverage.score == 0) == (coverage.evidenced == 0)
            assert len(coverage.evidence) == coverage.evidenced <= coverage.requirements
            if uncovered:  # no bar says "non couvert" beside experiences
                assert coverage_line(mapping, coverage.unit) == f"{coverage.unit} : non couvert"
        assert "seul le jury" in mapping.suggestion


@pytest.mark.parametrize(("code", "profile"), [
    ("RNCP36612", "Boulanger depuis 2012 dans une boulangerie de quartier.\nJe pétris la pâte, je façonne les "
                  "baguettes et je surveille la cuisson au four.\nJe prépare les viennoiseries du week-end et je "
                  "nettoie le fournil chaque soir."),
    ("RNCP37674", "Aide-soignante en EHPAD depuis 2016.\nToilettes, aide aux repas et au lever des résidents.\n"
                  "Transmissions écrites à l'équipe infirmière et surveillance des escarres."),
    ("RNCP40344", "Chauffeur poids lourd, transport de marchandises en Europe.\nChargement et arrimage des "
                  "palettes, respect des temps de conduite, entretien courant du camion."),
    # a front desk proves one competence of the veterinary title, not two: the whole text repeats its line
    ("RNCP40344", "Cordonnier multiservice à mon compte, boutique Au Talon Rapide à Roanne, depuis 2014.\n"
                  "Ressemelage cuir et gomme, changement de talons, teinture et rénovation de chaussures et de sacs.\n"
                  "Reproduction de clés, gravure de plaques et réparation de bracelets de montre.\n"
                  "Accueil des clients, devis au comptoir et suivi des tickets de dépôt.\n"
                  "Gestion du stock de semelles et de colles, commandes auprès de deux fournisseurs, budget de "
                  "l'atelier."),
    # seafood "plateaux" in one line and a shop's "services" in another are no phrase of stage lighting
    ("RNCP35625", "Poissonnier-écailler à la Marée du Vieux-Bassin, poissonnerie de détail à Sète, 2010-2024.\n"
                  "Achat du poisson à la criée tous les matins à 5 h et choix des arrivages selon la saison.\n"
                  "Préparation des filets, écaillage, ouverture des huîtres et montage des plateaux de fruits de mer "
                  "pour les fêtes.\nAccueil et conseil des clients au comptoir : recettes, modes de cuisson, "
                  "commandes pour les repas de famille.\nGestion de la glace et de l'étal, étiquetage de "
                  "traçabilité, suivi des températures et contrôles des services vétérinaires."),
])
def test_a_profile_that_fits_nothing_is_non_couvert_everywhere_and_told_so(mapper, code, profile):
    mapping = mapper.map(code, split_experiences(profile))
    assert not [c.unit for c in mapping.coverage if c.level == "bien couvert"]
    assert len([c for c in mapping.coverage if c.level == "partiellement couvert"]) <= 1
    if mapping.fits_nothing:
        assert "ne semble pas correspondre à ce parcours" in mapping_text(mapping)


def test_an_off_topic_experience_gets_no_invented_mapping(mapper):
    mapping = mapper.map("RNCP31168", split_experiences(
        "J'ai passé mes vacances en Bretagne avec mes enfants et nous avons fait du vélo."))
    assert not mapping.matched and mapping.fits_nothing
    assert mapping.suggestion.startswith("Aucune des expériences décrites")
    # one off-topic line can still graze one bloc (see the report of `calibrate`), never more
    grazed = mapper.map("RNCP31168", split_experiences(
        "Le dimanche je fais des gâteaux au chocolat pour ma famille et je promène mon chien."))
    assert sum(c.level != "non couvert" for c in grazed.coverage) <= 1
    assert not [c for c in grazed.coverage if c.level == "bien couvert"]


def test_older_fiches_map_to_their_numbered_activities(mapper):
    mapping = mapper.map("RNCP14437", split_experiences(COPRODUCTION))
    assert mapping.experiences[0].matches[0].unit == "RNCP14437-A6"
    assert mapping.experiences[0].matches[0].citation.section == "unite"


def test_certifications_ranked_by_evidence_with_their_status_inactive_last(mapper):
    fits = rank_certifications(mapper, split_experiences(CV))
    codes = [f.certification for f in fits]
    assert "RNCP31168" in codes or "RNCP14437" in codes
    obtainable = [f.status.obtainable for f in fits]
    assert obtainable == sorted(obtainable, reverse=True)  # what can still be obtained comes first
    for group in (True, False):
        rates = [f.rate for f in fits if f.status.obtainable == group]
        assert rates == sorted(rates, reverse=True)
    inactive = next(f for f in fits if f.certification in {"RNCP31168", "RNCP14437"})
    assert not inactive.status.obtainable and inactive.status.vae_open is True
    listing = ranking_text(fits)
    assert "enregistrement terminé le" in listing or "inactive" in listing
    assert "VAE ouverte" in listing
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
    assert any(experience["matches"] for experience in data["experiences"])
    for experience in (e for e in data["experiences"] if e["matches"]):
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
    answer = assistant.ask("J'ai monté une coproduction avec un théâtre belge et organisé la tournée du spectacle "
                           "à l'étranger, ça correspond à quel bloc ?", selected="RNCP14437")
    assert not answer.declined
    assert answer.citations[0].bloc == "RNCP14437-A6"
    assert "RNCP14437-A6" in answer.text and "jury" in answer.text
    off_topic = assistant.ask("Je fais des gâteaux le dimanche, ça correspond à quel bloc ?", selected="RNCP31168")
    assert off_topic.declined and not off_topic.citations


@pytest.mark.parametrize(("question", "bloc"), [
    ("asv, laver et stériliser les instruments et le linge (champs, blouses) pour que les animaux n'attrapent "
     "pas d'infection à la clinique, quel bloc ?", "RNCP40344BC03"),
    ("bts finition amenagement, surveiller le stock de plaques et de peinture sur le chantier et relancer les "
     "livraisons, quel bloc ?", "RNCP35809BC04"),
])
def test_the_bloc_named_is_the_one_whose_sentences_the_answer_quotes(evaluation_index_folder, question, bloc):
    assistant = Assistant(SearchIndex(Settings(index=evaluation_index_folder)))
    answer = assistant.ask(question)
    said = re.search(r"C'est dans (RNCP\w+)", answer.text)
    quoted = {c.bloc for c in answer.citations if c.bloc and c.section == "bloc" and f"« {c.quote} »" in answer.text}
    assert said and said.group(1) == bloc and quoted == {bloc}


def test_a_job_described_with_the_model_asks_for_the_ranking(evaluation_index_folder):
    # the real embedder once routed this to the VAE route of the title the job's words name
    assistant = Assistant(SearchIndex(Settings(index=evaluation_index_folder)))
    ranked = assistant.ask("je suis développeuse web depuis 4 ans, je peux viser quoi en VAE ?")
    assert ranked.text.startswith("Sans certification choisie") and len({c.code for c in ranked.citations}) >= 2
    situation = assistant.ask("jsuis enceinte de 4 mois, je peux assister aux radios pendant ma formation asv ?")
    assert "expérience correspond" not in situation.text  # who the person is, not what they did


def test_experiences_never_reach_the_logs(evaluation_index_folder, tmp_path, caplog):
    secret = "Madame Dupont, Compagnie Zéphyr"
    with caplog.at_level("DEBUG"):
        result = runner.invoke(app, ["map", "--rncp", "31168", "--experience", f"{secret} : j'ai tenu le "
                                     "budget du festival.", "--index", str(evaluation_index_folder)])
    assert result.exit_code == 0
    assert secret not in caplog.text
    assert not list(evaluation_index_folder.rglob("*.log"))


def test_the_runner_measures_links_and_unrelated_pairs(evaluation_index_folder):
    cases = [
        Case(id="payroll", kind="mapping", certification="RNCP36612", experience="J'établis chaque mois les "
             "bulletins de salaire de 80 salariés et je transmets la DSN.", expect={"blocs": ["RNCP36612BC02"]}),
        Case(id="baker", kind="unrelated", certification="RNCP36612", experience="Boulanger depuis 2012.\n"
             "Je pétris la pâte, je façonne les baguettes et je surveille la cuisson au four."),
    ]
    report = run_sets(Assistant(SearchIndex(Settings(index=evaluation_index_folder))),
                      [EvalSet(name="labelled", cases=cases)])
    metrics = report.metrics()
    assert metrics["mapping_top1"] == 1.0 and metrics["link_recall"] == 1.0
    assert metrics["link_precision"] is not None and metrics["link_precision"] > 0
    assert (metrics["unrelated_clean"], metrics["unrelated_pairs"], metrics["false_well_covered"]) == (1, 1, 0)
    assert "Profils sans rapport restés sans bloc couvert | 1" in markdown(report)


def test_a_long_evidence_is_cut_in_the_text_shown_a_short_one_is_quoted_whole():
    from assistant.mapping.models import Evidence
    from assistant.render.mapping import QUOTED_CHARS, evidence_line

    job = " ".join(["J'accueille les clients au comptoir et je prends les rendez-vous."] * 6)
    long_line = evidence_line(Evidence(experience=job, fiche="Accueillir la clientèle", why="mots en commun"))
    quoted = long_line.split(" » → ")[0]
    assert quoted.endswith(" …") and len(quoted) <= QUOTED_CHARS + 4
    short = evidence_line(Evidence(experience="Je stérilise les instruments.", fiche="Stériliser", why="x"))
    assert short.startswith("« Je stérilise les instruments. » → la compétence « Stériliser »")
