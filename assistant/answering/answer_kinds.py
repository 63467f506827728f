"""What kind of answer a question expects, checked against the answer found.

"Combien de temps mes blocs restent-ils acquis ?" is answered only by a duration: the list of the blocs, or a
sentence that shares the word "résultats" with "combien de temps avant les résultats ?", is not an answer,
however well it matches the words. A question that asks how long, and an answer without any duration, make
a decline: the fiche does not say.
"""

from __future__ import annotations

import re

ASKS_DURATION = re.compile(
    r"\bcombien de (?:temps|mois|jours?|semaines?|annees?|ans|heures?)\b|\bdelais?\b|\bduree\b"
    r"|\bpendant combien\b|\bau bout de combien\b|\bcb de (?:temps|mois)\b")
NUMBER_WORDS = r"(?:\d+(?:[.,]\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente)"
DURATION = re.compile(
    rf"\b{NUMBER_WORDS}\s*(?:ans?|annees?|mois|semaines?|jours?|heures?|h|minutes?|min)\b|\b\d+\s*h\s*\d*\b"
    r"|\billimite|\bsans limite|\ba vie\b|\bdefinitivement\b")


def asks_duration(folded_question: str) -> bool:
    return ASKS_DURATION.search(folded_question) is not None


def holds_duration(folded_answer: str) -> bool:
    return DURATION.search(folded_answer) is not None
