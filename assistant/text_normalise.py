"""French text compared the way people type it: no case, no accents, single spaces."""

from __future__ import annotations

import re
import unicodedata

WORDS = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without accents or ligatures ('Œuvre Élaborée' -> 'oeuvre elaboree')."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return WORDS.findall(fold(text))
