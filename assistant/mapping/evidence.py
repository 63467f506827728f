"""Whether a candidate's sentence evidences a requirement of a fiche: several signals, one calibrated rule.

Measured on labelled experiences (see `evaluation/calibrate_mapping.py`), no single signal separates fitting
from unrelated certifications: raw cosine sits in the same band for both; a z-score against the whole corpus lifts the
fitting certification but still lets some unrelated ones through. The rule combines

- `z`: how far the sentence's similarity to this requirement stands above its mean similarity to the
  requirements of the whole corpus, in standard deviations;
- `gap`: how far below the sentence's best match anywhere in the corpus this requirement stands (an
  unrelated certification can be "close" only when nothing fits better);
- `lexical`: the rarity (corpus-wide IDF) of the words both share, counting only specific words: a word
  that most fiches use ("gérer", "suivi", "besoins") weighs nothing.

Whether a sentence evidences anything in the certification and which unit it evidences are two questions
(`links`): the rule above answers the first; the unit whose requirements and passage fit the sentence best
as a whole (`unit_strength`) answers the second, and the sentence's evidence is then that unit's closest
requirements. A sentence says one thing, so it proves one unit; a job of several lines proves one per line.
Measured on the labelled dev sets (491 one-line experiences), the strongest unit as a whole is the right one
for 0.79 of them, the unit of the strongest single link for 0.69.

The thresholds live in `Calibration`; the defaults are the values `evaluation/calibrate_mapping.py` chose on
the dev set.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.index.french_analyser import analyse
from assistant.mapping.bank import Requirement, RequirementBank
from assistant.mapping.experiences import PERIOD
from assistant.mapping.unit_passages import unit_retrieval

_PERIOD = re.compile(r"^\s*" + PERIOD.pattern, PERIOD.flags)  # "2015 - 2019 :" says when, not what


@dataclass(frozen=True)
class Calibration:
    """The evidence rule's thresholds. The defaults are what `python -m assistant.evaluation.calibrate_mapping
    evals/mapping-labelled-dev.yaml evals/mapping-labelled-dev-2.yaml evals/mapping-labelled-dev-3.yaml
    evals/mapping-labelled-dev-4.yaml evals/mapping-labelled-dev-5.yaml evals/mapping-paragraphs-dev.yaml` chose
    (unrelated pairs clean but for one in a hundred, then the best worse-of link precision and top-1);
    gap_weight came out 0: on this corpus the gap adds nothing the z-score does not say. Shared words weigh
    more to rank units (0.7) than to make a link (0.2)."""

    lexical_weight: float = 0.2  # z-points per unit of shared specific IDF, to decide whether a link holds
    rank_lexical_weight: float = 0.7  # the same, to rank the units an experience evidences (see unit_strength)
    passage_words_weight: float = 0.5  # ranking points per standard deviation of a unit passage's BM25 score…
    passage_meaning_weight: float = 0.25  # …and of its similarity (see unit_passages.py)
    lexical_cap: float = 8.0  # shared words add at most this much IDF (a long list of words is not a proof)
    specific_idf: float = 2.5  # below this rarity a word is generic across the corpus and counts for nothing
    gap_weight: float = 0.0  # z-points lost per point below the sentence's best match in the corpus
    link: float = 2.0  # combined score from which one sentence evidences a requirement
    z_floor: float = 1.0  # never a link below this z, whatever the words
    sentence_margin: float = 0.5  # a sentence evidences only requirements this close to its own best one
    multiplicity: float = 1.0  # threshold raised by this × √(2 ln n) for an experience of n sentences
    well_count: int = 2  # evidenced requirements for a unit to be "bien couvert"…
    well_share: float = 0.2  # …and this share of the unit's requirements…
    well_score: float = 3.0  # …with at least one link this strong


DEFAULT = Calibration()


@dataclass(frozen=True)
class Sentence:
    text: str
    terms: frozenset[str]


@dataclass
class Link:
    """The best evidence one sentence gives for one requirement, with every signal kept for the why."""

    sentence: str
    requirement: Requirement
    z: float
    gap: float
    words: list[str]
    lexical: float
    score: float = 0.0
    counted: float = 0.0  # the sentence's strongest score in the certification: what made it count at all
    whole: bool = False  # the sentence is the whole text of an experience of several: its lines, read together


@dataclass
class Scored:
    """Every (sentence, requirement of the certification) pair of one experience, signals computed once."""

    sentences: list[Sentence]
    requirements: list[Requirement]
    z: np.ndarray  # sentences × requirements
    gap: np.ndarray
    shared: list[list[dict[str, float]]] = field(default_factory=list)  # term -> idf, per pair
    retrieval: list[dict[str, tuple[float, float]]] = field(default_factory=list)  # per sentence: unit -> passage z
    lexical: dict[float, np.ndarray] = field(default_factory=dict)
    combined: dict[tuple[float, ...], np.ndarray] = field(default_factory=dict)


def sentences_of(text: str) -> list[Sentence]:
    """The clauses of an experience, and the whole when it has several: a clause says one thing, the whole
    says the context."""
    parts = [_PERIOD.sub("", p, count=1).strip(" ,:-–") for p in re.split(r"(?<=[.!?])\s+|\s*;\s*|\n", text)]
    parts = [p for p in parts if len(p.split()) >= 3]
    if len(parts) != 1:
        parts.append(text.strip())
    return [Sentence(p, frozenset(analyse(p))) for p in dict.fromkeys(parts)]


def surface_words(phrase: str, stems: set[str]) -> list[str]:
    """The candidate's own words behind shared stems, for a person to read ('bulletins', not 'bulletin')."""
    found: list[str] = []
    for word in re.findall(r"[\w'’-]+", phrase):
        analysed = analyse(word)
        if analysed and analysed[0] in stems and word.lower() not in found:
            found.append(word.lower())
    return found


def score(bank: RequirementBank, code: str, text: str, vectors: dict[str, np.ndarray] | None = None) -> Scored:
    """Every signal for every (sentence, requirement of `code`) pair; thresholds apply later, in `links`.

    `vectors` lets one caller (ranking the corpus) embed a candidate's sentences once for several
    certifications; it lives as long as that call, never longer."""
    sentences = sentences_of(text)
    requirements = bank.requirements(code)
    if not sentences or not requirements:
        empty = np.zeros((len(sentences), len(requirements)))
        return Scored(sentences, requirements, empty, empty, [[{} for _ in requirements] for _ in sentences])
    vectors = vectors if vectors is not None else {}
    missing = [s.text for s in sentences if s.text not in vectors]
    if missing:
        vectors.update(zip(missing, bank.embed_sentences(missing), strict=True))
    matrix = np.stack([vectors[s.text] for s in sentences])
    reference = matrix @ bank.reference_matrix.T
    mean = reference.mean(axis=1, keepdims=True)
    spread = np.maximum(reference.std(axis=1, keepdims=True), 1e-6)
    similarity = matrix @ bank.matrix(requirements).T
    z = (similarity - mean) / spread
    best = np.maximum(((reference - mean) / spread).max(axis=1, keepdims=True), z.max(axis=1, keepdims=True))
    gap = best - z
    requirement_terms = [frozenset(analyse(r.text)) for r in requirements]
    # a word every unit of this fiche uses ("animal" in a veterinary fiche) says which trade, not which unit
    by_unit: dict[str, set[str]] = {}
    for requirement, terms in zip(requirements, requirement_terms, strict=True):
        by_unit.setdefault(requirement.unit, set()).update(terms)
    spread = Counter(t for terms in by_unit.values() for t in terms)
    everywhere = {t for t, n in spread.items() if len(by_unit) > 1 and n > len(by_unit) / 2}
    # a number ("2 plages par jour", "C.2.") counts something; it never says which competence, and the
    # certification's own name ("assistante ASV", "autorisés aux ASV") says which certification, not which unit
    everywhere |= {t for terms in requirement_terms for t in terms if t.isdigit()}
    everywhere |= bank.index.names.name_terms(code)
    shared = [[{t: bank.idf(t) for t in (s.terms & terms) - everywhere} for terms in requirement_terms]
              for s in sentences]
    if len(sentences) > 1:
        # the whole text shares with a requirement only what one of its lines does: words gathered from several
        # lines ("plateaux" of seafood, "services" of a shop) are no phrase of the candidate's
        shared[-1] = [max((row[column] for row in shared[:-1]), key=lambda words: sum(words.values()))
                      for column in range(len(requirements))]
    passages = bank.unit_passages(code)
    retrieval = [unit_retrieval(bank.index, passages, s.text, vectors[s.text]) if passages else {}
                 for s in sentences]
    return Scored(sentences, requirements, z, gap, shared, retrieval)


def _lexical(scored: Scored, specific_idf: float) -> np.ndarray:
    """Shared specific IDF per pair, cached per rarity threshold (the calibration tries several)."""
    cached = scored.lexical.get(specific_idf)
    if cached is None:
        cached = np.array([[sum(idf for idf in pair.values() if idf >= specific_idf) for pair in row]
                           for row in scored.shared], dtype=np.float64).reshape(scored.z.shape)
        scored.lexical[specific_idf] = cached
    return cached


def _chance_maximum(sentences: int) -> float:
    """How far the best of n unrelated sentences rises above one by chance alone (the expected maximum of
    n standard normal draws grows like √(2 ln n)): a profile of seven lines gets seven tries at every
    competence, one line gets one, so the bar rises with the number of clauses (the whole text, last, is
    not counted)."""
    clauses = sentences - 1 if sentences > 1 else 1
    return math.sqrt(2 * math.log(clauses)) if clauses > 1 else 0.0


def _capped_lexical(scored: Scored, calibration: Calibration) -> np.ndarray:
    return np.minimum(calibration.lexical_cap, _lexical(scored, calibration.specific_idf))


def _combined(scored: Scored, calibration: Calibration) -> np.ndarray:
    """The combined score of every pair, computed once per weighting: `links` and `unit_strength` both read
    it, and the calibration tries many thresholds on the same weights."""
    key = (calibration.lexical_weight, calibration.lexical_cap, calibration.specific_idf, calibration.gap_weight)
    cached = scored.combined.get(key)
    if cached is None:
        cached = (scored.z + calibration.lexical_weight * _capped_lexical(scored, calibration)
                  - calibration.gap_weight * scored.gap)
        scored.combined[key] = cached
    return cached


def unit_strength(scored: Scored, calibration: Calibration = DEFAULT, row: int | None = None) -> dict[str, float]:
    """How strongly one sentence (`row`), or the experience (its last sentence is the whole text), fits each
    unit as a whole: the log-mean-exp over the unit's requirements of each one's score. Close to the best
    requirement when one stands out, raised when several fit, and not favouring a unit merely for having
    many requirements (the maximum of many rises by chance). Measured on the labelled sets, it ranks the
    right unit first more often than the maximum.

    The shared words weigh here by their own weight: whether a sentence proves anything at all must not
    lean on words (an unrelated trade shares some), but once it does, which of the fiche's units it proves
    is told apart by the trade's own words ("rupture", "DSN") better than by the embedder alone. How each
    unit's whole passage retrieves the sentence (`unit_passages.py`) is added for the same reason."""
    if scored.z.size == 0:
        return {}
    ranking = replace(calibration, lexical_weight=calibration.rank_lexical_weight)
    combined = _combined(scored, ranking)
    row = len(scored.sentences) - 1 if row is None else row
    retrieval = scored.retrieval[row] if row < len(scored.retrieval) else {}
    by_unit: dict[str, list[float]] = {}
    for requirement, value in zip(scored.requirements, combined[row], strict=True):
        by_unit.setdefault(requirement.unit, []).append(float(value))
    strength = {}
    for unit, values in by_unit.items():
        top = max(values)
        words, meaning = retrieval.get(unit, (0.0, 0.0))
        strength[unit] = (top + math.log(sum(math.exp(v - top) for v in values) / len(values))
                          + calibration.passage_words_weight * words + calibration.passage_meaning_weight * meaning)
    return strength


def _proved_unit(scored: Scored, calibration: Calibration, row: int, combined: np.ndarray) -> np.ndarray:
    """The columns one sentence evidences: its strongest unit as a whole, and in it the requirements close to
    the unit's best for this sentence (none under the z floor). Empty when that unit has none above the
    floor: the sentence then keeps the links that made it count."""
    strength = unit_strength(scored, calibration, row)
    unit = max(strength, key=lambda u: strength[u])
    columns = np.array([c for c, r in enumerate(scored.requirements) if r.unit == unit])
    values = combined[row, columns]
    keep = (scored.z[row, columns] >= calibration.z_floor) & (values >= values.max() - calibration.sentence_margin)
    return columns[keep]


def links(scored: Scored, calibration: Calibration = DEFAULT) -> list[Link]:
    """Per requirement, its strongest sentence among those that evidence it.

    A sentence counts when one of its requirements reaches the link threshold (near its own best, above
    the z floor): that is how an experience proves anything in this certification at all. Which unit it
    proves is its strongest unit as a whole, which is not always the unit of that one requirement; the
    sentence evidences that unit's closest requirements, each shown with its own score."""
    if scored.z.size == 0:
        return []
    lexical = _capped_lexical(scored, calibration)
    combined = _combined(scored, calibration)
    threshold = calibration.link + calibration.multiplicity * _chance_maximum(len(scored.sentences))
    near_best = combined >= combined.max(axis=1, keepdims=True) - calibration.sentence_margin
    passing = near_best & (scored.z >= calibration.z_floor) & (combined >= threshold)
    evidenced = np.full(combined.shape, -np.inf)
    for row in np.flatnonzero(passing.any(axis=1)):
        columns = _proved_unit(scored, calibration, int(row), combined)
        if columns.size == 0:
            columns = np.flatnonzero(passing[row])
        evidenced[row, columns] = combined[row, columns]
    found = []
    for column, row in enumerate(evidenced.argmax(axis=0)):
        value = float(evidenced[row, column])
        if value == -np.inf:
            continue
        sentence = scored.sentences[row]
        words = {t for t, idf in scored.shared[row][column].items() if idf >= calibration.specific_idf}
        found.append(Link(sentence.text, scored.requirements[column], float(scored.z[row, column]),
                          float(scored.gap[row, column]), surface_words(sentence.text, words),
                          float(lexical[row, column]), value, float(combined[row][passing[row]].max()),
                          whole=len(scored.sentences) > 1 and row == len(scored.sentences) - 1))
    return found
