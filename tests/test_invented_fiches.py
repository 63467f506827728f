"""Kinds of questions read on the invented fiches of evals/fiches-held-out-7 and -8 (a CAP with épreuves EP1–EP3,
a titre with an overseas partner, a bac pro named by its initials, an inactive titre no certification
succeeds): the 14 fiches and those eight, indexed with hashed vectors (no model)."""

from __future__ import annotations

import pytest

from assistant.answering.assistant import Assistant
from tests.support.fast_index import CORPUS, ROOT, SAMPLE_EXPORT, fast_index

INVENTED = [ROOT / "evals" / f"fiches-held-out-{n}" / f"export_fiches_held_out_{n}.xml" for n in (7, 8)]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    return Assistant(fast_index(tmp_path_factory.mktemp("invented"), [CORPUS, SAMPLE_EXPORT, *INVENTED]))


def test_a_unit_placed_is_given_with_the_label_its_evaluation_opens_with(assistant):
    answer = assistant.ask("Dans quel bloc de cette certification se trouvent la vente conseil de parfums et la "
                           "gestion des rendez-vous ?", selected="RNCP90122")
    assert answer.text.startswith("C'est dans RNCP90122BC03 (épreuve EP3)")


@pytest.mark.parametrize("question", [
    "le bac pro mv c'est quel niveau ?",  # the initials of the title's head, before its option
    "le bac pro maintenance auto c'est quel niveau ?",  # the head's one word no other title holds
])
def test_a_diploma_is_named_by_the_head_of_its_title_before_its_option(assistant, question):
    answer = assistant.ask(question)
    assert {c.code for c in answer.citations} == {"RNCP90142"} and "niveau 4" in answer.text


def test_asked_what_succeeded_it_the_fiche_s_own_sentence_comes_first(assistant):
    answer = assistant.ask("Par quelle certification celle-ci a-t-elle été remplacée ?", selected="RNCP90144")
    assert "aucune certification ne succède au présent titre" in answer.text
    assert answer.text.index("aucune certification") < answer.text.index("précédente")


@pytest.mark.parametrize("question, selected, held", [
    # a fact told over two sentences in a row is quoted whole
    ("Quels sont le coefficient et la durée de l'épreuve EP1 du CAP Esthétique, cosmétique, parfumerie ?", None,
     ["coefficient 7", "quatre heures trente"]),
    # a unit the question names states the topic that would be declined
    ("Comment est évaluée l'épreuve E31 « Réalisation d'interventions sur véhicule » du baccalauréat professionnel "
     "Maintenance des véhicules option voitures particulières, et avec quel coefficient ?", None,
     ["coefficient 4", "deux situations d’évaluation"]),
    # outre-mer: the partner whose name places it there
    ("Le titre Responsable du développement commercial peut-il être préparé en outre-mer ? Dans quel organisme ?",
     None, ["FORT-DE-FRANCE"]),
    # a unit's title quoted whole names it and asks nothing ("Évaluation" asks for no evaluation)
    ("Quelles compétences recouvre le bloc « Évaluation de l'état clinique et mise en œuvre de soins adaptés en "
     "collaboration » du diplôme d'État d'auxiliaire de puériculture ?", None,
     ["Compétences évaluées", "soins du cordon"]),
    # every route asked beside one: the summary's list of routes too
    ("Par quelles voies peut-on accéder au baccalauréat professionnel Maintenance des véhicules option voitures "
     "particulières ? Le contrat de professionnalisation en fait-il partie ?", None,
     ["candidature individuelle (candidat libre)", "Le contrat de professionnalisation n’est pas une voie d’accès"]),
    # a title the person holds is theirs, not what they ask of
    ("J'ai un BTS Professions immobilières : suis-je dispensé d'une partie des évaluations ?", "RNCP90144",
     ["dispensés du cas pratique écrit du bloc 1"]),
])
def test_the_answer_holds_what_the_fiche_says(assistant, question, selected, held):
    answer = assistant.ask(question, selected=selected)
    assert not answer.declined and all(phrase in answer.text for phrase in held)
