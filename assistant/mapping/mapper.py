"""Which units of a certification (blocs, or the numbered activities of older fiches) an experience supports.

Evidence first: a unit is proposed only when the experience and the unit share words of the trade (or,
more weakly, a family of such words, see `vocabulary.py`), weighted by how specific they are to that unit
within the certification. The dense index then breaks ties between units the words support alike; on its
own it proves nothing (an experience of baking cakes is still "close" to every bloc in embedding space).
Every proposal carries the phrases on both sides and a citation of the fiche; coverage and the suggested
validation are a suggestion, never a decision of the jury.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from assistant.answer import cite
from assistant.certification import Certification, Unit, UnitKind
from assistant.index.french_analyser import analyse
from assistant.index.search import SearchIndex
from assistant.mapping.experiences import Experience
from assistant.mapping.models import Evidence, ExperienceMapping, Mapping, UnitCoverage, UnitMatch
from assistant.mapping.suggestion import coverage_level, suggest
from assistant.mapping.vocabulary import concepts

LEXICAL_FULL = 6.0  # weighted shared terms at which the lexical evidence counts as complete
MIN_LEXICAL = 1.0  # below this, no unit is proposed: one word common to every unit is not evidence
DENSE_SPAN = 0.03  # cosine margin over the certification's median passage that counts as fully close
LEXICAL_SHARE = 0.7
CONCEPT_WEIGHT = 0.8  # a family of words found in one or two units alone is evidence; in all of them, not
MAX_MATCHES = 5
ACTION_WEIGHT = 0.5
EVIDENCE_SHARE = 0.4  # a second pair of phrases is shown only when it weighs at least this share of the first
GENERIC = frozenset(analyse(
    "faire fait faisais travail travaille travaillé mettre mise place ensemble chaque an ans année années mois "
    "jour jours semaine depuis pendant plusieurs différents différentes ensemble cadre activité activités "
    "mission missions poste tâches aussi puis très bien"
))
# Action verbs every fiche uses for every kind of work: they count, at half weight; the nouns say which work.
ACTION_VERBS = frozenset(analyse(
    "rédiger rédigé rédige organiser organisé organise gérer géré gère assurer assuré réaliser réalisé suivre suivi "
    "participer participé contribuer contribué préparer préparé effectuer effectué élaborer élaboré définir défini"
))


def _kind_weight(term: str) -> float:
    if term.startswith("~"):
        return CONCEPT_WEIGHT
    return ACTION_WEIGHT if term in ACTION_VERBS else 1.0


@dataclass(frozen=True)
class _Phrase:
    text: str
    terms: frozenset[str]


def _phrase(text: str) -> _Phrase:
    terms = set(analyse(text)) - GENERIC
    return _Phrase(text.strip(), frozenset(terms | concepts(terms)))


def _clauses(text: str) -> list[_Phrase]:
    parts = re.split(r"(?<=[.!?])\s+|\s*;\s*|\n", text)
    return [_phrase(p) for p in parts if len(p.split()) >= 2]


def unit_phrases(certification: Certification, unit: Unit) -> list[str]:
    """The fiche's own phrases for a unit: its title, then its competences (or description lines)."""
    bloc = certification.bloc(unit.code) if unit.kind == UnitKind.BLOC else None
    lines = list(bloc.competences) if bloc and bloc.competences else re.split(r"\s*/\s*|\n", unit.description)
    return [unit.title, *[line.strip() for line in lines if len(line.split()) >= 2]]


def _surface_words(phrase: str, shared: set[str]) -> list[str]:
    """The candidate's own words behind shared stems, for a person to read ('tournée', not 'tourné')."""
    found = []
    for word in re.findall(r"[\w'’-]+", phrase):
        stems = analyse(word)
        if stems and stems[0] in shared and word.lower() not in found:
            found.append(word.lower())
    return found


class ExperienceMapper:
    """Maps experiences to the units of a certification held by an opened index (no write, no log)."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index

    def map(self, code: str, experiences: list[Experience]) -> Mapping:
        certification = self.index.certification(code)
        if certification is None:
            raise KeyError(code)
        units = certification.units
        phrases = {u.code: [_phrase(p) for p in unit_phrases(certification, u)] for u in units}
        documents = {code_: frozenset().union(*(p.terms for p in ps)) for code_, ps in phrases.items()}
        frequency = Counter(t for terms in documents.values() for t in terms)
        weights = {t: math.log(1 + len(units) / df) * _kind_weight(t) for t, df in frequency.items()}
        mapped = [self._map_one(certification, experience, phrases, documents, weights)
                  for experience in experiences]
        coverage = self._coverage(certification, mapped)
        return Mapping(certification=certification.code, title=certification.title, experiences=mapped,
                       coverage=coverage, suggestion=suggest(certification, coverage))

    def _dense_closeness(self, certification: Certification, text: str) -> dict[str, float]:
        """Per unit: how much closer the experience is to the unit's passage than to the fiche's median."""
        found = self.index.dense.search(text, 300, [certification.code])
        if not found:
            return {}
        median = statistics.median(score for _, score in found)
        closeness: dict[str, float] = {}
        for chunk_id, score in found:
            unit = chunk_id.split(":")[2] if chunk_id.count(":") == 3 else ""
            if unit and unit not in closeness:
                closeness[unit] = min(1.0, max(0.0, (score - median) / DENSE_SPAN))
        return closeness

    def _map_one(self, certification: Certification, experience: Experience, phrases: dict[str, list[_Phrase]],
                 documents: dict[str, frozenset[str]], weights: dict[str, float]) -> ExperienceMapping:
        clauses = _clauses(experience.text)
        lived = frozenset().union(*(c.terms for c in clauses)) if clauses else frozenset()
        closeness = self._dense_closeness(certification, experience.text) if lived else {}
        matches = []
        for unit in certification.units:
            shared = lived & documents[unit.code]
            lexical = sum(weights[t] for t in shared)
            if lexical < MIN_LEXICAL:
                continue
            score = LEXICAL_SHARE * min(1.0, lexical / LEXICAL_FULL) + (1 - LEXICAL_SHARE) * closeness.get(unit.code, 0)
            evidence = self._evidence(clauses, phrases[unit.code], weights)
            section = "bloc" if unit.kind == UnitKind.BLOC else "unite"
            quote = "\n".join(dict.fromkeys([unit.title, *(e.fiche for e in evidence)]))
            matches.append(UnitMatch(unit=unit.code, label=unit.title, kind=unit.kind.value, score=round(score, 3),
                                     evidence=evidence, citation=cite(certification, section, quote, unit.code)))
        matches.sort(key=lambda m: -m.score)
        return ExperienceMapping(experience=experience.number, title=experience.title, period=experience.period,
                                 matches=matches[:MAX_MATCHES])

    @staticmethod
    def _evidence(clauses: list[_Phrase], fiche: list[_Phrase], weights: dict[str, float]) -> list[Evidence]:
        """The best pairs (candidate's phrase, fiche's phrase) by the weight of what they share."""
        pairs = []
        for clause in clauses:
            for phrase in fiche:
                shared = clause.terms & phrase.terms
                weight = sum(weights.get(t, 0) for t in shared)
                if weight > 0:
                    pairs.append((weight, clause, phrase, shared))
        pairs.sort(key=lambda p: -p[0])
        evidence, used = [], set()
        for weight, clause, phrase, shared in pairs:
            if weight < EVIDENCE_SHARE * pairs[0][0]:
                break
            if clause.text in used or phrase.text in used:
                continue
            used.update({clause.text, phrase.text})
            words = _surface_words(clause.text, {t for t in shared if not t.startswith("~")})
            evidence.append(Evidence(experience=clause.text, fiche=phrase.text, words=words))
            if len(evidence) == 2:
                break
        return evidence

    @staticmethod
    def _coverage(certification: Certification, mapped: list[ExperienceMapping]) -> list[UnitCoverage]:
        coverage = []
        for unit in certification.units:
            behind = [(m.experience, match.score) for m in mapped for match in m.matches if match.unit == unit.code]
            best = max((score for _, score in behind), default=0.0)
            coverage.append(UnitCoverage(unit=unit.code, label=unit.title, kind=unit.kind.value, score=round(best, 3),
                                         level=coverage_level(best, len(behind)),
                                         experiences=sorted({n for n, _ in behind})))
        return coverage

