"""One writer at a time: the index folder's lock, taken by `index` (and `index --verify`) for their whole run.

Two runs writing one index at once lose vectors for good (each sweeps away what the other has just
written, and Chroma's embedded store is not safe for two writing processes: trials ended in a segfault and
in an HNSW segment that no longer loads). So a second run waits a bounded time, then stops with a message
naming the run that holds the lock.

The lock is the kernel's (`flock` on `index.lock`): it belongs to the open file, so it disappears with its
process however that process ends, kill -9 included. A lock left by a killed run is therefore never in the
way; the file stays (removing it would let a third run lock a new file while a second holds the old one)
and only says who held it last. Searches take no lock: a committed catalog is always a whole state.
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from assistant.errors import AssistantError

FILE_NAME = "index.lock"
POLL_SECONDS = 0.2


class IndexBusyError(AssistantError):
    """Another run holds the index folder's lock."""

    def __init__(self, folder: Path, holder: str, waited: float) -> None:
        waited_text = f"après {waited:g} s d'attente, " if waited else ""
        super().__init__(
            f"{waited_text}l'index {folder} est en cours d'écriture par un autre « vae-assistant index » "
            f"({holder or 'processus inconnu'}) : deux écritures à la fois perdraient des vecteurs. Attendez qu'il "
            "finisse, ou relancez avec --wait SECONDES pour l'attendre"
        )
        self.folder = folder
        self.holder = holder


def _holder(handle) -> str:
    handle.seek(0)
    return handle.read(200).strip()


@contextmanager
def index_lock(folder: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the folder's lock for the block; wait up to `wait` seconds for it, then raise IndexBusyError."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = (folder / FILE_NAME).open("a+", encoding="utf-8")
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexBusyError(folder, _holder(handle), wait) from None
                time.sleep(min(POLL_SECONDS, max(deadline - time.monotonic(), 0.01)))
        handle.seek(0)
        handle.truncate()
        handle.write(f"processus {os.getpid()} sur {socket.gethostname()}, "
                     f"commencé à {datetime.now().strftime('%H:%M:%S')}")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()
