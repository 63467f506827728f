"""A damaged catalog (garbage bytes in catalog.sqlite3) is a clear French error in every command that opens
it, never a sqlite3 traceback; `serve` shows its "index absent" page with that message instead of exiting.

The index here is the two seed fiches with the hashed embedder: what is tested is the catalog file, not
the vectors.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.index.builder import build_index
from assistant.index.catalog import FILE_NAME, Catalog
from assistant.index.errors import CatalogError
from assistant.index.search import SearchIndex
from assistant.settings import Settings

from .conftest import CORPUS, ROOT
from .web_server import serve

runner = CliRunner()
HASHED = "bench-hashed"


@pytest.fixture(scope="module")
def sound_index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sound") / "index"
    assert build_index(Settings(corpus=[CORPUS], index=folder, embedder=HASHED)).fiches == 2
    return folder


def damaged_copy(sound_index: Path, target: Path, at: int | None = None) -> Path:
    """A copy of the index whose catalog is all garbage (`at` None) or has garbage written from byte `at`."""
    shutil.copytree(sound_index, target)
    catalog = target / FILE_NAME
    if at is None:
        catalog.write_bytes(os.urandom(64) + b"garbage" * 4096)
    else:
        with catalog.open("r+b") as handle:
            handle.seek(at)
            handle.write(b"\xde\xad\xbe\xef" * 500)
    return target


@pytest.fixture()
def garbage_index(sound_index, tmp_path) -> Path:
    return damaged_copy(sound_index, tmp_path / "index")


def assert_clear(result, index: Path) -> None:
    assert result.exit_code == 1, result.output
    assert f"Erreur : le catalogue de l'index {index / FILE_NAME} est illisible" in result.stderr
    assert "vae-assistant index --index" in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_search_and_ask_say_the_catalog_is_damaged(garbage_index):
    for command in (["search", "jury"], ["ask", "Qui compose le jury ?"]):
        result = runner.invoke(app, [*command, "--index", str(garbage_index), "--embedder", HASHED])
        assert_clear(result, garbage_index)


def test_index_says_the_catalog_is_damaged_and_rebuilds_once_it_is_removed(garbage_index):
    args = ["index", "--corpus", str(CORPUS), "--index", str(garbage_index), "--embedder", HASHED]
    assert_clear(runner.invoke(app, args), garbage_index)
    (garbage_index / FILE_NAME).unlink()
    rebuilt = runner.invoke(app, args)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "2 ajoutée(s)" in rebuilt.stdout and "0 passage(s) vectorisé(s)" in rebuilt.stdout  # vectors reused


def test_a_damaged_schema_page_is_reported_by_the_library(sound_index, tmp_path):
    index = damaged_copy(sound_index, tmp_path / "index", at=100)
    with pytest.raises(CatalogError, match="database disk image is malformed"):
        SearchIndex(Settings(index=index, embedder=HASHED))


def test_the_command_itself_reports_a_damaged_catalog_without_traceback(garbage_index):
    """The installed entry point (not the test runner) as a user starts it."""
    result = subprocess.run([sys.executable, "-m", "assistant.bench.cli", "search", "jury", "--index",
                             str(garbage_index), "--embedder", HASHED],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert "Erreur : le catalogue de l'index" in result.stderr and "Traceback" not in result.stderr


def test_a_sound_catalog_passes_sqlite_check(sound_index):
    catalog = Catalog(sound_index)
    try:
        assert catalog.damage() is None
    finally:
        catalog.close()


def test_serve_shows_the_index_absent_page_with_the_message(garbage_index, tmp_path):
    with serve(garbage_index, tmp_path / "serve.log", environ={"VAE_EMBEDDER": HASHED},
               module="assistant.bench.cli") as server:
        config = urllib.request.urlopen(server.url + "config", timeout=10).read().decode("utf-8")
        assert server.process.poll() is None  # still serving
    assert "n'est pas prêt" in config and "le catalogue de l'index" in config and "illisible" in config
    assert "Traceback" not in server.output()
def test_verify_names_a_damaged_catalog(garbage_index):
    result = runner.invoke(app, ["index", "--verify", "--index", str(garbage_index), "--embedder", HASHED])
    assert_clear(result, garbage_index)


