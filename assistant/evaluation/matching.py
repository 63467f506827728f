"""How expected text is found in an answer or a passage: case, accents and runs of white space ignored,
whole words or phrases only ('5' does not match '15')."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.text_normalise import fold


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


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
