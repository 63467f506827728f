"""`vae-assistant index`: bring the index in line with the corpus, incrementally and safely.

A fiche is keyed by the hash of its content. The corpus is read fiche by fiche (a full export is never
held whole) inside one catalog transaction: new fiches are added with their passages, fiches gone from
the corpus (or replaced by a new version) leave it, and the commit switches searches to the new state at
once. The BM25 index is then rebuilt from the catalog: structured answers and word search cover every
fiche within minutes. The dense vectors come last (`vector_fill.py`): every live passage Chroma lacks is
embedded from the catalog, so an interrupted run resumes where it stopped, and `index --no-vectors` leaves
them to `serve`, which fills them in behind while it answers. Vectors of fiches gone are swept away.

Vectors are checked, not assumed: every run asks Chroma which live passages it really holds (a `chroma/`
folder deleted, vectors lost by an old concurrent run are embedded again). The whole run holds the index
folder's lock (`lock.py`), so two runs never write at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from assistant.certification import Certification, Route
from assistant.chunking import chunk_certification, fiche_hash
from assistant.corpus import export_date, iter_corpus
from assistant.embeddings import NamedEmbeddings, expected_name, load_embedder
from assistant.errors import UsageError
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore
from assistant.index.errors import IndexMismatchError
from assistant.index.lexical import LexicalIndex
from assistant.index.lock import index_lock
from assistant.index.native_memory import limit_arenas
from assistant.index.vector_fill import Progress, fill_vectors, sweep_orphans
from assistant.readers.problems import Problem
from assistant.settings import Settings

ONLY_CHOICES = ("all", "active", "vae")


@dataclass
class IndexReport:
    fiches: int = 0
    chunks: int = 0
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    embedded_chunks: int = 0
    swept_vectors: int = 0
    filtered_out: int = 0  # fiches read but left out by the index option (active / vae)
    seconds: float = 0.0
    searchable_seconds: float = 0.0  # until the catalog and BM25 covered the corpus
    skipped: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def check_embedder(catalog: Catalog, name: str, dimension: int | None) -> None:
    """An index answers only to the embedder that built it; a new index records it. By name, so it can be
    checked before the model is loaded (its dimension is recorded once it is)."""
    built_with = catalog.get("embedder")
    if built_with is None:
        catalog.record({"embedder": name})
    elif built_with != name:
        raise IndexMismatchError(built_with, name, catalog.path.parent)
    if dimension is not None and catalog.get("dimension") is None:
        catalog.set("dimension", str(dimension))


def build_index(
    settings: Settings,
    embedder: NamedEmbeddings | None = None,
    on_progress: Progress | None = None,
    wait: float = 0.0,
    vectors: bool = True,
    on_searchable: Callable[[IndexReport], None] | None = None,
) -> IndexReport:
    """Bring the index in line with the corpus; `wait`: seconds to wait for another run to finish (not counted
    in the report's time). `on_searchable` is called once the catalog and BM25 cover the corpus, before the
    vectors; `vectors=False` stops there. `on_progress(done, total)` follows the vectors."""
    if settings.index_only not in ONLY_CHOICES:
        raise UsageError(f"option d'index inconnue « {settings.index_only} » : choisissez parmi "
                         f"{', '.join(ONLY_CHOICES)}")
    limit_arenas()  # before Chroma's and ONNX Runtime's threads exist (native_memory.py)
    with index_lock(settings.index, wait):
        started = time.perf_counter()
        report = _build(settings, embedder, on_progress, vectors, on_searchable, started)
        report.seconds = time.perf_counter() - started
    return report


def _build(settings: Settings, embedder: NamedEmbeddings | None, on_progress: Progress | None, vectors: bool,
           on_searchable: Callable[[IndexReport], None] | None, started: float) -> IndexReport:
    report = IndexReport()
    catalog = Catalog(settings.index, create=True)
    try:
        name = embedder.name if embedder else expected_name(settings.embedder)
        if name is None:
            embedder = load_embedder(settings.embedder)
            name = embedder.name
        # checked by name before the corpus is read; the model itself is loaded once BM25 is built, so the
        # two are never in memory together
        check_embedder(catalog, name, embedder.dimension if embedder else None)
        _switch_catalog(catalog, settings, report)
        lexical = LexicalIndex.load(settings.index)
        if lexical is None or lexical.generation != catalog.generation:
            del lexical  # the stale index's matrices go before the new one is built: one in memory at a time
            LexicalIndex.build(catalog.chunk_rows(), catalog.generation).save(settings.index)
        report.fiches = catalog.count("fiches")
        report.chunks = catalog.count("chunks")
        report.searchable_seconds = time.perf_counter() - started
        if on_searchable:
            on_searchable(report)
        if vectors:
            embedder = embedder or load_embedder(settings.embedder)
            check_embedder(catalog, embedder.name, embedder.dimension)
            dense = DenseStore(settings.index, embedder, settings.chroma_url, passages=report.chunks,
                               one_shard_at_a_time=True)
            try:
                if catalog.get("dirty") == "1":
                    report.swept_vectors = sweep_orphans(dense, catalog)
                    catalog.set("dirty", "0")
                report.embedded_chunks = fill_vectors(dense, embedder, catalog, settings.index, on_progress)
            finally:
                dense.close()
    finally:
        catalog.close()
    return report


def _switch_catalog(catalog: Catalog, settings: Settings, report: IndexReport) -> None:
    """Read the corpus fiche by fiche into one transaction: searches see the old state until it commits."""
    live = catalog.fiche_hashes()
    live_by_code = {code: key for key, code in live.items()}
    files = catalog.fiche_files()
    seen: set[str] = set()
    replaced: set[str] = set()
    added: list[str] = []
    with catalog.transaction():
        for certification in iter_corpus(settings.corpus, report.skipped):
            if not wanted_by(settings.index_only, certification):
                report.filtered_out += 1
                continue
            key = fiche_hash(certification)
            if key in seen:
                continue
            seen.add(key)
            file = _file_of(certification)
            if key not in live:
                older = live_by_code.get(certification.code)
                if older is not None and older not in replaced:  # a new version of a fiche: the code is unique
                    catalog.remove_fiche(older)
                    replaced.add(older)
                catalog.add_fiche(key, certification, file, chunk_certification(certification))
                added.append(certification.code)
            elif files.get(key) != file:
                catalog.move_fiche(key, certification, file)
        gone = [key for key in live if key not in seen]
        for key in gone:
            if key not in replaced:
                catalog.remove_fiche(key)
        if added or gone:
            catalog.set("generation", str(catalog.generation + 1))
            catalog.set("dirty", "1")  # vectors of the fiches gone are swept once the vectors are reached
        catalog.set("updated", date.today().isoformat())  # shown beside the data source in the app
        catalog.set("export_date", export_date(settings.corpus))
    report.unchanged = len(seen) - len(added)
    report.added = sorted(added)
    report.removed = sorted(live[key] for key in gone if live[key] not in report.added)


def wanted_by(only: str, certification: Certification) -> bool:
    """Index options for real use: every fiche, only active certifications, or only those open to VAE."""
    if only == "active":
        return certification.active is True
    if only == "vae":
        route = certification.route(Route.VAE)
        return route is not None and route.open is True
    return True


def _file_of(certification: Certification) -> str:
    source = certification.sources.get("code")
    return source.file if source else ""
