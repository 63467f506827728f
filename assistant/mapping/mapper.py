"""Which units of a certification (blocs, or the numbered activities of older fiches) experiences evidence.

Evidence is made at the level of a requirement (a competence, or the unit's own title): each sentence of
an experience against each requirement, scored against the whole corpus (see `evidence.py`). A unit's
coverage is absolute: how many of its requirements are evidenced and how strongly, never how it compares
with the best unit of the same fiche, so a profile that fits nothing is "non couvert" everywhere.
Every link carries the candidate's sentence, the fiche's requirement and why; coverage and the suggested
validation are a suggestion, never a decision of the jury.
"""

from __future__ import annotations

from assistant.answer import cite
from assistant.certification import Certification, UnitKind
from assistant.first_of_each import first_of_each
from assistant.index.search import SearchIndex
from assistant.mapping.bank import RequirementBank, unit_phrases
from assistant.mapping.evidence import DEFAULT, Calibration, Link, Scored, links, score, unit_strength
from assistant.mapping.experiences import Experience
from assistant.mapping.models import Evidence, ExperienceMapping, Mapping, UnitCoverage, UnitMatch
from assistant.mapping.suggestion import coverage_level, suggest

__all__ = ["ExperienceMapper", "unit_phrases"]
MAX_MATCHES = 5
SHOWN_EVIDENCE = 2


def _why(link: Link, bank: RequirementBank) -> str:
    parts = [f"sens proche : {link.z:.1f} écarts-types au-dessus de la moyenne des {bank.phrases} exigences "
             "du corpus"]
    if link.words:
        parts.append(f"mots précis en commun : {', '.join(link.words)}")
    return " ; ".join(parts)


def _evidence(link: Link, bank: RequirementBank) -> Evidence:
    return Evidence(experience=link.sentence, fiche=link.requirement.competence, kind=link.requirement.kind,
                    words=link.words, strength=round(link.score, 2), why=_why(link, bank))


def recognised(found: dict[int, list[Link]]) -> float:
    """How much of what the candidate described this certification recognises: for each of their sentences
    that counts here, the score that made it count, summed. The sentences are the same for every
    certification, so neither a small fiche (one link, a large share) nor a large one (many requirements,
    many weak links) gains by its size; and a sentence counts by its strongest requirement, not by the
    unit it is then said to prove."""
    best: dict[str, float] = {}
    for unit_links in found.values():
        for link in unit_links:
            best[link.sentence] = max(best.get(link.sentence, 0.0), link.counted)
    return round(sum(best.values()), 3)


class ExperienceMapper:
    """Maps experiences to the units of a certification held by an opened index (no write, no log)."""

    def __init__(self, index: SearchIndex, calibration: Calibration = DEFAULT) -> None:
        self.index = index
        self.calibration = calibration

    @property
    def bank(self) -> RequirementBank:
        return RequirementBank.of(self.index)

    def score(self, code: str, experiences: list[Experience], vectors: dict | None = None) -> dict[int, Scored]:
        """Every signal of every experience against `code`: the costly part, done once per experience."""
        return {e.number: score(self.bank, code, e.text, vectors) for e in experiences}

    def map(self, code: str, experiences: list[Experience], vectors: dict | None = None) -> Mapping:
        certification = self.index.certification(code)
        if certification is None:
            raise KeyError(code)
        return self.map_scored(certification, experiences, self.score(code, experiences, vectors))

    def map_scored(self, certification: Certification, experiences: list[Experience],
                   scored: dict[int, Scored]) -> Mapping:
        """The mapping from signals already computed, under this mapper's calibration (the calibration
        script tries many without embedding again)."""
        found = {number: sorted(links(s, self.calibration), key=lambda link: -link.score)
                 for number, s in scored.items()}
        mapped = [self._experience(certification, e, found[e.number], unit_strength(scored[e.number], self.calibration))
                  for e in experiences]
        coverage = self._coverage(certification, found)
        return Mapping(certification=certification.code, title=certification.title, experiences=mapped,
                       coverage=coverage, suggestion=suggest(certification, coverage),
                       recognised=recognised(found))

    def _experience(self, certification: Certification, experience: Experience, found: list[Link],
                    strength: dict[str, float]) -> ExperienceMapping:
        """The units one experience evidences (each of its sentences proves one, see `evidence.links`),
        ranked by how strongly the unit fits the experience as a whole."""
        matches = []
        for unit in certification.units:
            own = first_of_each((link for link in found if link.requirement.unit == unit.code),
                                key=lambda link: link.requirement.competence)  # strongest first, each competence once
            if not own:
                continue
            evidence = [_evidence(link, self.bank) for link in own[:SHOWN_EVIDENCE]]
            section = "bloc" if unit.kind == UnitKind.BLOC else "unite"
            quote = "\n".join(dict.fromkeys([unit.title, *(e.fiche for e in evidence)]))
            matches.append(UnitMatch(unit=unit.code, label=unit.title, kind=unit.kind.value,
                                     score=round(strength[unit.code], 3), evidence=evidence,
                                     citation=cite(certification, section, quote, unit.code)))
        matches.sort(key=lambda m: -m.score)
        return ExperienceMapping(experience=experience.number, title=experience.title, period=experience.period,
                                 matches=matches[:MAX_MATCHES])

    def _coverage(self, certification: Certification, found: dict[int, list[Link]]) -> list[UnitCoverage]:
        coverage = []
        for unit in certification.units:
            total = len({r.competence for r in self.bank.requirements(certification.code) if r.unit == unit.code})
            best: dict[str, tuple[Link, int]] = {}
            for number, unit_links in found.items():
                for link in unit_links:
                    if link.requirement.unit != unit.code:
                        continue
                    held = best.get(link.requirement.competence)
                    if held is None or link.score > held[0].score:
                        best[link.requirement.competence] = (link, number)
            ranked = sorted(best.values(), key=lambda pair: -pair[0].score)
            strongest = ranked[0][0].score if ranked else 0.0
            # what a unit asks for in detail, each piece proved by its own sentence of the candidate's; the whole
            # text of an experience repeats its lines, so it proves nothing they do not ("Accueil des clients,
            # devis au comptoir" and the whole profile holding it are one proof of the front desk, not two)
            proofs = [link for link, _ in ranked if link.requirement.kind == "compétence"]
            competences = min(len(proofs), len({link.sentence for link in proofs if not link.whole}))
            level = coverage_level(len(ranked), total, strongest, self.calibration, competences)
            coverage.append(UnitCoverage(
                unit=unit.code, label=unit.title, kind=unit.kind.value,
                score=round(len(ranked) / total, 3) if total else 0.0, level=level,
                experiences=sorted({number for _, number in ranked}), evidenced=len(ranked), requirements=total,
                evidence=[_evidence(link, self.bank) for link, _ in ranked]))
        return coverage
