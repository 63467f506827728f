"""A question that asks how long, what share or how many is answered by a duration, a percentage or a number,
or declined: the kinds read from the words."""

from __future__ import annotations

import pytest

from assistant.answering.answer_kinds import (
    AnswerKind,
    asks_duration,
    asks_yes_or_no,
    expected_kind,
    holds,
    holds_duration,
)
from assistant.text_normalise import fold, spell_out


@pytest.mark.parametrize("question, asks", [
    ("Combien de temps mes blocs restent-ils acquis ?", True),
    ("cb de temps pour avoir les résultats", True),
    ("Quel est le délai pour recevoir la décision du jury ?", True),
    ("Quelle est la durée de validité des blocs ?", True),
    ("Combien de mois faut-il pour une VAE ?", True),
    ("Combien de blocs compte le titre ?", False),
    ("Jusqu'à quand le titre est-il enregistré ?", False),  # a date, not a duration
    ("Qui compose le jury ?", False),
])
def test_questions_that_ask_how_long(question, asks):
    assert asks_duration(spell_out(fold(question))) is asks


@pytest.mark.parametrize("answer, holds", [
    ("Le projet est travaillé sur une amplitude de 3 mois environ.", True),
    ("Les blocs sont acquis pour une durée de cinq ans.", True),
    ("La présentation orale dure 20 minutes.", True),
    ("Les blocs acquis le sont définitivement.", True),
    ("Les CCP obtenus lui restent acquis à titre définitif.", True),  # "for good" says how long
    ("Les blocs sont acquis sans limitation de durée.", True),
    ("Elle comprend quatorze semaines de périodes de formation en milieu professionnel.", True),
    ("au moins seize semaines passées en entreprise", True),
    ("une période de treize mois", True),
    ("La certification compte 4 blocs de compétences.", False),
    ("Le jury est composé de 3 membres.", False),
    ("date de fin d'enregistrement : 31 août 2028", False),
])
def test_answers_that_hold_a_duration(answer, holds):
    assert holds_duration(fold(answer)) is holds


@pytest.mark.parametrize("question, kind", [
    ("cb de pourcentage de réussite en vae ?", AnswerKind.PERCENTAGE),
    ("Quel est le taux d'insertion ?", AnswerKind.PERCENTAGE),
    ("ya cb de places au concours chaque année ?", AnswerKind.NUMBER),
    ("Combien de blocs compte le titre ?", AnswerKind.NUMBER),
    ("Combien de temps dure l'épreuve ?", AnswerKind.DURATION),
    ("Qui délivre le titre ?", None),
    ("c quoi le % de reussite ?", AnswerKind.PERCENTAGE),
    ("ca suffit comme experience ou faut etre 100% paie ?", None),  # a figure the person gives asks nothing
])
def test_the_kind_of_answer_a_question_expects(question, kind):
    assert expected_kind(spell_out(fold(question))) is kind


@pytest.mark.parametrize("answer, kind, held", [
    ("Promotion 2021, certifiés : 760, taux d'insertion global à 6 mois : 98 %", AnswerKind.PERCENTAGE, True),
    ("Intégrer toutes les étapes de la conduite de projets pour garantir leur réussite", AnswerKind.PERCENTAGE,
     False),
    ("Il existe différentes voies d'admission pour le Programme Grande Ecole", AnswerKind.NUMBER, False),
    ("La certification RNCP36612 compte 4 blocs de compétences [1]", AnswerKind.NUMBER, True),
    ("Le candidat présente deux expériences", AnswerKind.NUMBER, True),
    ("Voir RNCP36612BC02, décision du 1 juillet 2022 [2]", AnswerKind.NUMBER, False),  # codes and dates
    ("Le jury est composé d'un président et d'une équipe de professionnels", AnswerKind.NUMBER, False),  # articles
    ("Un an après la décision du jury", AnswerKind.DURATION, True),  # "un" is a count before a unit of time
])
def test_what_counts_as_an_answer_of_a_kind(answer, kind, held):
    assert holds(kind, fold(answer)) is held


@pytest.mark.parametrize(("question", "yes_or_no"), [
    ("c'est encore actif ?", True),
    ("il est entré en vigueur à quelle date ?", False),
    # a relative "qui" is no question word when the sentence ends asking yes or no
    ("jai trouve une boite qui me prend en contrat de pro, c une voie prevue pour ce diplome ou pas ?", True),
    ("le jury, il est compose de qui ?", False),
])
def test_a_question_ending_with_ou_pas_asks_yes_or_no(question, yes_or_no):
    assert asks_yes_or_no(question) is yes_or_no
