"""Retrieval quality on a question set: is the passage holding the answer found, and how high?

A hit is a retrieved passage that contains every `must_include` item. Cases whose items no single passage
of the index contains (an answer assembled from several places, a refusal) are left out, and counted; so are
cases whose answer comes from several fiches ("quelles certifications sont rattachées au code ROME M1202 ?"
lists codes from the catalogue: a passage that happens to name both, a successor's line, is no answer).
Follow-ups (cases with a history) are not measured here: the retriever sees one question, and "Et le bloc
5 ?" means nothing without the turns before it; the answer checks cover them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant import Assistant
from assistant.evaluation.matching import contains_all
from assistant.evaluation.sets import Case

DEPTH = 5


@dataclass
class RetrievalCase:
    id: str
    rank: int | None  # 1-based rank of the first passage holding the answer, None when not in the top 5


@dataclass
class RetrievalMetrics:
    cases: list[RetrievalCase] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def _share(self, predicate) -> float:
        return sum(1 for c in self.cases if predicate(c)) / len(self.cases) if self.cases else 0.0

    @property
    def hit_at_1(self) -> float:
        return self._share(lambda c: c.rank == 1)

    @property
    def hit_at_5(self) -> float:
        return self._share(lambda c: c.rank is not None and c.rank <= 5)

    @property
    def mrr(self) -> float:
        return sum(1 / c.rank for c in self.cases if c.rank) / len(self.cases) if self.cases else 0.0

    @property
    def misses(self) -> list[str]:
        return [c.id for c in self.cases if c.rank is None]


def measure_retrieval(assistant: Assistant, cases: list[Case]) -> RetrievalMetrics:
    """Retrieval as the assistant does it (`Assistant.retrieve`: the certification named or selected, the
    sections what is asked points to), measured on every case whose answer one passage holds."""
    index = assistant.index
    metrics = RetrievalMetrics()
    passages: list[str] | None = None  # read once, only if some case needs it
    for case in cases:
        if case.kind != "qa" or case.expect.refuse or not case.expect.must_include or case.history:
            continue
        if passages is None:
            passages = [text for _, _, text in index.catalog.chunk_rows()]
        if len(set(case.expect.sources)) > 1 or not any(contains_all(text, case.expect.must_include)
                                                        for text in passages):
            metrics.left_out.append(case.id)
            continue
        hits = assistant.retrieve(case.question, case.certification, k=DEPTH)
        rank = next((n for n, hit in enumerate(hits, start=1)
                     if contains_all(hit.chunk.text, case.expect.must_include)), None)
        metrics.cases.append(RetrievalCase(case.id, rank))
    return metrics
