"""`vae-assistant` with the benchmark's embedders registered (`python -m assistant.bench.cli serve ...`).

The library never imports the benchmark, so a command run on an index of hashed vectors (the start-up
benchmark's `serve`, tests that index in a child process) goes through this entry point.
"""

from __future__ import annotations

import assistant.bench.hashed_embedder  # noqa: F401 - registers "bench-hashed"
from assistant.cli import main

if __name__ == "__main__":
    main()
