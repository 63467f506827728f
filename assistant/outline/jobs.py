"""The jobs a dossier retains, as a table row: structure, post, dates, duration.

Read from the experience's own first line ("Chargée de production, Compagnie du Fil (Lyon)") and period
("2019 - 2023"); what the text does not say is left "à préciser" for the candidate, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.mapping.experiences import Experience

TO_FILL = "à préciser"
_YEAR = re.compile(r"(?:19|20)\d{2}")
_ONGOING = re.compile(r"aujourd'hui|ce jour|présent|maintenant|depuis", re.IGNORECASE)
_AT = re.compile(r"\s+(?:chez|au sein d[eu']\s*|à la|à l'|au)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Job:
    post: str
    structure: str
    dates: str
    duration: str

    @property
    def row(self) -> list[str]:
        return [self.structure, self.post, self.dates, self.duration]


def _duration(period: str, today: date) -> str:
    years = [int(y) for y in _YEAR.findall(period)]
    if not years:
        return TO_FILL
    end = years[1] if len(years) > 1 else (today.year if _ONGOING.search(period) else years[0])
    span = end - years[0]
    if span <= 0:
        return "moins d'un an"
    return f"environ {span} an{'s' if span > 1 else ''}"


def job_of(experience: Experience, today: date | None = None) -> Job:
    today = today or date.today()
    title = experience.title.strip()
    post, structure = title, TO_FILL
    at = _AT.search(title)
    if at:
        post, structure = title[:at.start()], title[at.end():]
    elif "," in title:
        post, structure = (part.strip() for part in title.split(",", 1))
    return Job(post=post.strip(" :-–,") or TO_FILL, structure=structure.strip(" :-–,") or TO_FILL,
               dates=experience.period or TO_FILL, duration=_duration(experience.period, today))
