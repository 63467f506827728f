"""A real `chroma run` on a free 127.0.0.1 port, started and stopped around a measure or a test.

The memory benchmark needs it to tell the indexer's own memory from the vector store's (in server mode the
vectors live in the server process); the server-mode tests drive the index against it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.bench.served_app import free_port, stop

START_TIMEOUT = 60.0  # seconds


@dataclass
class ChromaServer:
    url: str
    process: subprocess.Popen

    def peak_rss_mb(self) -> float:
        """The server's peak resident memory so far (Linux's VmHWM), in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="utf-8")
        line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024


@contextmanager
def chroma_server(data: Path) -> Iterator[ChromaServer]:
    """Serve the Chroma store in `data` until the block ends; telemetry off."""
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False", CHROMA_TELEMETRY="False")
    process = subprocess.Popen([chroma, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"le serveur Chroma n'a pas démarré sur {url}") from None
                time.sleep(0.3)
        yield ChromaServer(url, process)
    finally:
        stop(process)
