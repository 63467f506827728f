"""A candidate's experiences, cut out of what they paste or upload (free text, a list, a CV in text or PDF).

Experiences are personal data: this module only reads them into memory. Nothing here logs or stores
them; errors name the file or the problem, never the candidate's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import UsageError
from assistant.readers.problems import FicheError
from assistant.readers.text_encoding import decode_text

MAX_EXPERIENCE_CHARS = 20_000  # a long CV fits; a pasted book does not
MAX_EXPERIENCES = 40
MIN_WORDS = 3

PERIOD = re.compile(
    r"\b((?:depuis\s+)?(?:(?:janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec)\w*\.?\s+)?"
    r"(?:19|20)\d{2}(?:\s*(?:[-–—à/]|au|a)\s*"
    r"(?:(?:\w+\.?\s+)?(?:19|20)\d{2}|aujourd'hui|ce jour|présent|maintenant))?)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-•*·▪–]|\d+[.)])\s+")
_CV_HEADINGS = re.compile(
    r"^\s*(expériences?\s+professionnelles?|parcours\s+professionnel|expériences?|compétences|formations?|"
    r"diplômes|langues|centres?\s+d'intérêts?|loisirs|informations?\s+personnelles)\s*:?\s*$",
    re.IGNORECASE,
)
_SKIPPED_SECTIONS = re.compile(r"^(formations?|diplômes|langues|centres?\s+d'intérêts?|loisirs|informations?)",
                               re.IGNORECASE)


class ExperienceError(UsageError):
    """The experiences cannot be read: empty, too long, or an unreadable file."""


@dataclass(frozen=True)
class Experience:
    """One experience: its number in the candidate's text, a short title, the period when it says one."""

    number: int
    text: str
    title: str
    period: str = ""

    @property
    def label(self) -> str:
        return f"Expérience {self.number} : {self.title}"


def _title(text: str) -> str:
    """The first line, or first sentence, without the period that often opens it."""
    first = text.strip().split("\n", 1)[0]
    period = PERIOD.match(first)
    if period and len(first) > period.end() + 3:
        first = first[period.end():]
    first = re.split(r"(?<=[.!?])\s", first.strip(" :-–,"), maxsplit=1)[0].strip(" :-–,")
    return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"


def _blocks(text: str) -> list[str]:
    """Paragraphs; inside a list, a line that starts with a period or a bullet after a dated line starts
    a new experience, so a CV's 'Expériences' section splits job by job."""
    blocks: list[list[str]] = []
    skipping = False
    for paragraph in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in paragraph.splitlines():
            if not line.strip():
                continue
            if _CV_HEADINGS.match(line):
                skipping = bool(_SKIPPED_SECTIONS.match(line.strip()))
                if current:
                    blocks.append(current)
                current = []
                continue
            if skipping:
                continue
            starts_dated = bool(PERIOD.match(_BULLET.sub("", line).strip()))
            if current and starts_dated:
                blocks.append(current)
                current = []
            current.append(line.strip())
        if current:
            blocks.append(current)
    return ["\n".join(_BULLET.sub("", line).strip() for line in b) for b in blocks]


def split_experiences(text: str) -> list[Experience]:
    """The experiences of a text, in the candidate's order. Raises `ExperienceError` when there is none."""
    if not text or not text.strip():
        raise ExperienceError("Aucune expérience : décrivez au moins une expérience (poste, structure, missions).")
    if len(text) > MAX_EXPERIENCE_CHARS:
        raise ExperienceError(f"Texte trop long ({len(text)} caractères, au plus {MAX_EXPERIENCE_CHARS}) : "
                              "gardez les expériences utiles au dossier.")
    blocks = [b for b in _blocks(text) if len(b.split()) >= MIN_WORDS]
    if not blocks:
        raise ExperienceError("Aucune expérience exploitable : décrivez chaque expérience en une phrase au moins "
                              "(ce que vous avez fait, où, quand).")
    experiences = []
    for number, block in enumerate(blocks[:MAX_EXPERIENCES], start=1):
        period = PERIOD.search(block)
        flowing = re.sub(r"(?<![.;:!?])\n", " ; ", block).replace("\n", " ")
        experiences.append(Experience(number, flowing, _title(block), period.group(1) if period else ""))
    return experiences


def read_experiences_file(path: Path) -> list[Experience]:
    """Experiences from a text, Markdown or PDF file (a CV). A scanned PDF gets a clear error."""
    if not path.is_file():
        raise ExperienceError(f"Fichier introuvable : {path}")
    if path.suffix.lower() == ".pdf":
        from assistant.readers.pdf import pdf_text

        try:
            text = pdf_text(path, path.name)
        except FicheError as error:
            raise ExperienceError(f"{path.name} : {error.problem}") from None
        if len(text.strip()) < 20:
            raise ExperienceError(f"{path.name} : PDF sans texte (document scanné ?) ; collez le texte du CV "
                                  "ou fournissez un PDF avec une couche texte.")
    else:
        try:
            text = decode_text(path.read_bytes())
        except OSError as error:
            raise ExperienceError(f"{path.name} : lecture impossible ({error.strerror or error})") from None
        if text is None:
            raise ExperienceError(f"{path.name} : ce n'est pas un fichier texte ; donnez un texte, du Markdown "
                                  "ou un CV en PDF.")
    return split_experiences(text)


def read_experiences(text: str | None, file: Path | None) -> list[Experience]:
    """The file (a CV) when there is one, else the text: how the CLI and the web app take experiences."""
    if file is not None:
        return read_experiences_file(file)
    return split_experiences(text or "")
