"""Contacts: declined in general, answered with the telephones, e-mails and pages a fiche itself gives."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.answering.contacts import contact_details


def test_the_place_the_question_names_comes_with_its_own_details(seeds):
    drafted = contact_details(seeds["RNCP31168"], "c quoi le numero de l'iesa a lyon ?")
    assert "04 26 49 85 70" in drafted.text and "iesa.lyon@iesa.fr" in drafted.text
    assert "01 42 86 57 01" not in drafted.text  # the Paris school is not the one asked about
    assert drafted.citations[0].section == "lieux" and "04 26 49 85 70" in drafted.citations[0].quote


def test_register_pages_are_not_offered_as_contacts(seeds):
    drafted = contact_details(seeds["RNCP14437"], "comment les contacter ?")
    assert "http://www.la-nacre.org" in drafted.text and "04 72 77 84 30" in drafted.text
    assert "rncp.cncp.gouv.fr" not in drafted.text and "pole-emploi" not in drafted.text


@pytest.fixture(scope="module")
def assistant(fast_index) -> Assistant:
    return Assistant(fast_index)


def test_a_fiche_with_a_telephone_answers_the_question(assistant):
    answer = assistant.ask("Auriez-vous un numéro de téléphone pour joindre l'organisme ?", selected="RNCP14437")
    assert not answer.declined and "04 72 77 84 30" in answer.text
    assert any(c.section == "lieux" and c.code == "RNCP14437" for c in answer.citations)


def test_a_fiche_without_any_contact_still_declines_and_says_where_to_look(assistant):
    answer = assistant.ask("Quel est le numéro de téléphone pour contacter le certificateur ?", selected="RNCP37488")
    assert answer.declined and "contacts" in answer.text


@pytest.mark.parametrize("question", ["ils ont un site où je peux voir le titre ?",
                                      "t'as le lien vers la page de la formation ?"])
def test_a_question_for_the_certifications_web_page_gets_the_fiches_links(assistant, question):
    answer = assistant.ask(question, selected="RNCP14437")
    assert not answer.declined and "http://www.la-nacre.org" in answer.text
    assert any(c.section == "liens" for c in answer.citations)


def test_the_register_s_own_page_is_given_when_it_is_what_is_asked(seeds, assistant):
    asked = contact_details(seeds["RNCP31168"], "l'adresse de sa page sur le site de la CNCP ?")
    pages = asked.lines[next(i for i, line in enumerate(asked.lines) if line.startswith("Pages")) + 1:]
    assert "rncp.cncp.gouv.fr" in pages[0]  # what was asked comes first
    assert "https://www.francecompetences.fr/recherche/rncp/31168/" in asked.text
    answer = assistant.ask("La fiche du titre Responsable de production de projets culturels (RNCP31168) indique-t-"
                           "elle l'adresse de sa page sur l'ancien site de la Commission nationale ?")
    assert not answer.declined and "fiche=25470" in answer.text
