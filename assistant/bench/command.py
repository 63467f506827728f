"""Start-up of a command from the shell: `vae-assistant ask` on a question the fiche's fields answer,
timed from the command to its answer, in a fresh process each time (imports and index opening included).

Such an answer needs neither the model nor Chroma, so neither is loaded: the command should answer in
well under a second on an idle machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

RUNS = 3


@dataclass
class CommandFigure:
    command: str
    seconds_median: float
    seconds_min: float
    runs: int


def measure_ask(index: Path, embedder_spec: str, question: str) -> CommandFigure:
    argv = [sys.executable, "-m", "assistant.bench.cli", "ask", question, "--index", str(index),
            "--embedder", embedder_spec]
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, text=True, check=True)
        samples.append(time.perf_counter() - started)
    return CommandFigure(command=f'vae-assistant ask "{question}"', seconds_median=statistics.median(samples),
                         seconds_min=min(samples), runs=RUNS)
