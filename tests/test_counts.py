"""Counts said as a person writes them, in the chat and the mapping (hashed vectors, no model)."""

from __future__ import annotations

import pytest

from assistant.answering.assistant import Assistant
from assistant.render.counts import agreed, counted


@pytest.mark.parametrize("number, said", [(0, "0 fiche"), (1, "1 fiche"), (2, "2 fiches"), (14, "14 fiches")])
def test_a_count_agrees_with_its_noun(number, said):
    assert counted(number, "fiche") == said


def test_a_noun_without_an_s_and_a_verb_agree_too():
    assert counted(3, "travail", "travaux") == "3 travaux"
    assert agreed(1, "figure", "figurent") == "figure" and agreed(2, "figure", "figurent") == "figurent"


def test_answers_over_the_corpus_say_no_parenthesised_plural(fast_index):
    assistant = Assistant(fast_index)
    for question in ("quelles certifications sont de niveau 4 ?",
                     "simplon, ils préparent quels titres dans ta liste ?"):
        answer = assistant.ask(question)
        assert not answer.declined and answer.citations, question
        assert "(s)" not in answer.text and "(nt)" not in answer.text, question


def test_one_certification_listed_is_said_in_the_singular(fast_index):
    from assistant.answering.corpus_questions import _said_of_one

    assert _said_of_one("ouvertes à la VAE et qui correspondent à « offres ouvertes »") == \
        "ouverte à la VAE et qui correspond à « offres ouvertes »"
    assert _said_of_one("fermées à la voie « Par expérience (VAE) » et inactives") == \
        "fermée à la voie « Par expérience (VAE) » et inactive"
    answer = Assistant(fast_index).ask("quelles certifications sont de niveau 4 et en rapport avec les animaux ?")
    first = answer.text.split("\n")[0]
    assert first.startswith("1 certification du corpus") and "correspondent" not in first, first
