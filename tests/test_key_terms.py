"""A question's own words, the ones a passage must hold to answer it."""

import pytest

from assistant.answering.extractive import key_terms
from assistant.index.french_analyser import analyse


@pytest.mark.parametrize("question, locution_word", [
    ("a partir de quelle date l'enregistrement a pris effet ?", "partir"),
    ("À partir d'aujourd'hui, le titre est-il actif ?", "partir"),
    ("le jury note en fonction de quoi ?", "fonction"),
    ("grâce à quel bloc je peux devenir chef d'équipe ?", "grâce"),
    ("et par rapport aux blocs de l'ancien titre ?", "rapport"),
])
def test_a_preposition_of_several_words_is_no_word_of_the_question(question, locution_word):
    assert analyse(locution_word)[0] not in key_terms(question, set())


def test_the_same_words_outside_a_locution_still_count():
    terms = key_terms("il exerce des fonctions commerciales et rédige un rapport d'activité", set())
    assert {analyse("fonctions")[0], analyse("rapport")[0]} <= set(terms)
