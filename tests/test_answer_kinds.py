"""A question that asks how long is answered by a duration or declined: the kinds read from the words."""

from __future__ import annotations

import pytest

from assistant.answering.answer_kinds import asks_duration, holds_duration
from assistant.text_normalise import fold


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
    assert asks_duration(fold(question)) is asks


@pytest.mark.parametrize("answer, holds", [
    ("Le projet est travaillé sur une amplitude de 3 mois environ.", True),
    ("Les blocs sont acquis pour une durée de cinq ans.", True),
    ("La présentation orale dure 20 minutes.", True),
    ("Les blocs acquis le sont définitivement.", True),
    ("La certification compte 4 blocs de compétences.", False),
    ("Le jury est composé de 3 membres.", False),
    ("date de fin d'enregistrement : 31 août 2028", False),
])
def test_answers_that_hold_a_duration(answer, holds):
    assert holds_duration(fold(answer)) is holds
