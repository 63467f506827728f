"""Run `vae-assistant serve` as a child process on a free 127.0.0.1 port and wait until it answers.

Owned by the start-up benchmark (`vae-assistant bench`), which must time the real command started the way a
user starts it; the web tests reuse it to serve the app they drive, and stop it cleanly afterwards.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    def __init__(self, url: str, process: subprocess.Popen, log: Path, seconds_to_answer: float) -> None:
        self.url, self.process, self.log = url, process, log
        self.seconds_to_answer = seconds_to_answer  # from the command's start to the first page served

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serve(index: Path, log: Path, auth: str | None = None, timeout: float = 120,
          environ: dict[str, str] | None = None, module: str = "assistant.cli") -> Iterator[Served]:
    """`python -m MODULE serve`: the CLI itself, or an entry point that adds to it (the benchmark's)."""
    port = free_port()
    env = {**os.environ, **(environ or {}), "VAE_INDEX": str(index)}
    env.pop("VAE_AUTH", None)
    if auth:
        env["VAE_AUTH"] = auth
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-m", module, "serve", "--port", str(port)],
                                   stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"serve stopped: {log.read_text(encoding='utf-8')}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"serve did not answer on {url}") from None
                time.sleep(0.1)
        yield Served(url, process, log, time.perf_counter() - started)
    finally:
        stop(process)


def stop(process: subprocess.Popen, grace: float = 20) -> None:
    """Ask a server to stop, and end it if it has not within `grace` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
