"""A question's own words, the ones a passage must hold to answer it."""

import pytest

from assistant.answering.extractive import key_terms, share_held
from assistant.index.french_analyser import analyse, singular_verb


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


def test_a_verb_counts_in_either_number():
    # "ses blocs restent-ils acquis ?" is answered by "reste acquis sans condition de durée"
    assert share_held(analyse("restent acquis"), set(analyse("Le bloc reste acquis sans condition de durée"))) == 1.0
    assert share_held(analyse("reste acquis"), set(analyse("Les blocs validés restent acquis"))) == 1.0
    assert singular_verb("parent") == "par" and singular_verb("moment") == "moment"  # "-ment" is no plural
    assert share_held(analyse("les parents"), set(analyse("une partie"))) == 0.0  # stems apart stay apart
