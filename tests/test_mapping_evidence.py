"""The evidence rule's pieces that need no model: a competence's head clause, a unit's strength."""

from __future__ import annotations

import math

import numpy as np

from assistant.first_of_each import first_of_each
from assistant.mapping.bank import Requirement, head_clause
from assistant.mapping.evidence import Calibration, Scored, Sentence, links, unit_strength


def test_the_head_clause_keeps_what_is_done_and_drops_how_and_why():
    assert head_clause("Accueillir un propriétaire d'animal, en gérant son attente au standard") == (
        "Accueillir un propriétaire d'animal")
    assert head_clause("Appliquer les protocoles d’hygiène des surfaces en les choisissant selon le risque") == (
        "Appliquer les protocoles d’hygiène des surfaces")
    assert head_clause("Gérer les stocks afin d'éviter les ruptures") == "Gérer les stocks"
    # "en place", "en œuvre" are part of the verb, not a gerund; too short a head keeps the whole
    assert head_clause("Mettre en place une base de données relationnelle") == (
        "Mettre en place une base de données relationnelle")
    assert head_clause("Positionner, en s'adaptant à son état") == "Positionner, en s'adaptant à son état"


def _scored(unit_of_column: list[str], best: list[float]) -> Scored:
    requirements = [Requirement("RNCP1", unit, "compétence", f"exigence {i}") for i, unit in enumerate(unit_of_column)]
    z = np.array([best], dtype=np.float64)
    empty = [[{} for _ in requirements]]
    return Scored([Sentence("une phrase", frozenset())], requirements, z, np.zeros_like(z), empty)


def test_a_unit_is_strong_by_several_fitting_requirements_not_by_having_many():
    calibration = Calibration(lexical_weight=0.0)
    one_lucky = _scored(["A"] + ["B"] * 6, [3.0, 3.2, 0.0, 0.0, 0.0, 0.0, 0.0])
    strength = unit_strength(one_lucky, calibration)
    assert strength["A"] > strength["B"]  # one match among six is weaker than the only requirement matching
    several = _scored(["A", "A", "B", "B"], [3.0, 3.0, 3.0, 0.0])
    strength = unit_strength(several, calibration)
    assert math.isclose(strength["A"], 3.0) and strength["B"] < 3.0


def test_shared_trade_words_rank_the_units_by_their_own_weight_not_the_links():
    """Which unit a sentence proves leans on the trade's words; whether it proves anything does not: the
    sentence counts by A's requirement (3.0 reaches the bar of 2.5), and proves B, its strongest unit."""
    requirements = [Requirement("RNCP1", "A", "compétence", "gérer les entretiens"),
                    Requirement("RNCP1", "B", "compétence", "gérer les ruptures de contrat")]
    z = np.array([[3.0, 2.8]])
    shared = [[{}, {"ruptur": 4.0}]]
    scored = Scored([Sentence("trois ruptures conventionnelles", frozenset({"ruptur"}))], requirements, z,
                    np.zeros_like(z), shared)
    calibration = Calibration(lexical_weight=0.0, rank_lexical_weight=0.5, link=2.5, sentence_margin=1.0)
    strength = unit_strength(scored, calibration)
    assert strength["B"] > strength["A"]
    assert {link.requirement.unit: link.score for link in links(scored, calibration)} == {"B": 2.8}
    # without the trade's word, the sentence proves A, where its strongest requirement is
    plain = Scored(scored.sentences, requirements, z, np.zeros_like(z), [[{}, {}]])
    assert {link.requirement.unit: link.score for link in links(plain, calibration)} == {"A": 3.0}


def _rows(unit_of_column: list[str], z: list[list[float]], sentences: list[str]) -> Scored:
    requirements = [Requirement("RNCP1", unit, "compétence", f"exigence {i}") for i, unit in enumerate(unit_of_column)]
    values = np.array(z, dtype=np.float64)
    empty = [[{} for _ in requirements] for _ in sentences]
    return Scored([Sentence(s, frozenset()) for s in sentences], requirements, values, np.zeros_like(values), empty)


def test_a_sentence_proves_one_unit_and_a_job_of_several_lines_one_per_line():
    calibration = Calibration(lexical_weight=0.0, rank_lexical_weight=0.0, link=2.0, z_floor=1.0,
                              sentence_margin=1.0, multiplicity=0.0)
    # one sentence close to two units' requirements proves the stronger unit only
    one = _rows(["A", "B"], [[3.0, 2.6]], ["paie de 70 salariés"])
    assert {link.requirement.unit for link in links(one, calibration)} == {"A"}
    # two lines of one job, each clearly of its own unit, and the whole text: one unit per line
    job = _rows(["A", "B"], [[3.0, 0.5], [0.4, 3.2], [2.0, 2.1]],
                ["paie de 70 salariés", "recrutement des alternants", "paie ; recrutement"])
    found = {link.requirement.unit: link.sentence for link in links(job, calibration)}
    assert found == {"A": "paie de 70 salariés", "B": "recrutement des alternants"}


def test_a_sentence_under_the_bar_everywhere_proves_nothing():
    calibration = Calibration(lexical_weight=0.0, rank_lexical_weight=0.0, link=2.0, z_floor=1.0,
                              sentence_margin=1.0, multiplicity=0.0)
    weak = _rows(["A", "B"], [[1.9, 1.8]], ["accueil des clients"])
    assert links(weak, calibration) == []


def test_each_competence_once_keeps_the_strongest_first():
    links = [("accueillir", 5.0), ("encaisser", 4.0), ("accueillir", 3.0), ("stocks", 2.0)]
    assert first_of_each(links, key=lambda link: link[0]) == [("accueillir", 5.0), ("encaisser", 4.0),
                                                               ("stocks", 2.0)]


def test_a_unit_is_well_covered_by_competences_each_proved_by_its_own_sentence():
    from assistant.mapping.suggestion import coverage_level

    calibration = Calibration(well_count=2, well_share=0.2, well_score=3.0)
    # two requirements evidenced, but one is the unit's title: a few words any trade may come close to
    assert coverage_level(2, 7, 4.6, calibration, competences=1) == "partiellement couvert"
    assert coverage_level(2, 7, 4.6, calibration, competences=2) == "bien couvert"
    assert coverage_level(0, 7, 0.0, calibration, competences=0) == "non couvert"


def test_the_whole_text_of_a_job_is_marked_as_such_among_the_links():
    calibration = Calibration(lexical_weight=0.0, rank_lexical_weight=0.0, link=2.0, z_floor=1.0,
                              sentence_margin=1.0, multiplicity=0.0)
    # the whole text proves a requirement no line reaches alone: a link, but no proof of its own for coverage
    job = _rows(["A", "A"], [[3.0, 0.5], [0.4, 1.5], [2.0, 3.1]],
                ["accueil des clients au comptoir", "devis et tickets de dépôt", "accueil ; devis"])
    found = {link.requirement.text: link.whole for link in links(job, calibration)}
    assert found == {"exigence 0": False, "exigence 1": True}
