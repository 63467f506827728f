"""`vae-assistant serve` with the benchmark's embedders registered: what the start-up benchmark runs.

The library never imports the benchmark, so a served index of hashed vectors needs this entry point.
"""

from __future__ import annotations

import assistant.bench.hashed_embedder  # noqa: F401 - registers "bench-hashed"
from assistant.cli import main

if __name__ == "__main__":
    main()
