"""`vae-assistant index`: bring the index in line with the corpus, incrementally and safely.

A fiche is keyed by the hash of its content. Only fiches the catalog does not hold are chunked and
embedded; fiches gone from the corpus (or replaced by a new version) leave it. The order makes an
interrupted run harmless: new vectors are written to Chroma first under ids that no live chunk uses,
then one catalog transaction switches to the new state, then the BM25 index is rebuilt and the old
vectors deleted. Until the switch, searches see the previous state; after a crash the next run reuses
the vectors already written and sweeps away the ones nobody points to.

Vectors are checked, not assumed: every run asks Chroma which live passages it really holds and embeds
again, from the catalog, any it lacks (a `chroma/` folder deleted, vectors lost by an old concurrent run).
The whole run holds the index folder's lock (`lock.py`), so two runs never write at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from assistant.certification import Certification, Route
from assistant.chunking import Chunk, chunk_certification, fiche_hash
from assistant.corpus import export_date, read_corpus
from assistant.embeddings import NamedEmbeddings, load_embedder
from assistant.errors import UsageError
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore
from assistant.index.errors import IndexMismatchError
from assistant.index.lexical import LexicalIndex
from assistant.index.lock import index_lock
from assistant.readers.problems import Problem
from assistant.settings import Settings

EMBED_BATCH = 128  # the default model groups a batch by length: larger batches pad less (vae-assistant bench)
WRITE_BATCH = 512  # Chroma writes ~2× faster in batches of 512 than of 32 (vae-assistant bench)
WRITE_EVERY_SECONDS = 20.0  # with a slow model, vectors still reach Chroma often: an interrupted run loses little
Progress = Callable[[int, int], None]
ONLY_CHOICES = ("all", "active", "vae")


@dataclass
class IndexReport:
    fiches: int = 0
    chunks: int = 0
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    embedded_chunks: int = 0
    reused_chunks: int = 0
    repaired_chunks: int = 0  # live passages Chroma did not hold, embedded again from the catalog
    swept_vectors: int = 0
    filtered_out: int = 0  # fiches read but left out by the index option (active / vae)
    seconds: float = 0.0
    skipped: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def check_embedder(catalog: Catalog, embedder: NamedEmbeddings) -> None:
    """An index answers only to the embedder that built it; a new index records it."""
    built_with = catalog.get("embedder")
    if built_with is None:
        catalog.record({"embedder": embedder.name, "dimension": str(embedder.dimension)})
    elif built_with != embedder.name:
        raise IndexMismatchError(built_with, embedder.name, catalog.path.parent)


def build_index(
    settings: Settings,
    embedder: NamedEmbeddings | None = None,
    on_progress: Progress | None = None,
    wait: float = 0.0,
) -> IndexReport:
    """Bring the index in line with the corpus; `wait`: seconds to wait for another run to finish (not counted
    in the report's time)."""
    if settings.index_only not in ONLY_CHOICES:
        raise UsageError(f"option d'index inconnue « {settings.index_only} » : choisissez parmi "
                         f"{', '.join(ONLY_CHOICES)}")
    with index_lock(settings.index, wait):
        started = time.perf_counter()
        report = _build(settings, embedder, on_progress)
        report.seconds = time.perf_counter() - started
    return report


def _build(settings: Settings, embedder: NamedEmbeddings | None, on_progress: Progress | None) -> IndexReport:
    report = IndexReport()
    reading = read_corpus(settings.corpus)
    report.skipped = list(reading.problems)
    catalog = Catalog(settings.index, create=True)
    try:
        embedder = embedder or load_embedder(settings.embedder)
        check_embedder(catalog, embedder)
        dense = DenseStore(settings.index, embedder, settings.chroma_url)
        live = catalog.fiche_hashes()
        kept = [c for c in reading.certifications if wanted_by(settings.index_only, c)]
        report.filtered_out = len(reading.certifications) - len(kept)
        wanted: dict[str, Certification] = {fiche_hash(c): c for c in kept}
        to_add = [h for h in wanted if h not in live]
        to_remove = [h for h in live if h not in wanted]
        report.unchanged = len(wanted) - len(to_add)
        if to_add or to_remove:
            catalog.set("dirty", "1")
        _embed_missing(dense, embedder, [wanted[h] for h in to_add], report, on_progress)
        files = catalog.fiche_files()
        moved = [h for h in wanted if h in files and files[h] != _file_of(wanted[h])]
        if to_add or to_remove or moved:
            with catalog.transaction():
                for h in moved:
                    catalog.move_fiche(h, wanted[h], _file_of(wanted[h]))
                for h in to_remove:
                    catalog.remove_fiche(h)
                for h in to_add:
                    catalog.add_fiche(h, wanted[h], _file_of(wanted[h]), chunk_certification(wanted[h]))
                if to_add or to_remove:
                    catalog.set("generation", str(catalog.generation + 1))
                catalog.set("updated", date.today().isoformat())  # shown beside the data source in the app
        catalog.set("export_date", export_date(settings.corpus))
        report.added = sorted(wanted[h].code for h in to_add)
        report.removed = sorted(live[h] for h in to_remove if live[h] not in report.added)
        lexical = LexicalIndex.load(settings.index)
        if lexical is None or lexical.generation != catalog.generation:
            LexicalIndex.build(catalog.chunk_rows(), catalog.generation).save(settings.index)
        _repair_missing(dense, embedder, catalog, report, on_progress)
        if catalog.get("dirty") == "1":
            live_ids = set(catalog.chunk_ids())
            orphans = [i for i in dense.all_ids() if i not in live_ids]
            dense.delete(orphans)
            report.swept_vectors = len(orphans)
            catalog.set("dirty", "0")
        report.fiches = catalog.count("fiches")
        report.chunks = catalog.count("chunks")
    finally:
        catalog.close()
    return report


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


def _embed_missing(
    dense: DenseStore,
    embedder: NamedEmbeddings,
    certifications: list[Certification],
    report: IndexReport,
    on_progress: Progress | None,
) -> None:
    """Embed the chunks of new fiches that Chroma does not hold yet (an interrupted run left the others).

    Chunks are made again fiche by fiche rather than kept: cutting a fiche costs about a millisecond, while
    keeping every chunk of a full export would hold gigabytes for the hours the model takes.
    """
    ids = [c.id for certification in certifications for c in chunk_certification(certification)]
    present = dense.existing(ids)
    report.reused_chunks = len(present)
    chunks = (c for certification in certifications for c in chunk_certification(certification)
              if c.id not in present)
    report.embedded_chunks += _write_vectors(dense, embedder, chunks, len(ids) - len(present), on_progress)


def _repair_missing(
    dense: DenseStore,
    embedder: NamedEmbeddings,
    catalog: Catalog,
    report: IndexReport,
    on_progress: Progress | None,
) -> None:
    """Embed again, from the catalog's own text, every live passage whose vector Chroma does not hold."""
    live = catalog.chunk_ids()
    present = dense.stored(live)
    missing = [chunk_id for chunk_id in live if chunk_id not in present]
    if missing:
        report.repaired_chunks = _write_vectors(dense, embedder, _catalog_chunks(catalog, missing), len(missing),
                                                on_progress)


def _catalog_chunks(catalog: Catalog, ids: list[str], batch: int = 500) -> Iterator[Chunk]:
    for start in range(0, len(ids), batch):
        part = ids[start:start + batch]
        found = catalog.chunks(part)
        yield from (found[chunk_id] for chunk_id in part if chunk_id in found)


def _write_vectors(
    dense: DenseStore,
    embedder: NamedEmbeddings,
    chunks: Iterable[Chunk],
    total: int,
    on_progress: Progress | None,
) -> int:
    """Embed the chunks in the model's batches and write them to Chroma in larger ones; how many were written."""
    if on_progress:
        on_progress(0, total)
    pending: list[tuple[Chunk, list[float]]] = []
    written = 0
    last_write = time.monotonic()

    def embed(batch: list[Chunk]) -> None:
        pending.extend(zip(batch, embedder.embed_documents([c.text for c in batch]), strict=True))

    def write() -> None:
        nonlocal last_write, written
        dense.add([c.id for c, _ in pending], [c.text for c, _ in pending], [c.metadata() for c, _ in pending],
                  [vector for _, vector in pending])
        written += len(pending)
        pending.clear()
        last_write = time.monotonic()
        if on_progress:
            on_progress(written, total)

    batch: list[Chunk] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == EMBED_BATCH:
            embed(batch)
            batch = []
            if len(pending) >= WRITE_BATCH or time.monotonic() - last_write >= WRITE_EVERY_SECONDS:
                write()
    if batch:
        embed(batch)
    if pending:
        write()
    return written
