"""Given experiences alone, which certifications of the corpus they cover best.

Retrieval narrows the corpus to the certifications whose passages the experiences find (both halves of
the index, so a corpus of thousands of fiches costs a few searches), then each candidate is mapped in
full. The rank weighs the mean coverage score of its units (0 for a unit no experience supports) by how
strongly retrieval found it (square root of its share of the best vote): a unit's words are weighed within
its own fiche, so a word common across the corpus ('contrats') can look specific inside one fiche; the
corpus-wide retrieval corrects that.
"""

from __future__ import annotations

import math
from collections import Counter

from assistant.mapping.experiences import Experience
from assistant.mapping.mapper import ExperienceMapper
from assistant.mapping.models import CertificationFit

CANDIDATES = 8
DEPTH = 40


def rank_certifications(mapper: ExperienceMapper, experiences: list[Experience],
                        limit: int = 5) -> list[CertificationFit]:
    index = mapper.index
    votes: Counter[str] = Counter()
    for experience in experiences:
        for ranking in (index.lexical.search(experience.text, DEPTH), index.dense.search(experience.text, DEPTH)):
            for rank, (chunk_id, _) in enumerate(ranking, start=1):
                votes[chunk_id] += 1.0 / (60 + rank)
    by_code: Counter[str] = Counter()
    chunks = index.catalog.chunks(votes)
    for chunk_id, vote in votes.items():
        if chunk_id in chunks:
            by_code[chunks[chunk_id].code] += vote
    fits = []
    top = max(by_code.values(), default=1.0)
    for code, vote in by_code.most_common(CANDIDATES):
        mapping = mapper.map(code, experiences)
        units = len(mapping.coverage)
        if not units:
            continue
        well = [c for c in mapping.coverage if c.level == "bien couvert"]
        partly = [c for c in mapping.coverage if c.level == "partiellement couvert"]
        if not well and not partly:
            continue
        rate = sum(c.score for c in mapping.coverage) / units * math.sqrt(vote / top)
        strongest = max((m for e in mapping.experiences for m in e.matches), key=lambda m: m.score)
        fits.append(CertificationFit(certification=code, title=mapping.title, rate=round(rate, 3),
                                     covered=len(well) + len(partly), units=units,
                                     best_units=[c.unit for c in sorted(well + partly, key=lambda c: -c.score)][:3],
                                     best_match=strongest))
    fits.sort(key=lambda f: (-f.rate, -f.covered))
    return fits[:limit]
