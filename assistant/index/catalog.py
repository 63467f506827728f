"""The catalog: which fiches and chunks are live in the index, the certifications themselves, and which
embedder built it. One SQLite file; a committed transaction is the single switch from one state of the
index to the next, so an indexing run cut short leaves the previous state whole.

A catalog file that is damaged (or not a catalog at all) raises `CatalogError`, in French, wherever SQLite
notices it (SQLite's "not a database" and "malformed"): at opening, or later on a page it had not read
yet. Constraint and programming errors stay what they are (bugs), and so do operational ones (a busy or
read-only file), which callers already handle.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.certification import Certification
from assistant.chunking import Chunk
from assistant.index.errors import CatalogError

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fiches (
    hash TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, file TEXT NOT NULL, title TEXT NOT NULL,
    active INTEGER, certification TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, fiche_hash TEXT NOT NULL REFERENCES fiches(hash) ON DELETE CASCADE,
    code TEXT NOT NULL, section TEXT NOT NULL, bloc TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_fiche ON chunks(fiche_hash);
"""
FILE_NAME = "catalog.sqlite3"


@contextmanager
def _damage_reported(path: Path) -> Iterator[None]:
    try:
        yield
    except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.OperationalError):
        raise  # a bug, or a busy / read-only file that callers handle: not damage
    except sqlite3.DatabaseError as error:
        raise CatalogError(path, str(error)) from error


class _Rows:
    """A cursor whose rows, fetched lazily, report a damaged file like the statement itself would."""

    def __init__(self, cursor: sqlite3.Cursor, path: Path) -> None:
        self._cursor, self._path = cursor, path

    def __iter__(self) -> Iterator[tuple]:
        with _damage_reported(self._path):
            yield from self._cursor

    def fetchone(self) -> tuple | None:
        with _damage_reported(self._path):
            return self._cursor.fetchone()


class _Connection:
    def __init__(self, path: Path) -> None:
        self.path = path
        with _damage_reported(path):
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)

    def execute(self, sql: str, parameters: Iterable = ()) -> _Rows:
        with _damage_reported(self.path):
            return _Rows(self._db.execute(sql, tuple(parameters)), self.path)

    def executemany(self, sql: str, rows: Iterable[Iterable]) -> None:
        with _damage_reported(self.path):
            self._db.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        with _damage_reported(self.path):
            self._db.executescript(script)

    def close(self) -> None:
        self._db.close()


class Catalog:
    def __init__(self, folder: Path, create: bool = False) -> None:
        self.path = folder / FILE_NAME
        if not create and not self.path.exists():
            raise FileNotFoundError(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        self._db = _Connection(self.path)
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.executescript(SCHEMA)
        except CatalogError:
            self._db.close()
            raise

    def close(self) -> None:
        self._db.close()

    def damage(self) -> str | None:
        """What SQLite's own check finds wrong with the file (None when it is sound): for `index --verify`."""
        found = [row[0] for row in self._db.execute("PRAGMA quick_check")]
        return None if found == ["ok"] else "; ".join(found[:5])

    # -- meta ------------------------------------------------------------------------------------------
    def get(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        return int(self.get("generation") or 0)

    # -- reading ---------------------------------------------------------------------------------------
    def fiche_hashes(self) -> dict[str, str]:
        """hash -> code of every live fiche."""
        return dict(self._db.execute("SELECT hash, code FROM fiches"))

    def fiche_files(self) -> dict[str, str]:
        """hash -> file the fiche was read from."""
        return dict(self._db.execute("SELECT hash, file FROM fiches"))

    def titles(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT code, title FROM fiches ORDER BY code"))

    def certification(self, code: str) -> Certification | None:
        row = self._db.execute("SELECT certification FROM fiches WHERE code = ?", (code,)).fetchone()
        return Certification.model_validate_json(row[0]) if row else None

    def certifications(self) -> Iterator[Certification]:
        for (payload,) in self._db.execute("SELECT certification FROM fiches ORDER BY code"):
            yield Certification.model_validate_json(payload)

    def codes_with_rome(self, rome: str) -> list[str]:
        """Certifications whose fiche lists this ROME code (a text search first, then an exact check)."""
        rows = self._db.execute("SELECT code, certification FROM fiches WHERE certification LIKE ? ORDER BY code",
                                (f'%"{rome}"%',))
        return [code for code, payload in rows
                if any(r.code == rome for r in Certification.model_validate_json(payload).rome)]

    def chunk_ids(self) -> list[str]:
        return list(self.iter_chunk_ids())

    def iter_chunk_ids(self) -> Iterator[str]:
        """Every live chunk's id, read as it goes: 330 000 ids held at once took ~40 MB."""
        for row in self._db.execute("SELECT id FROM chunks ORDER BY rowid"):
            yield row[0]

    def live_among(self, ids: list[str]) -> set[str]:
        """Those of `ids` that are live chunks."""
        live: set[str] = set()
        for start in range(0, len(ids), 500):
            batch = ids[start:start + 500]
            marks = ",".join("?" * len(batch))
            live.update(row[0] for row in self._db.execute(f"SELECT id FROM chunks WHERE id IN ({marks})", batch))
        return live

    def chunk_codes(self) -> list[tuple[str, str]]:
        """(id, certification code) of every live chunk, in a stable order."""
        return [(row[0], row[1]) for row in self._db.execute("SELECT id, code FROM chunks ORDER BY rowid")]

    def chunk_rows(self) -> Iterator[tuple[str, str, str]]:
        """(id, code, text) of every live chunk, in a stable order."""
        yield from self._db.execute("SELECT id, code, text FROM chunks ORDER BY rowid")

    def chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        wanted = list(ids)
        found: dict[str, Chunk] = {}
        for start in range(0, len(wanted), 500):
            batch = wanted[start:start + 500]
            marks = ",".join("?" * len(batch))
            for row in self._db.execute(
                f"SELECT id, code, section, bloc, title, text, fiche_hash FROM chunks WHERE id IN ({marks})", batch
            ):
                found[row[0]] = Chunk(id=row[0], code=row[1], section=row[2], bloc=row[3], title=row[4],
                                      text=row[5], fiche_hash=row[6])
        return found

    def count(self, table: str) -> int:
        assert table in ("fiches", "chunks")
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def remove_fiche(self, fiche_hash: str) -> None:
        self._db.execute("DELETE FROM fiches WHERE hash = ?", (fiche_hash,))

    def add_fiche(self, fiche_hash: str, certification: Certification, file: str, chunks: list[Chunk]) -> None:
        self._db.execute(
            "INSERT INTO fiches(hash, code, file, title, active, certification) VALUES (?, ?, ?, ?, ?, ?)",
            (fiche_hash, certification.code, file, certification.title,
             None if certification.active is None else int(certification.active),
             certification.model_dump_json()),
        )
        self._db.executemany(
            "INSERT INTO chunks(id, fiche_hash, code, section, bloc, title, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(c.id, c.fiche_hash, c.code, c.section, c.bloc, c.title, c.text) for c in chunks],
        )

    def move_fiche(self, fiche_hash: str, certification: Certification, file: str) -> None:
        """Same content read from another file: only its provenance changes."""
        self._db.execute("UPDATE fiches SET file = ?, certification = ? WHERE hash = ?",
                         (file, certification.model_dump_json(), fiche_hash))

    def record(self, values: dict[str, object]) -> None:
        for key, value in values.items():
            self.set(key, value if isinstance(value, str) else json.dumps(value))
