"""Counts said as a person writes them: "1 certification", "3 certifications", never "certification(s)".

A candidate reads the chat and the mapping in French; "figure(nt)" and "expérience(s)" read as a form to fill
in, not as an answer.
"""

from __future__ import annotations


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """The number and the noun that agrees with it ("0 fiche", "1 fiche", "2 fiches"); `plural` when the
    noun does not take an s ("2 travaux")."""
    return f"{number} {singular if number < 2 else plural or singular + 's'}"


def agreed(number: int, singular: str, plural: str) -> str:
    """The word that agrees with a count ("figure" for one name, "figurent" for several)."""
    return singular if number < 2 else plural
