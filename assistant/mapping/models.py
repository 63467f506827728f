"""What the mapper returns: per experience the units it evidences and why, per unit the coverage.

Pydantic models so the CLI's `--json`, the web app, the chat, the dossier de faisabilité and the livret 2
outline read the same structure.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from assistant.answer import Citation
from assistant.certification import registration_ended

CoverageLevel = Literal["bien couvert", "partiellement couvert", "non couvert"]


class Evidence(BaseModel):
    """A sentence of the candidate, the requirement of the fiche it evidences, and why."""

    experience: str
    fiche: str
    kind: str = "compétence"  # "compétence" or "intitulé" (the unit's own title)
    words: list[str] = []
    strength: float = 0.0
    why: str = ""


class UnitMatch(BaseModel):
    """A unit one experience evidences: only links above the calibrated threshold make one."""

    unit: str
    label: str
    kind: str
    score: float
    evidence: list[Evidence]
    citation: Citation


class ExperienceMapping(BaseModel):
    experience: int
    title: str
    period: str = ""
    matches: list[UnitMatch]


class UnitCoverage(BaseModel):
    """How much of a unit the experiences evidence. `score` is the share of its requirements evidenced, so a
    bar drawn from it never contradicts the level."""

    unit: str
    label: str
    kind: str
    score: float
    level: CoverageLevel
    experiences: list[int]
    evidenced: int = 0
    requirements: int = 0
    evidence: list[Evidence] = []


class Mapping(BaseModel):
    certification: str
    title: str
    experiences: list[ExperienceMapping]
    coverage: list[UnitCoverage]
    suggestion: str
    # how much of what the candidate described the certification recognises (see `mapper.recognised`)
    recognised: float = Field(default=0.0, exclude=True)

    @property
    def matched(self) -> bool:
        return any(m.matches for m in self.experiences)

    @property
    def fits_nothing(self) -> bool:
        return all(c.level == "non couvert" for c in self.coverage)


class CertificationStatus(BaseModel):
    """What a candidate must know before aiming at a certification: can it still be obtained, by VAE?"""

    active: bool | None = None
    registration_end: date | None = None
    vae_open: bool | None = None

    @property
    def obtainable(self) -> bool:
        """Active (or not said) and registration not over: ranked before the others."""
        return self.active is not False and not registration_ended(self.registration_end)


class CertificationFit(BaseModel):
    """How well experiences cover one certification, for ranking the corpus."""

    certification: str
    title: str
    rate: float
    covered: int
    well: int = 0
    units: int
    best_units: list[str]
    status: CertificationStatus = CertificationStatus()
    # The strongest unit match behind the rank, for the chat to quote; not part of the listing itself.
    best_match: UnitMatch | None = Field(default=None, exclude=True)
