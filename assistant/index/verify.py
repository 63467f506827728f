"""`vae-assistant index --verify`: does Chroma really hold a vector for every passage of the catalog?

A passage without its vector is invisible to the dense half of every search, and nothing else would say
so: search falls back on BM25 alone without a word. The check reads the vectors themselves (see
`DenseStore.stored`), names what is missing (how many, in which fiches, a few passage ids), and adds
SQLite's own check of the catalog file. It holds the index lock, so it never reports a half-written run.

Chroma is read in a child process: a store damaged by two writers at once (what the lock now prevents)
makes Chroma's native code crash the whole process with a segfault, and the check that exists to find
such damage must survive it and say what to do.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.embeddings import NamedEmbeddings, load_embedder
from assistant.errors import AssistantError
from assistant.index.catalog import FILE_NAME, Catalog
from assistant.index.dense import DenseStore, DenseStoreError
from assistant.index.errors import IndexMismatchError, IndexMissingError
from assistant.index.lock import index_lock
from assistant.settings import Settings

SHOWN = 5  # fiches and passage ids named in the message; the counts say the rest


@dataclass
class Verification:
    folder: Path
    fiches: int = 0
    chunks: int = 0
    with_vector: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)  # (passage id, certification code)
    orphans: int = 0  # vectors no live passage points to: ignored by searches, swept by the next change
    damage: str | None = None  # what SQLite's check found wrong with the catalog file

    @property
    def ok(self) -> bool:
        return not self.missing and self.damage is None

    @property
    def missing_codes(self) -> list[str]:
        return sorted({code for _, code in self.missing})

    def problems(self) -> list[str]:
        """The findings, in French, for the message that makes the command fail."""
        found = []
        if self.missing:
            codes, ids = self.missing_codes, [chunk_id for chunk_id, _ in self.missing]
            found.append(
                f"{len(self.missing)} passage(s) sur {self.chunks} sans vecteur dans Chroma, dans {len(codes)} "
                f"fiche(s) : {_some(codes)} ; par exemple {_some(ids)}. Relancez « vae-assistant index --index "
                f"{self.folder} » : il revectorise les passages manquants."
            )
        if self.damage:
            found.append(f"le fichier {self.folder / FILE_NAME} est endommagé selon SQLite ({self.damage})")
        return found


def _some(items: list[str]) -> str:
    shown = ", ".join(items[:SHOWN])
    return shown + (f" et {len(items) - SHOWN} autre(s)" if len(items) > SHOWN else "")


def verify_index(settings: Settings, embedder: NamedEmbeddings | None = None, wait: float = 0.0) -> Verification:
    if not (settings.index / FILE_NAME).exists():
        raise IndexMissingError(settings.index)
    with index_lock(settings.index, wait):
        catalog = Catalog(settings.index)
        try:
            found = Verification(folder=settings.index, damage=catalog.damage())
            embedder = embedder or load_embedder(settings.embedder)
            built_with = catalog.get("embedder")
            if built_with is not None and built_with != embedder.name:
                raise IndexMismatchError(built_with, embedder.name, settings.index)
            rows = catalog.chunk_codes()
            found.fiches, found.chunks = catalog.count("fiches"), len(rows)
            stored, total = stored_apart(settings.index, settings.chroma_url, embedder.dimension,
                                         [chunk_id for chunk_id, _ in rows])
            found.with_vector = len(stored)
            found.missing = [(chunk_id, code) for chunk_id, code in rows if chunk_id not in stored]
            found.orphans = max(total - len(stored), 0)
        finally:
            catalog.close()
    return found


class _DimensionOnly(NamedEmbeddings):
    """What the child needs of the embedder: its dimension. It never embeds anything."""

    def __init__(self, dimension: int) -> None:
        super().__init__()
        self.name, self.dimension = "verification", dimension

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise NotImplementedError

    def embed_query(self, text: str) -> list[float]:
        raise NotImplementedError


def read_stored(index: Path, url: str | None, dimension: int, ids: list[str]) -> tuple[set[str], int]:
    """In the child: the ids whose vector Chroma returns, and how many vectors it holds in all."""
    dense = DenseStore(index, _DimensionOnly(dimension), url, passages=len(ids), one_shard_at_a_time=True)
    return dense.stored(ids), dense.count()


def stored_apart(index: Path, url: str | None, dimension: int, ids: list[str],
                 reader: Callable[[Path, str | None, int, list[str]], tuple[set[str], int]] = read_stored,
                 ) -> tuple[set[str], int]:
    """`reader` run in a child process; its crash becomes a DenseStoreError that says how to recover."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_answer, args=(sender, reader, index, url, dimension, ids), daemon=True)
    child.start()
    sender.close()
    try:
        outcome, value = receiver.recv()  # read before joining: a large answer fills the pipe
    except EOFError:
        outcome, value = "crash", None
    child.join()
    receiver.close()
    if outcome == "ok":
        return value
    if outcome == "error":
        raise value
    crashed = f"signal {signal.Signals(-child.exitcode).name}" if (child.exitcode or 0) < 0 else \
        f"code {child.exitcode}"
    raise DenseStoreError(
        f"Chroma s'est arrêté brutalement ({crashed}) en lisant les vecteurs de l'index {index} : son stockage "
        "est endommagé (par exemple par deux indexations à la fois avant le verrou). Supprimez le dossier "
        f"{index / 'chroma'} puis relancez « vae-assistant index --index {index} » : il revectorise tous les "
        "passages du catalogue"
    )


def _answer(sender, reader, *arguments) -> None:
    """In the child: send ("ok", result) or ("error", exception) back; a crash sends nothing."""
    try:
        answer = ("ok", reader(*arguments))
    except AssistantError as error:
        answer = ("error", error)
    except Exception as error:  # anything else Chroma raises, worded for the operator
        answer = ("error", DenseStoreError(f"lecture des vecteurs impossible ({error.__class__.__name__} : {error})"))
    sender.send(answer)
    sender.close()
