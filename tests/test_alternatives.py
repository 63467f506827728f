"""A choice between named things the fiche never names is declined, naming them (hashed vectors, no model)."""

from __future__ import annotations

import pytest

from assistant.answering.alternatives import names_offered, none_named_in
from assistant.answering.assistant import Assistant


@pytest.mark.parametrize("question, offered", [
    ("Le projet doit-il être réalisé avec React ou Angular ?", ["React", "Angular"]),
    ("faut-il maîtriser TensorFlow ou PyTorch ?", ["TensorFlow", "PyTorch"]),
    ("quel niveau WCAG (A, AA ou AAA) viser ?", ["AA", "AAA"]),
    ("en PHP8 ou en Python3 ?", ["PHP8", "Python3"]),
    # ordinary words offered as a choice are left to the passages: the fiche may say it in other words
    ("il peut devoir bouger ou bosser de chez lui ?", []),
    ("on le fait seul ou en équipe ?", []),
    ("Le bloc 2 ou le bloc 3 ?", []),
    ("React, c'est utile ?", []),  # no choice offered
])
def test_the_named_things_a_question_offers_as_a_choice(question, offered):
    assert names_offered(question) == offered


def test_two_lowercase_words_no_fiche_holds_beside_ou_are_offered_as_names():
    def unknown(word: str) -> bool:
        return word not in {"autolaveuse", "ecrit", "oral"}

    assert names_offered("c'est une autolaveuse karcher ou nilfisk ?", unknown) == ["karcher", "nilfisk"]
    assert names_offered("l'epreuve c'est ecrit ou oral ?", unknown) == []  # words of the fiches
    assert names_offered("une autolaveuse ou nilfisk ?", unknown) == []  # one side a word of the fiches
    assert names_offered("c'est karcher ou nilfisk ?") == []  # nothing said unknown: ordinary words
    # "ou" between two clauses offers no choice of names
    assert names_offered("je peux bosser au village ou faut passer un truc ?", unknown) == []


def test_a_choice_is_declined_only_when_the_fiche_names_none_of_it():
    fiche = frozenset({"react", "jury", "projet"})
    assert not none_named_in(["React", "Angular"], fiche)
    assert none_named_in(["Symfony", "Spring"], fiche)
    assert not none_named_in([], fiche)


@pytest.fixture(scope="module")
def assistant(fast_index) -> Assistant:
    return Assistant(fast_index)


def test_a_choice_the_fiche_cannot_make_is_declined_and_one_it_can_is_answered(assistant):
    answer = assistant.ask("Le projet présenté au jury du titre DWWM doit-il être réalisé avec React ou Angular ?")
    assert answer.declined and "ne cite ni « React » ni « Angular »" in answer.text
    certifier = assistant.ask("Le titre DWWM est-il délivré par le CESI ou par le Ministère du Travail ?")
    assert not certifier.declined and "MINISTERE DU TRAVAIL" in certifier.text
