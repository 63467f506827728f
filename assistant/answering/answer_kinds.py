"""What kind of answer a question expects, checked against the answer found.

"Combien de temps mes blocs restent-ils acquis ?" is answered only by a duration, "quel pourcentage de
réussite ?" only by a percentage, "combien de places au concours ?" only by a number: the list of the blocs,
or a sentence that shares the word "réussite" or "concours" with the question, is not an answer, however well
it matches the words. A question that expects a kind of answer, and an answer without it, make the assistant
look for a sentence of the fiche that holds one, and decline when there is none: the fiche does not say.
"""

from __future__ import annotations

import re
from enum import Enum

NUMBER_WORDS = (r"(?:\d+(?:[.,]\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
                r"|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille)")


class AnswerKind(Enum):
    DURATION = "de cette durée ou de ce délai"
    PERCENTAGE = "de ce pourcentage ou de ce taux"
    NUMBER = "de ce nombre"


ASKED = [
    (AnswerKind.DURATION, re.compile(
        r"\bcombien de (?:temps|mois|jours?|semaines?|annees?|ans|heures?)\b|\bdelais?\b|\bduree\b"
        r"|\bpendant combien\b|\bau bout de combien\b")),
    # "quel %", not "100% paie": a figure the person gives is no percentage asked
    (AnswerKind.PERCENTAGE, re.compile(r"\bpourcentage|\btaux\b|\bproportion\b|(?<!\d)(?<!\d )%"
                                       r"|(?<!\d )\bpour cent\b")),
    (AnswerKind.NUMBER, re.compile(r"\bcombien\b|\bnombre de\b|\bquel nombre\b")),
]
HELD = {
    AnswerKind.DURATION: re.compile(
        rf"\b{NUMBER_WORDS}\s*(?:ans?|annees?|mois|semaines?|jours?|heures?|h|minutes?|min)\b|\b\d+\s*h\s*\d*\b"
        r"|\billimite|\bsans limit|\ba vie\b|\bdefiniti(?:f|fs|ve|ves|vement)\b"
        r"|\bsans (?:condition|limite) de duree\b"),
    AnswerKind.PERCENTAGE: re.compile(r"%|\bpour cent\b|\bpourcent"),
    # "un", "une" are articles far more often than counts: a count is a figure or a number word from two
    AnswerKind.NUMBER: re.compile(rf"\b(?!un\b|une\b){NUMBER_WORDS}\b|\baucun"),
}
NOT_A_QUANTITY = re.compile(r"\b(?:rncp\s*\d+(?:bc\d+)?|bc\s*\d+|\d{1,2} \w+ \d{4}|\d{1,2}/\d{1,2}/\d{4})\b|\[\d+\]")


def expected_kind(folded_question: str) -> AnswerKind | None:
    """The kind of answer the question asks for, the most specific first; None when any answer may do."""
    return next((kind for kind, asked in ASKED if asked.search(folded_question)), None)


def kind_words(folded_question: str) -> str:
    """The words that say which kind of answer is expected ("délai", "combien de temps")."""
    return " ".join(m.group(0) for _, asked in ASKED for m in asked.finditer(folded_question))


def holds(kind: AnswerKind, folded_text: str) -> bool:
    """Whether the text holds an answer of that kind; codes, dates and citation markers are not quantities."""
    return HELD[kind].search(NOT_A_QUANTITY.sub(" ", folded_text)) is not None


def asks_duration(folded_question: str) -> bool:
    return expected_kind(folded_question) is AnswerKind.DURATION


def holds_duration(folded_answer: str) -> bool:
    return holds(AnswerKind.DURATION, folded_answer)


OPEN_QUESTION = re.compile(r"\b(?:quel(?:le)?s?|lequel|laquelle|lesquel(?:le)?s|qui|quoi|koi|comment|combien|quand"
                           r"|pourquoi|a quoi|de quoi|en quoi|qu'est|date)\b")


YES_OR_NO_ENDING = re.compile(r"\b(?:ou pas|ou non|oui ou non)\s*\?*\s*$")


def asks_yes_or_no(folded_question: str) -> bool:
    """A question answered by yes or no ("c'est encore actif ?"), not one that asks for a thing, a person, a
    way, a number or a date ("il est entré en vigueur à quelle date ?"). "… ou pas ?", "oui ou non ?" ask
    yes or no whatever came before ("une boite qui me prend en contrat de pro, c une voie prevue ou pas ?")."""
    return OPEN_QUESTION.search(folded_question) is None or YES_OR_NO_ENDING.search(folded_question) is not None
