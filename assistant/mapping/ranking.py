"""Given experiences alone, which certifications of the corpus they evidence, on the same absolute evidence
as a chosen certification.

Retrieval narrows the corpus to the certifications whose passages the experiences find (both halves of
the index, so a corpus of thousands of fiches costs a few searches); each candidate is then mapped in full
and kept only when some unit is evidenced. Its rate is the total strength of the links the experiences
make to its requirements: absolute, so neither a certification of another trade with an incidental word
nor a small fiche where one link is a large share reads "4/4 blocs couverts", nor a large fiche gains by
its many requirements: each sentence counts once, by its strongest link. Certifications a candidate
can still obtain (active, registration not over) come first, each with its status shown.
"""

from __future__ import annotations

from collections import Counter

from assistant.certification import Certification, Route
from assistant.mapping.experiences import Experience
from assistant.mapping.mapper import ExperienceMapper
from assistant.mapping.models import CertificationFit, CertificationStatus

CANDIDATES = 8
DEPTH = 40


def status_of(certification: Certification) -> CertificationStatus:
    vae = certification.route(Route.VAE)
    return CertificationStatus(active=certification.active, registration_end=certification.registration.end,
                               vae_open=vae.open if vae else None)


def _candidates(mapper: ExperienceMapper, experiences: list[Experience]) -> list[str]:
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
    return [code for code, _ in by_code.most_common(CANDIDATES)]


def rank_certifications(mapper: ExperienceMapper, experiences: list[Experience],
                        limit: int = 5) -> list[CertificationFit]:
    fits = []
    vectors: dict = {}  # the candidate's sentences, embedded once for every certification tried
    for code in _candidates(mapper, experiences):
        mapping = mapper.map(code, experiences, vectors)
        evidenced = [c for c in mapping.coverage if c.level != "non couvert"]
        if not evidenced:
            continue
        well = [c for c in evidenced if c.level == "bien couvert"]
        rate = mapping.recognised
        strongest = max((m for e in mapping.experiences for m in e.matches), key=lambda m: m.score)
        fits.append(CertificationFit(
            certification=code, title=mapping.title, rate=round(rate, 3), covered=len(evidenced), well=len(well),
            units=len(mapping.coverage), best_units=[c.unit for c in sorted(evidenced, key=lambda c: -c.score)][:3],
            status=status_of(mapper.index.certification(code)), best_match=strongest))
    fits.sort(key=lambda f: (not f.status.obtainable, -f.rate, -f.covered))
    return fits[:limit]
