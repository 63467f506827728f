"""SIRET numbers: the export gives one for each certifier and each authorised organisation, and a
candidate's funding file asks for them (hashed vectors, no model)."""

from __future__ import annotations

import pytest

from assistant.answering.assistant import Assistant
from assistant.answering.sirets import asks_a_siret, numbers_in


@pytest.fixture(scope="module")
def assistant(fast_index) -> Assistant:
    return Assistant(fast_index)


def test_the_reader_keeps_the_siret_of_every_partner(sample):
    assert any(p.name == "URBILOG" and p.siret == "40303808600050" for p in sample["RNCP37674"].partners)


@pytest.mark.parametrize("question, numbers", [
    ("c koi le siret de gem", []),
    ("l'organisme au siret 130 022 718 00212 c lequel ?", ["13002271800212"]),
    ("qui a le numero 13002271800212 ?", ["13002271800212"]),
    ("le RNCP 37674 coûte 1 500 euros ?", []),
])
def test_a_siret_is_asked_by_its_word_or_by_fourteen_digits(question, numbers):
    assert numbers_in(question) == numbers
    assert asks_a_siret(question) is bool(numbers or "siret" in question)


def test_the_certifier_s_siret_is_given_with_its_citation(assistant):
    answer = assistant.ask("siret d'animal pro formation sur la fiche asv svp")
    assert not answer.declined and "52875765100013" in answer.text
    assert answer.citations[0].code == "RNCP40344" and answer.citations[0].section == "presentation"


def test_the_organisation_holding_a_siret_is_named(assistant):
    answer = assistant.ask("Quel organisme habilité a pour SIRET 40303808600050 ?", selected="RNCP37674")
    assert "URBILOG" in answer.text and "40303808600050" in answer.text
    assert answer.citations[0].section == "partenaires"


def test_a_partner_named_gets_its_own_siret(assistant):
    answer = assistant.ask("le siret d'URBILOG pour le titre pro dwwm ?")
    assert "40303808600050" in answer.text and "52875765100013" not in answer.text


def test_the_fiches_holding_a_siret_are_listed_over_the_corpus(assistant):
    answer = assistant.ask("le siret 11000007200014 il apparait sur quelles fiches de ta base ?")
    listed = {c.code for c in answer.citations}
    assert {"RNCP37674", "RNCP37873"} <= listed and "RNCP40344" not in listed


def test_a_siret_the_fiches_do_not_hold_is_said_so(assistant):
    unknown = assistant.ask("à qui est le SIRET 12345678901234 ?")
    assert unknown.declined and "12345678901234" in unknown.text
    employer = assistant.ask("c quoi le siret de ma boite ? je prepare la vae asv")
    assert employer.declined and "employeur" in employer.text


def test_a_certifier_s_inactive_siret_is_given_as_such(assistant):
    # the export gives CCI FRANCE twice for the HR assistant title: one SIRET active, the other inactive
    answer = assistant.ask("sur la fiche assistant rh ya 2 siret pour cci france, c lequel qui est inactif ?")
    lines = answer.text.split("\n")
    assert any("18750002000065" in line and "inactif" in line for line in lines)
    assert any("18750002000073" in line and "SIRET actif" in line for line in lines)
    listed = assistant.ask("le siret 18750002000065 il apparait sur quelles fiches de ta base ?")
    assert "RNCP36612" in listed.text and "inactif" in listed.text


def test_what_a_siret_answer_quotes_is_written_in_the_fiche_s_passage(assistant, fast_index):
    answer = assistant.ask("c'est quoi le siret de la cci pour le titre assistant rh ?")
    presentation = " ".join(chunk.text for chunk in fast_index.passages_of(["RNCP36612"])
                            if chunk.section == "presentation")
    assert len(answer.citations) == 2
    for citation in answer.citations:  # "SIRET des certificateurs : CCI FRANCE : 18750002000065 (inactif)"
        assert citation.quote.split(" : ", 1)[1] in presentation
