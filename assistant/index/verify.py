"""`vae-assistant index --verify`: does Chroma really hold a vector for every passage of the catalog?

A passage without its vector is invisible to the dense half of every search, and nothing else would say
so: search falls back on BM25 alone without a word. The check reads the vectors themselves (see
`DenseStore.stored`), names what is missing (how many, in which fiches, a few passage ids), and adds
SQLite's own check of the catalog file. It holds the index lock, so it never reports a half-written run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.embeddings import NamedEmbeddings, load_embedder
from assistant.index.catalog import FILE_NAME, Catalog
from assistant.index.dense import DenseStore
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
            dense = DenseStore(settings.index, embedder, settings.chroma_url)
            stored = dense.stored([chunk_id for chunk_id, _ in rows])
            found.with_vector = len(stored)
            found.missing = [(chunk_id, code) for chunk_id, code in rows if chunk_id not in stored]
            found.orphans = max(dense.count() - len(stored), 0)
        finally:
            catalog.close()
    return found
