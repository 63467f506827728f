"""What the mapper returns: per experience the units it supports and why, per unit the coverage.

Pydantic models so the CLI's `--json`, the web app and the livret 2 outline read the same structure.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.answer import Citation

CoverageLevel = Literal["bien couvert", "partiellement couvert", "non couvert"]


class Evidence(BaseModel):
    """A phrase of the candidate and a phrase of the fiche that say the same work, and the words they share."""

    experience: str
    fiche: str
    words: list[str] = []


class UnitMatch(BaseModel):
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
    unit: str
    label: str
    kind: str
    score: float
    level: CoverageLevel
    experiences: list[int]


class Mapping(BaseModel):
    certification: str
    title: str
    experiences: list[ExperienceMapping]
    coverage: list[UnitCoverage]
    suggestion: str

    @property
    def matched(self) -> bool:
        return any(m.matches for m in self.experiences)


class CertificationFit(BaseModel):
    """How well experiences cover one certification, for ranking the corpus."""

    certification: str
    title: str
    rate: float
    covered: int
    units: int
    best_units: list[str]
    # The strongest unit match behind the rank, for the chat to quote; not part of the listing itself.
    best_match: UnitMatch | None = Field(default=None, exclude=True)
