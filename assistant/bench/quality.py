"""Retrieval quality of each embedding model on the project's evaluation sets: hit@1, hit@5 and MRR, as
`vae-assistant eval` measures them, on an index of corpus/ and the sample built with that model.

A faster model is only worth having if it finds the same passages: the default's metrics must stay within
0.01 of the float32 model's on every set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant import Assistant, SearchIndex, Settings, build_index, load_embedder
from assistant.evaluation.runner import run_sets
from assistant.evaluation.sets import load_set

SETS = ("evals/seeds.yaml", "evals/rncp-sample.yaml", "evals/held-out.yaml")


@dataclass
class QualityFigure:
    spec: str
    embedder: str
    set: str
    cases: int
    hit_at_1: float
    hit_at_5: float
    mrr: float


def measure_quality(specs: list[str], corpus: list[Path], workdir: Path, sets: tuple[str, ...] = SETS,
                    say=print) -> list[QualityFigure]:
    figures = []
    for spec in specs:
        embedder = load_embedder(spec)
        settings = Settings(corpus=corpus, index=workdir / "qualite" / spec.replace(":", "-"), embedder=spec)
        report = build_index(settings, embedder)
        say(f"  {spec} : index de {report.chunks} passages ({report.embedded_chunks} vectorisés)")
        index = SearchIndex(settings, embedder)
        try:
            assistant = Assistant(index)
            for path in sets:
                outcome = run_sets(assistant, [load_set(Path(path))])
                figures.append(QualityFigure(spec=spec, embedder=embedder.name, set=Path(path).stem,
                                             cases=len(outcome.retrieval.cases),
                                             hit_at_1=outcome.retrieval.hit_at_1, hit_at_5=outcome.retrieval.hit_at_5,
                                             mrr=outcome.retrieval.mrr))
        finally:
            index.close()
    return figures
