"""The bloc a question names, in the ways people name it."""

from __future__ import annotations

from assistant.index.structure_hints import mentioned_bloc_numbers, mentioned_units


def test_bloc_mentions_in_several_spellings():
    assert mentioned_bloc_numbers("Comment est évalué le bloc 4 ?") == [4]
    assert mentioned_bloc_numbers("et le bloc n°2 ?") == [2]
    assert mentioned_bloc_numbers("Le BC03 est-il long ?") == [3]
    assert mentioned_bloc_numbers("Que contient RNCP31168BC05 ?") == [5]
    assert mentioned_bloc_numbers("Le deuxième bloc porte sur quoi ?") == [2]
    assert mentioned_bloc_numbers("Quels blocs de compétences ?") == []
    # a titre professionnel's CCP is one of its blocs
    assert mentioned_bloc_numbers("le ccp 2 du titre paie c'est quoi ?") == [2]
    assert mentioned_bloc_numbers("et le troisième CCP ?") == [3]
    assert mentioned_bloc_numbers("combien de ccp ?") == []


def test_units_are_named_within_the_scope():
    assert mentioned_units("le bloc 4", ["RNCP31168"]) == {"RNCP31168BC04"}
    assert mentioned_units("l'activité 6", ["RNCP14437"]) == {"RNCP14437-A6"}
    assert mentioned_units("le bloc 4", []) == set()
