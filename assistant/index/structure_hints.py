"""The bloc a question names ("le bloc 4", "BC04", "le deuxième bloc", "l'activité 6"): retrieval raises its
passages as a third ranked list in the fusion. (The sections a question points to come from the router's
registry, `answering/fields.py`, passed to `SearchIndex.search`.)"""

from __future__ import annotations

import re

from assistant.text_normalise import fold

ORDINALS = {"premier": 1, "premiere": 1, "deuxieme": 2, "second": 2, "seconde": 2, "troisieme": 3,
            "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
            "dixieme": 10}
# a titre professionnel's CCP (certificat de compétences professionnelles) is one of its blocs: "le ccp 2"
BLOC_NUMBER = re.compile(r"\b(?:bloc(?:s)?(?: de competences?)?|ccp)\s*(?:n\s*[°o]?\s*)?(\d{1,2})\b")
BLOC_CODE = re.compile(r"\b(?:rncp\d{3,6})?bc\s*(\d{1,2})\b")
ORDINAL_BLOC = re.compile(r"\b(" + "|".join(ORDINALS) + r")\s+(?:bloc|ccp)")
NUMBERED_ACTIVITY = re.compile(r"\bactivite\s*(?:n\s*[°o]?\s*)?(\d{1,2})\b")

def mentioned_bloc_numbers(question: str) -> list[int]:
    text = fold(question)
    numbers = [int(n) for n in BLOC_NUMBER.findall(text)] + [int(n) for n in BLOC_CODE.findall(text)]
    numbers += [ORDINALS[word] for word in ORDINAL_BLOC.findall(text)]
    return list(dict.fromkeys(numbers))


def mentioned_units(question: str, codes: list[str]) -> set[str]:
    """Bloc or activity codes the question names, within the certifications in scope."""
    text = fold(question)
    units = {f"{code}BC{n:02d}" for code in codes for n in mentioned_bloc_numbers(question)}
    units |= {f"{code}-A{int(n)}" for code in codes for n in NUMBERED_ACTIVITY.findall(text)}
    return units
