"""The first item of each kind, in the order they came: strongest evidence first stays first."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

Item = TypeVar("Item")


def first_of_each(items: Iterable[Item], key: Callable[[Item], Hashable]) -> list[Item]:
    """Items whose key was not seen before, in their order ("each competence once, strongest first")."""
    kept: dict[Hashable, Item] = {}
    for item in items:
        kept.setdefault(key(item), item)
    return list(kept.values())
