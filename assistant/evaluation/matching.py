"""How expected text is found in an answer or a passage: case, accents and runs of white space ignored,
whole words or phrases only ('5' does not match '15'), and a date the same fact however it is written
("20/04/2023" is "20 avril 2023", "1er septembre" is "1 septembre")."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.render.fiche_text import MONTHS
from assistant.text_normalise import fold

NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _date_in_words(found: re.Match[str]) -> str:
    day, month, year = int(found.group(1)), int(found.group(2)), found.group(3)
    return f"{day} {fold(MONTHS[month - 1])} {year}" if 1 <= month <= 12 else found.group(0)


def _flat(text: str) -> str:
    flat = re.sub(r"\s+", " ", fold(text)).strip()
    return re.sub(r"\b1er\b", "1", NUMERIC_DATE.sub(_date_in_words, flat))


@lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(_flat(phrase)) + r"(?!\w)")


def contains(text: str, phrase: str) -> bool:
    return bool(_pattern(phrase).search(_flat(text)))


def contains_item(text: str, item: str | list[str]) -> bool:
    """An item is a phrase, or a list of alternatives of which one must appear."""
    alternatives = [item] if isinstance(item, str) else item
    flat = _flat(text)
    return any(_pattern(alternative).search(flat) for alternative in alternatives)


def contains_all(text: str, items: list[str | list[str]]) -> bool:
    return all(contains_item(text, item) for item in items)
