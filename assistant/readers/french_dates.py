"""Dates as French fiches write them: '13 novembre 2009', '1er mars 2007', '23/07/2020'."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "décembre": 12,
}
YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a year as people write it, alone ("en 2023", "le bts en 2019")
WORDED_DATE = re.compile(
    r"(\d{1,2})(?:er)?\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE
)
NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def parse_worded_date(text: str) -> date | None:
    """The first worded date in `text`, or None."""
    match = WORDED_DATE.search(text)
    if not match:
        return None
    day, month, year = match.groups()
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except ValueError:
        return None


def parse_numeric_date(text: str | None) -> date | None:
    """A dd/mm/yyyy date as the XML export writes them, or None when absent or malformed."""
    if not text:
        return None
    match = NUMERIC_DATE.match(text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None
