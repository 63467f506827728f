"""Query latency, p50 and p95, for each stage a question goes through: BM25, dense, hybrid (both fused),
and full answers as the chat gives them (resolution, retrieval, sentences, citations), for questions the
fiche's structure answers, for open ones, and for both together.

Questions name a certification drawn at random (seeded) from the index, as a user who picked one in the
app would, or none at all, which makes the search cover the whole corpus: the slowest case.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from assistant import Assistant, SearchIndex
from assistant.bench.figures import Latency

STRUCTURED = [
    "Combien de blocs compte le {code} ?",
    "Qui compose le jury de VAE du {code} ?",
    "Quel est le niveau du {code} ?",
    "Comment est évalué le bloc 1 du {code} ?",
    "Quels sont les codes ROME du {code} ?",
    "Le {code} est-il encore actif ?",
]
OPEN = [
    "Quels prérequis faut-il pour entrer en formation au {code} ?",
    "Quelles activités exerce le titulaire du {code} ?",
    "Dans quels secteurs travaille-t-on après le {code} ?",
    "Quelles capacités sont attestées par le {code} ?",
    "Comment se déroule la VAE pour cette certification ?",
    "Quelles compétences en gestion de projet sont demandées ?",
    "Qui est le certificateur du titre de responsable de production ?",
    "Faut-il passer un entretien avec le jury ?",
]
KINDS = ("bm25", "dense", "hybride", "structurée", "ouverte", "réponse complète")


@dataclass
class QueryFigures:
    fiches: int
    chunks: int
    embedder: str
    latencies: list[Latency]
    declined: int
    answered: int


def _questions(codes: list[str], rounds: int, seed: int = 7) -> list[tuple[str, list[str] | None, bool]]:
    """(question, scope, structured?) triples: each template once per round, with a random code."""
    pick = random.Random(seed)
    questions = []
    for _ in range(rounds):
        for template in STRUCTURED:
            code = pick.choice(codes)
            questions.append((template.format(code=code), [code], True))
        for template in OPEN:
            code = pick.choice(codes)
            scoped = "{code}" in template
            questions.append((template.format(code=code), [code] if scoped else None, False))
    return questions


def measure_queries(index: SearchIndex, rounds: int = 5) -> QueryFigures:
    assistant = Assistant(index)
    latencies = {kind: Latency(kind) for kind in KINDS}
    declined = answered = 0
    questions = _questions(sorted(index.titles), rounds)
    index.warm_up()  # as `serve` does at start: the first search loads Chroma's files
    assistant.ask(questions[0][0])
    for question, scope, structured in questions:
        latencies["bm25"].time(lambda q=question, s=scope: index.lexical.search(q, 50, s))
        latencies["dense"].time(lambda q=question, s=scope: index.dense.search(q, 50, s))
        latencies["hybride"].time(lambda q=question, s=scope: index.search(q, 5, s))
        answer = latencies["réponse complète"].time(lambda q=question: assistant.ask(q))
        kind = "structurée" if structured else "ouverte"
        latencies[kind].samples_ms.append(latencies["réponse complète"].samples_ms[-1])
        declined += int(answer.declined)
        answered += int(not answer.declined)
    return QueryFigures(fiches=index.catalog.count("fiches"), chunks=index.catalog.count("chunks"),
                        embedder=index.embedder.name, latencies=list(latencies.values()),
                        declined=declined, answered=answered)
