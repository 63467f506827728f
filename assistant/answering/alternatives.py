"""A question that asks to choose between named things ("React ou Angular ?", "TensorFlow ou PyTorch ?",
"Symfony ou Spring ?"): the fiche answers it only if it names one of them. When it names none, the passages
that share the question's other words ("projet", "jury") do not say which: the question is declined, saying
which names the fiche does not hold.

A named thing is written as a name: a capital inside the sentence, capitals throughout ("AAA"), or a
version ("PHP 8"). Ordinary words offered as a choice ("bouger ou bosser de chez lui", "seul ou en
équipe") are left to the passages: the fiche may say the same in other words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.index.french_analyser import STOP_WORDS, analyse

TOKEN = re.compile(r"[\w][\w.+#'’-]*")
NEIGHBOURS = 3  # words looked at on each side of "ou" for the option
UNKNOWN_WORD_LETTERS = 4  # a lowercase word shorter than this is a typo or an abbreviation more often than a name


def _named(token: str, first: bool) -> bool:
    """Written as a name: "React", "TensorFlow", "AAA", "PHP8"; not the sentence's first word."""
    if any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token):
        return True
    return not first and token[:1].isupper() and token.lower() not in STOP_WORDS


def names_offered(question: str, unknown: Callable[[str], bool] = lambda word: False) -> list[str]:
    """The named things a question offers as a choice, around each "ou" ("… avec React ou Angular ?"). Typed
    in lowercase, two words right beside "ou" that no fiche holds (`unknown`) are names too: "une autolaveuse
    karcher ou nilfisk ?" offers two brands."""
    tokens = [(m.group(0), m.start()) for m in TOKEN.finditer(question)]
    found: list[str] = []
    for position, (token, _) in enumerate(tokens):
        if token.lower() != "ou":
            continue
        before = [t for t, _ in tokens[max(0, position - NEIGHBOURS):position]][::-1]
        after = [t for t, _ in tokens[position + 1:position + 1 + NEIGHBOURS]]
        sides = [next((t for t in side if _named(t, t == tokens[0][0])), None) for side in (before, after)]
        if not all(sides) and before and after and _ends_its_clause(question, tokens[position + 1]) \
                and all(_unknown_word(t, unknown) for t in (before[0], after[0])):
            sides = [before[0], after[0]]
        if all(sides):
            found += sides
    return list(dict.fromkeys(found))


def _ends_its_clause(question: str, token: tuple[str, int]) -> bool:
    """Whether the word offered last ends the choice ("karcher ou nilfisk ?"), not a clause going on ("… au
    village ou faut passer un truc ?")."""
    rest = question[token[1] + len(token[0]):].lstrip()
    return not rest or rest[0] in "?!.,;)"


def _unknown_word(token: str, unknown: Callable[[str], bool]) -> bool:
    return token.isalpha() and len(token) >= UNKNOWN_WORD_LETTERS and token.lower() not in STOP_WORDS \
        and unknown(token)


def none_named_in(offered: list[str], fiche_words: frozenset[str]) -> bool:
    """Whether the fiche names none of the things offered (each read as the analyser reads the fiche)."""
    return bool(offered) and not any(set(analyse(name)) & fiche_words for name in offered)
