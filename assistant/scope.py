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


def codes_by_title(text: str, titles: dict[str, str]) -> list[str]:
    """Certifications whose title's significant words (at least two, 80 % of them) the text contains."""
    said = set(words(text))
    matches = []
    for code, title in titles.items():
        wanted = title_words(title)
        if len(wanted) >= 2 and len(wanted & said) >= max(2, round(0.8 * len(wanted))):
            matches.append((len(wanted & said), code))
    return [code for _, code in sorted(matches, reverse=True)]


def mentioned_codes(text: str, titles: dict[str, str]) -> list[str]:
    """Codes named explicitly first; titles only when no code is named."""
    explicit = codes_in_text(text, set(titles))
    return explicit or codes_by_title(text, titles)
