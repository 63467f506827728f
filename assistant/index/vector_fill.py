"""The dense vectors filled in behind the catalog and BM25, resumable, with their progress on disk.

Embedding the whole RNCP takes hours on two cores, while the catalog (structured answers) and BM25 take
minutes. So `index` makes those first, and the vectors follow: any live passage whose vector Chroma does
not hold is embedded from the catalog's own text, so an interrupted fill resumes where it stopped and a
lost `chroma/` folder is rebuilt the same way. Searches meanwhile fuse whatever vectors exist.

The progress is written to `vectors.json` in the index folder after every write to Chroma: `serve` shows
it in French ("index sémantique : 34 %, environ 40 min restantes") whichever process does the filling.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.atomic_files import write_atomically
from assistant.chunking import Chunk
from assistant.embeddings import NamedEmbeddings
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore

PROGRESS_FILE = "vectors.json"
MEANWHILE = "en attendant, la recherche s'appuie sur les mots et les vecteurs déjà calculés"
EMBED_BATCH = 128  # the default model groups a batch by length: larger batches pad less (vae-assistant bench)
WRITE_BATCH = 512  # Chroma writes ~2× faster in batches of 512 than of 32 (vae-assistant bench)
WRITE_EVERY_SECONDS = 20.0  # with a slow model, vectors still reach Chroma often: an interrupted run loses little
STALE_AFTER_SECONDS = 180.0  # no write for this long: the filling process has stopped
Progress = Callable[[int, int], None]


@dataclass
class FillState:
    """How far the dense vectors are: passages holding a vector out of the live passages."""

    done: int
    total: int
    rate: float = 0.0  # passages per second in the current run, 0 when not yet known
    updated: float = 0.0  # time.time() of the last write

    @property
    def complete(self) -> bool:
        return self.done >= self.total

    def running(self, now: float | None = None) -> bool:
        return not self.complete and (now or time.time()) - self.updated < STALE_AFTER_SECONDS

    def describe(self, now: float | None = None) -> str:
        """The French line the app shows while vectors are missing; empty once they are all there."""
        if self.complete or not self.total:
            return ""
        share = int(100 * self.done / self.total)
        if not self.running(now):
            return (f"index sémantique : {share} %, en pause : relancez « vae-assistant index » ou "
                    "« vae-assistant serve » pour le compléter (la recherche par mots couvre toutes les fiches)")
        if self.rate <= 0:
            return f"index sémantique : {share} %, estimation du temps restant en cours"
        return f"index sémantique : {share} %, environ {_duration((self.total - self.done) / self.rate)} restantes"


def _duration(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d}" if minutes else f"{hours} h"


def read_state(index_folder: Path) -> FillState | None:
    """The last progress written, or None when no fill has recorded one (an index built whole before)."""
    try:
        data = json.loads((index_folder / PROGRESS_FILE).read_text(encoding="utf-8"))
        return FillState(int(data["done"]), int(data["total"]), float(data.get("rate", 0.0)),
                         float(data.get("updated", 0.0)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(index_folder: Path, state: FillState) -> None:
    write_atomically(index_folder / PROGRESS_FILE, json.dumps(asdict(state)).encode("utf-8"))


def fill_vectors(dense: DenseStore, embedder: NamedEmbeddings, catalog: Catalog, index_folder: Path,
                 on_progress: Progress | None = None, should_stop: Callable[[], bool] | None = None,
                 batch: int | None = None) -> int:
    """Embed every live passage that lacks a vector; how many were written. `should_stop` lets a server
    end the fill between two batches of `batch` passages (the indexer's, by default).

    Shard after shard, so the indexer holds one shard's vectors at a time, and one shard's ids: the
    missing passages are first only counted (for the progress), then listed again when their shard comes.
    """
    total = catalog.count("chunks")
    missing_by_shard = [len(_missing_in(dense, catalog, shard)) for shard in range(dense.shards)]
    already = total - sum(missing_by_shard)
    started = time.monotonic()
    earlier_shards = 0

    def progress(written: int) -> None:
        written += earlier_shards
        elapsed = time.monotonic() - started
        write_state(index_folder, FillState(already + written, total, written / elapsed if written and elapsed else 0.0,
                                            time.time()))
        if on_progress:
            on_progress(already + written, total)

    progress(0)
    for shard, count in enumerate(missing_by_shard):
        if not count:
            continue
        missing = _missing_in(dense, catalog, shard)
        earlier_shards += write_vectors(dense, embedder, _catalog_chunks(catalog, missing), progress, should_stop,
                                        batch)
        if should_stop and should_stop():
            break
    return earlier_shards


def _missing_in(dense: DenseStore, catalog: Catalog, shard: int) -> list[str]:
    """The live passages of a shard Chroma holds no usable vector for."""
    ids = [chunk_id for chunk_id in catalog.iter_chunk_ids() if dense.shard_of(chunk_id) == shard]
    present = dense.stored(ids)
    return [chunk_id for chunk_id in ids if chunk_id not in present]


def sweep_orphans(dense: DenseStore, catalog: Catalog) -> int:
    """Delete the vectors of passages the catalog no longer holds, shard after shard; how many."""
    swept = 0
    for shard in range(dense.shards):
        ids = dense.ids_in(shard)
        live = catalog.live_among(ids)
        orphans = [chunk_id for chunk_id in ids if chunk_id not in live]
        dense.delete(orphans)
        swept += len(orphans)
    return swept


def _catalog_chunks(catalog: Catalog, ids: list[str], batch: int = 500) -> Iterator[Chunk]:
    for start in range(0, len(ids), batch):
        part = ids[start:start + batch]
        found = catalog.chunks(part)
        yield from (found[chunk_id] for chunk_id in part if chunk_id in found)


def write_vectors(dense: DenseStore, embedder: NamedEmbeddings, chunks: Iterable[Chunk],
                  on_written: Callable[[int], None], should_stop: Callable[[], bool] | None = None,
                  size: int | None = None) -> int:
    """Embed the chunks in the model's batches and write them to Chroma in larger ones; how many were written."""
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
        on_written(written)

    size = size or EMBED_BATCH  # read when called, not when defined: a test shrinks it to interrupt a run
    batch: list[Chunk] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == size:
            embed(batch)
            batch = []
            if len(pending) >= WRITE_BATCH or time.monotonic() - last_write >= WRITE_EVERY_SECONDS:
                write()
            if should_stop and should_stop():
                break
    if batch:
        embed(batch)
    if pending:
        write()
    return written
