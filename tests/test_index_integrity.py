"""Nothing lost: one writer at a time, vectors checked rather than assumed, and `index --verify` to say so.

The concurrent and kill -9 tests run `vae-assistant index` as real processes on a synthetic export of
300 fiches (about 8 600 passages), long enough for two runs to overlap; they use the hashed embedder, since
what is tested is who writes to Chroma and the catalog, not what the vectors mean. Chroma is the real one.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.bench.hashed_embedder import HashedEmbeddings
from assistant.bench.synthetic_export import write_synthetic_export
from assistant.cli import app
from assistant.index.builder import build_index
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore, DenseStoreError
from assistant.index.lock import FILE_NAME as LOCK_FILE
from assistant.index.lock import IndexBusyError, index_lock
from assistant.index.search import SearchIndex
from assistant.index.vector_fill import read_state
from assistant.index.verify import stored_apart, verify_index
from assistant.settings import Settings

from .conftest import CORPUS, ROOT, SAMPLE_EXPORT

runner = CliRunner()
HASHED = "bench-hashed"
SYNTHETIC_FICHES = 300


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "corpus"
    write_synthetic_export(SAMPLE_EXPORT, folder / "export.xml", SYNTHETIC_FICHES)
    return folder


def index_process(corpus: Path, index: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "assistant.bench.cli", "index", "--corpus", str(corpus), "--index",
                             str(index), "--embedder", HASHED, *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition, what: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.05)


def lock_taken(index: Path) -> bool:
    path = index / LOCK_FILE
    return path.exists() and path.read_text(encoding="utf-8").startswith("processus")


def forget_chroma_clients() -> None:
    """Chroma keeps one client per folder in a process and its state in memory: after another process (or an
    rmtree) changed the folder, this test process must open it afresh, as a new command would."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def verify(index: Path):
    forget_chroma_clients()
    return runner.invoke(app, ["index", "--verify", "--index", str(index), "--embedder", HASHED])


def assert_nothing_missing(index: Path, fiches: int) -> None:
    result = verify(index)
    assert result.exit_code == 0, result.output
    assert f"{fiches} fiche(s)" in result.stdout and "; 0 manquant" in result.stdout
    forget_chroma_clients()
    found = verify_index(Settings(index=index, embedder=HASHED))
    assert found.ok and found.missing == [] and found.with_vector == found.chunks > 0


# -- the lock --------------------------------------------------------------------------------------------
def test_a_second_writer_stops_at_once_naming_the_first(tmp_path):
    with index_lock(tmp_path):
        started = time.monotonic()
        with pytest.raises(IndexBusyError, match=rf"en cours d'écriture .*\(processus {os.getpid()} sur "):
            with index_lock(tmp_path):
                pass
        assert time.monotonic() - started < 1.0
        with pytest.raises(IndexBusyError, match="après 0.5 s d'attente"):
            with index_lock(tmp_path, wait=0.5):
                pass
        assert time.monotonic() - started >= 0.5
    with index_lock(tmp_path):  # released: free again
        pass


def test_a_lock_left_by_a_killed_process_is_no_obstacle(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from assistant.index.lock import index_lock\n"
                               "with index_lock(Path(sys.argv[1])):\n    time.sleep(600)", str(tmp_path)], cwd=ROOT)
    try:
        wait_for(lambda: lock_taken(tmp_path), "the child never took the lock")
        with pytest.raises(IndexBusyError, match=f"processus {holder.pid} "):
            with index_lock(tmp_path):
                pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert lock_taken(tmp_path)  # the file still names the dead process...
    with index_lock(tmp_path, wait=0):  # ...and is no obstacle
        pass


# -- two runs at once --------------------------------------------------------------------------------------
def test_two_index_runs_at_once_never_both_write_and_lose_nothing(big_corpus, tmp_path):
    index = tmp_path / "index"
    first = index_process(big_corpus, index)
    wait_for(lambda: lock_taken(index) or first.poll() is not None, "the first run never took the lock")
    waiting = index_process(big_corpus, index, "--wait", "300")
    second = index_process(big_corpus, index)
    out, err = second.communicate(timeout=120)
    assert first.poll() is None, "the first run ended before the second started: they did not overlap"
    assert second.returncode == 1, out + err
    assert "est en cours d'écriture par un autre « vae-assistant index »" in err and "--wait" in err
    assert "Traceback" not in err
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert f"{SYNTHETIC_FICHES} ajoutée(s)" in out
    out, err = waiting.communicate(timeout=600)
    assert waiting.returncode == 0, err
    # it waited, then found nothing to do
    assert "0 ajoutée(s), 0 retirée(s)" in out and "0 passage(s) vectorisé(s)" in out
    assert_nothing_missing(index, SYNTHETIC_FICHES)


# -- vectors checked, not assumed --------------------------------------------------------------------------
@pytest.fixture()
def seed_index(tmp_path) -> Settings:
    settings = Settings(corpus=[CORPUS], index=tmp_path / "index", embedder=HASHED)
    assert build_index(settings).fiches == 2
    return settings


def test_a_deleted_chroma_folder_is_found_and_embedded_again(seed_index):
    catalog = Catalog(seed_index.index)
    total = catalog.count("chunks")  # every passage of the two seed fiches
    catalog.close()
    shutil.rmtree(seed_index.index / "chroma")
    forget_chroma_clients()
    searched = runner.invoke(app, ["search", "jury", "--index", str(seed_index.index), "--embedder", HASHED])
    assert searched.exit_code == 0, searched.output  # still answers, from the words alone, and says so
    assert f"Attention : au moins {total} passage(s) de l'index" in searched.stderr
    assert "Relancez « vae-assistant index --index" in searched.stderr
    found = verify(seed_index.index)
    assert found.exit_code == 1
    assert f"{total} passage(s) sur {total} sans vecteur dans Chroma, dans 2 fiche(s) : RNCP14437, RNCP31168" \
        in found.stderr
    assert "par exemple " in found.stderr and ":presentation::1" in found.stderr
    assert f"et {total - 5} autre(s)" in found.stderr
    forget_chroma_clients()
    repaired = runner.invoke(app, ["index", "--corpus", str(CORPUS), "--index", str(seed_index.index),
                                   "--embedder", HASHED])
    assert repaired.exit_code == 0, repaired.output
    assert "0 ajoutée(s)" in repaired.stdout
    assert f"{total} passage(s) vectorisé(s)" in repaired.stdout
    assert_nothing_missing(seed_index.index, 2)
    hit = SearchIndex(seed_index).search("composition du jury VAE", k=1, codes=["RNCP31168"])[0]
    assert hit.dense_rank is not None  # the dense half answers again, not BM25 alone


def test_vectors_lost_for_some_passages_are_named_and_repaired(seed_index):
    catalog = Catalog(seed_index.index)
    lost = [chunk_id for chunk_id, code in catalog.chunk_codes() if code == "RNCP14437"][:7]
    catalog.close()
    DenseStore(seed_index.index, HashedEmbeddings()).delete(lost)
    found = verify_index(seed_index)
    assert [chunk_id for chunk_id, _ in found.missing] == lost and found.missing_codes == ["RNCP14437"]
    report = build_index(seed_index)
    assert (report.added, report.embedded_chunks) == ([], 7)
    assert build_index(seed_index).embedded_chunks == 0
    assert verify_index(seed_index).ok


def test_verify_writes_nothing_and_needs_an_index(tmp_path):
    result = verify(tmp_path / "absent")
    assert result.exit_code == 1 and "aucun index dans" in result.stderr
    assert not (tmp_path / "absent").exists()


def crashing_reader(index: Path, url: str | None, dimension: int, ids: list[str]) -> tuple[set[str], int]:
    """What Chroma's native code did on a store two writers had damaged: a segfault."""
    os.kill(os.getpid(), signal.SIGSEGV)
    raise AssertionError("not reached")


def test_verify_survives_a_chroma_crash_and_says_what_to_do(tmp_path):
    with pytest.raises(DenseStoreError, match=r"Chroma s'est arrêté brutalement \(signal SIGSEGV\).*Supprimez le "
                                              r"dossier .*chroma puis relancez « vae-assistant index"):
        stored_apart(tmp_path, None, 384, ["a:b::1"], reader=crashing_reader)


# -- kill -9 -----------------------------------------------------------------------------------------------
def chroma_bytes(index: Path) -> int:
    return sum(p.stat().st_size for p in (index / "chroma").glob("chroma.sqlite3*"))


def test_a_run_killed_mid_vectors_keeps_every_fiche_and_the_next_one_completes(big_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index"
    assert build_index(Settings(corpus=[corpus], index=index, embedder=HASHED)).fiches == 2
    before = chroma_bytes(index)
    shutil.copy(big_corpus / "export.xml", corpus / "export.xml")
    doomed = index_process(corpus, index)
    wait_for(lambda: chroma_bytes(index) > before + 2_000_000 or doomed.poll() is not None,
             "the run wrote no vectors")
    assert doomed.poll() is None, "the run ended before it could be killed"
    doomed.send_signal(signal.SIGKILL)
    assert doomed.wait() == -signal.SIGKILL
    # the catalog and BM25 were switched before the vectors: every fiche answers; only new passages lack one
    forget_chroma_clients()
    found = verify_index(Settings(index=index, embedder=HASHED))
    assert found.fiches == SYNTHETIC_FICHES + 2 and found.missing
    assert not {"RNCP14437", "RNCP31168"} & set(found.missing_codes)  # the seeds' vectors are all there
    state = read_state(index)
    assert state.total == found.chunks and 0 < state.done <= state.total - len(found.missing)  # lags ≤ one write
    resumed = index_process(corpus, index)
    out, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err
    assert f"0 ajoutée(s), 0 retirée(s), {SYNTHETIC_FICHES + 2} inchangée(s) ; {len(found.missing)} passage(s) " \
           "vectorisé(s)" in out
    assert_nothing_missing(index, SYNTHETIC_FICHES + 2)
    settings = Settings(index=index, embedder=HASHED)
    forget_chroma_clients()
    assert DenseStore(index, HashedEmbeddings()).count() == Catalog(settings.index).count("chunks")  # swept
