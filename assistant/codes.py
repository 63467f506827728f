"""RNCP codes as people type them: '31168', 'RNCP 31168', 'rncp31168', 'RNCP31168BC02'."""

from __future__ import annotations

import re


def normalise_code(text: str) -> str | None:
    """The certification code (RNCP31168) of a typed code, or None when it is not one."""
    match = re.fullmatch(r"\s*(?:RNCP\s*)?(\d{3,6})(?:\s*BC\s*\d{1,2})?\s*", text, re.IGNORECASE)
    return f"RNCP{match.group(1)}" if match else None
