"""The C allocator's share of the indexer's memory: few arenas, and freed memory handed back between shards.

Chroma's native threads allocate through glibc's malloc, which gives each thread an arena of its own (up to
eight per core). A shard's vectors freed when the indexer closes Chroma stayed scattered over those arenas,
so each shard began higher than the one before. With the real model and shards of 20 000 passages, a
10 000-fiche build peaked at 596 MB when its first shard was full and 633 MB at the second; with two
arenas and `malloc_trim` at each shard, 567 and 570 MB (`vae-assistant bench --part memoire-modele`).
A one-off probe with hashed vectors (1 000 fiches, shards of 4 000) showed the same: shards starting from
135 up to 246 MB before, between 121 and 171 MB after.

Both are glibc's own calls, reached through ctypes; elsewhere (musl, macOS) they do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

M_ARENA_MAX = -8  # mallopt's parameter number (malloc.h)
ARENAS = 2


@lru_cache(maxsize=1)
def _glibc():
    name = ctypes.util.find_library("c")
    try:
        library = ctypes.CDLL(name or "libc.so.6")
        return library if hasattr(library, "mallopt") and hasattr(library, "malloc_trim") else None
    except OSError:
        return None


def limit_arenas() -> bool:
    """Few malloc arenas for the threads created from now on; whether the allocator took it."""
    library = _glibc()
    return bool(library is not None and library.mallopt(M_ARENA_MAX, ARENAS))


def hand_back_freed_memory() -> None:
    """Return the allocator's free pages to the system (after a shard is closed)."""
    library = _glibc()
    if library is not None:
        library.malloc_trim(0)
