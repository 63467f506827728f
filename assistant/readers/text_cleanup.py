"""Undo what PDF extraction and XML flattening did to French text.

PDF-extracted fiches wrap sentences over lines, keep hyphens where a word was cut ("pro-duction") and
scatter URLs in the middle of lists; the XML export flattens bullets into runs of spaces or " - ". These
functions give back sentences and items, without a dictionary: a cut word is rejoined when the document
itself shows the whole word, or when the second half is a French word ending and the first half is no word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

URL = re.compile(r"^\s*(https?://\S+|www\.\S+)\s*$")
BULLET = re.compile(r"^\s*(?:[-•●*o▪–]|\d+°)\s+|^\s*[•●▪]")
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]+")
CUT_WORD = re.compile(r"\b([a-zà-öø-ÿœ]{2,})-([a-zà-öø-ÿœ]{2,})\b")
# Second halves that are French word endings: a cut in the middle of a word leaves one of these.
WORD_ENDING = re.compile(
    r"^[a-zà-ÿœ]{0,4}(?:tion|tions|sion|sions|iques?|ments?|elles?|ités?|ables?|ibles?|eurs?|euses?|"
    r"ances?|ences?|aires?|ismes?|istes?|ifs?|ives?|ées?|ales?|aux|tures?|ages?)$"
)
# Genuine French prefixes written with a hyphen ("co-production", "audio-visuel"): never rejoined.
HYPHEN_PREFIXES = {
    "co", "audio", "socio", "anti", "auto", "multi", "non", "post", "pré", "ex", "semi", "sous", "vice",
    "demi", "mi", "extra", "inter", "intra", "bien", "contre", "micro", "mini", "méta", "néo", "télé",
}


def vocabulary(text: str) -> set[str]:
    """The lower-cased words of a document, to tell a cut word from a compound."""
    return {w.lower() for w in WORD.findall(text)}


def dehyphenate(text: str, words: set[str]) -> str:
    """Rejoin words that the PDF cut with a hyphen, keeping real compounds."""

    def rejoin(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if left.lower() in HYPHEN_PREFIXES:
            return match.group(0)
        whole = (left + right).lower()
        if whole in words:
            return left + right
        if WORD_ENDING.match(right.lower()) and left.lower() not in words:
            return left + right
        return match.group(0)

    return CUT_WORD.sub(rejoin, text)


def squash_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def is_url(line: str) -> bool:
    return bool(URL.match(line))


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


FUNCTION_WORDS = {
    "de", "des", "du", "d", "la", "le", "les", "l", "et", "à", "au", "aux", "en", "par", "pour", "sur",
    "avec", "ou", "un", "une", "dans", "que", "qui", "son", "sa", "ses", "leur", "leurs", "entre",
}


def starts_new_item(line: str, previous: str = "") -> bool:
    """A wrapped line continues the previous one unless it starts with a capital, a digit or a bullet.

    A capital after a line ending on a comma or a function word ('des \nSalarié/es') still continues.
    """
    stripped = line.strip()
    if not stripped:
        return False
    if is_bullet(stripped):
        return True
    first = stripped[0]
    if not (first.isupper() or first.isdigit() or first in "«\""):
        return False
    tail = previous.rstrip()
    if tail.endswith((",", "-", "/", "'", "’")):
        return False
    last_word = re.findall(r"[\wÀ-ÿ]+$", tail.lower())
    return not (last_word and last_word[0] in FUNCTION_WORDS)


def join_wrapped(lines: Iterable[str]) -> list[str]:
    """Join lines that a PDF wrapped: one item per bulleted or capitalised line, bullets removed."""
    items: list[str] = []
    previous = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if items and not starts_new_item(line, previous):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(strip_bullet(line) if is_bullet(line) else line)
        previous = line
    return [squash_spaces(item) for item in items]


def join_prose(lines: Iterable[str]) -> str:
    """Wrapped lines of one paragraph back into one line."""
    return squash_spaces(" ".join(line.strip() for line in lines if line.strip()))


def paragraphs(lines: Iterable[str], leads: re.Pattern[str] | None = None) -> list[str]:
    """Paragraphs of PDF text, each on one line (bullet markers kept).

    A paragraph ends at a bullet, at a line starting with one of `leads`, or where a sentence or a blank
    line ends and the next line starts like a new item; a lowercase line always continues the paragraph.
    """
    result: list[list[str]] = []
    blank = False
    for raw in lines:
        line = raw.strip()
        if not line:
            blank = True
            continue
        previous = result[-1][-1] if result else ""
        indented = raw.startswith("   ") and line[0].isupper()
        new = (
            not result
            or is_bullet(line)
            or indented
            or bool(leads and leads.match(line))
            or (
                starts_new_item(line, previous)
                and (blank or previous.endswith((".", ":", "!", "?", ";")) or is_bullet(result[-1][0]))
            )
        )
        if new:
            result.append([line])
        else:
            result[-1].append(line)
        blank = False
    return [join_prose(p) for p in result]


FLATTENED_BULLETS = re.compile(r"\s{2,}|\s+(?=[-•●*▪]\s)|(?<=[.;])\s+-\s+(?=[A-ZÀ-ÖØ-Þ])")
# in a list whose items keep their bullets, a run of spaces before a lowercase word is a line that wrapped
# inside an item ("- Valider une solution   technique  - Renseigner…" is two items, not three); before a
# capital or a number it still begins one ("…hautement spécialisés  Définir et instruire…", "A3C2.")
BULLETS_ONLY = re.compile(r"\s{2,}(?=[A-ZÀ-ÖØ-Þ0-9])|\s+(?=[-•●*▪]\s)|(?<=[.;])\s+-\s+(?=[A-ZÀ-ÖØ-Þ])")
ITEM_BULLET = re.compile(r"(?:^|\s)[-•●*▪]\s")


def split_flattened_list(text: str) -> list[str]:
    """Items of a list whose bullets the XML export flattened into runs of spaces or ' - '. When the items
    keep their bullets, only the bullets part them."""
    items = []
    parting = BULLETS_ONLY if len(ITEM_BULLET.findall(text or "")) >= 2 else FLATTENED_BULLETS
    for part in parting.split(text or ""):
        item = strip_bullet(part.strip()).strip(" -")
        if item:
            items.append(squash_spaces(item))
    return items


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«])|(?<=[a-zé)]\.)(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, including those glued by a missing space ('titre.Toute')."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
