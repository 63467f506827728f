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


def test_a_fact_told_over_two_sentences_is_quoted_whole(assistant):
    answer = assistant.ask("Quels sont le coefficient et la durée de l'épreuve EP1 du CAP Esthétique, cosmétique, "
                           "parfumerie ?")
    assert "coefficient 7" in answer.text and "quatre heures trente" in answer.text


def test_a_field_whose_answer_states_the_topic_answers_it(assistant):
    answer = assistant.ask("Comment est évaluée l'épreuve E31 « Réalisation d'interventions sur véhicule » du "
                           "baccalauréat professionnel Maintenance des véhicules option voitures particulières, et "
                           "avec quel coefficient ?")
    assert "coefficient 4" in answer.text and "deux situations d’évaluation" in answer.text


@pytest.mark.parametrize("question", [
    "le bac pro mv c'est quel niveau ?",  # the initials of the title's head, before its option
    "le bac pro maintenance auto c'est quel niveau ?",  # the head's one word no other title holds
])
def test_a_diploma_is_named_by_the_head_of_its_title_before_its_option(assistant, question):
    answer = assistant.ask(question)
    assert {c.code for c in answer.citations} == {"RNCP90142"} and "niveau 4" in answer.text


def test_a_title_the_person_holds_is_theirs_not_what_they_ask(assistant):
    answer = assistant.ask("J'ai un BTS Professions immobilières : suis-je dispensé d'une partie des évaluations ?",
                           selected="RNCP90144")
    assert not answer.declined and "dispensés du cas pratique écrit du bloc 1" in answer.text


def test_asked_what_succeeded_it_the_fiche_s_own_sentence_comes_first(assistant):
    answer = assistant.ask("Par quelle certification celle-ci a-t-elle été remplacée ?", selected="RNCP90144")
    assert "aucune certification ne succède au présent titre" in answer.text
    assert answer.text.index("aucune certification") < answer.text.index("précédente")


def test_outre_mer_names_the_partner_whose_name_places_it_there(assistant):
    answer = assistant.ask("Le titre Responsable du développement commercial peut-il être préparé en outre-mer ? "
                           "Dans quel organisme ?")
    assert "FORT-DE-FRANCE" in answer.text


def test_a_unit_s_title_quoted_whole_names_it_and_asks_nothing(assistant):
    answer = assistant.ask("Quelles compétences recouvre le bloc « Évaluation de l'état clinique et mise en œuvre de "
                           "soins adaptés en collaboration » du diplôme d'État d'auxiliaire de puériculture ?")
    assert "Compétences évaluées" in answer.text and "soins du cordon" in answer.text


def test_every_route_asked_beside_one_gets_the_summary_s_list_too(assistant):
    answer = assistant.ask("Par quelles voies peut-on accéder au baccalauréat professionnel Maintenance des véhicules "
                           "option voitures particulières ? Le contrat de professionnalisation en fait-il partie ?")
    assert "candidature individuelle (candidat libre)" in answer.text
    assert "Le contrat de professionnalisation n’est pas une voie d’accès à ce diplôme." in answer.text
