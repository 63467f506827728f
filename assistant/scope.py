"""Which certification a question is about: a code ("RNCP 31168", "31168"), a bloc code
("RNCP31168BC02") or enough words of a certification's title."""

from __future__ import annotations

import re

from assistant.text_normalise import words

CODE_MENTION = re.compile(r"\bRNCP\s*(\d{3,6})|\b(\d{4,6})\b", re.IGNORECASE)
TITLE_STOP_WORDS = {"de", "des", "du", "la", "le", "les", "et", "en", "a", "au", "aux", "d", "l", "un", "une",
                    "pour", "par", "sur", "option", "parcours", "mention", "diplome", "titre", "certificat"}


def codes_in_text(text: str, known: set[str]) -> list[str]:
    """Known certification codes the text names, in the order it names them."""
    found: list[str] = []
    for match in CODE_MENTION.finditer(text):
        code = f"RNCP{match.group(1) or match.group(2)}"
        if code in known and code not in found:
            found.append(code)
    return found


def title_words(title: str) -> set[str]:
    return {w for w in words(title) if w not in TITLE_STOP_WORDS and len(w) > 2}


class TitleIndex:
    """The significant words of every certification's title, computed once when the index opens.

    A question is compared only with the titles that share a word with it: with 10 000 fiches, going
    through every title for every question cost more than the rest of the answer (vae-assistant bench).
    """

    def __init__(self, titles: dict[str, str]) -> None:
        self.codes = set(titles)
        self.words = {code: title_words(title) for code, title in titles.items()}
        self.codes_by_word: dict[str, set[str]] = {}
        for code, wanted in self.words.items():
            for word in wanted:
                self.codes_by_word.setdefault(word, set()).add(code)

    def named_in(self, text: str) -> list[str]:
        """Certifications whose title the text names: 60 % of its significant words and at least two, or
        the whole of a one-word title of six letters or more ("Cybersécurité")."""
        said = set(words(text))
        candidates = set().union(*(self.codes_by_word.get(word, ()) for word in said))
        matches = []
        for code in candidates:
            wanted = self.words[code]
            found = len(wanted & said)
            one_long_word = len(wanted) == 1 and found == 1 and len(next(iter(wanted))) >= 6
            if one_long_word or (len(wanted) >= 2 and found >= max(2, round(0.6 * len(wanted)))):
                matches.append((found, code))
        if not matches:
            return []
        best = max(found for found, _ in matches)  # "développeur web et web mobile" beats "développeur web"
        return sorted(code for found, code in matches if found == best)


def mentioned_codes(text: str, titles: TitleIndex) -> list[str]:
    """Codes named explicitly first; titles only when no code is named."""
    return codes_in_text(text, titles.codes) or titles.named_in(text)
