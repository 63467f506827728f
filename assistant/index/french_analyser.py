"""The French analyser of the BM25 index: fold accents and case, drop stop words, Snowball-stem."""

from __future__ import annotations

from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_FRENCH

from assistant.text_normalise import fold, words

STOP_WORDS = frozenset(fold(w) for w in STOPWORDS_FRENCH) | {"l", "d", "qu", "s", "n", "c", "j", "m", "t"}


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("french")


def analyse(text: str) -> list[str]:
    """Index terms of a text; the same function serves documents and queries."""
    kept = [w for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    return _stemmer().stemWords(kept)
