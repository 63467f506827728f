"""A long text cut where a reader sees it: at a word, with a mark that says it goes on."""

from __future__ import annotations


def shortened(text: str, limit: int, mark: str = "…") -> str:
    """The text itself when it holds in `limit` characters, else its start up to the last whole word, then
    `mark`."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + mark
