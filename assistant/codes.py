"""RNCP codes as people type them: '31168', 'RNCP 31168', 'rncp31168', 'RNCP31168BC02'."""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.errors import UnknownCertificationError, UsageError


def normalise_code(text: str) -> str | None:
    """The certification code (RNCP31168) of a typed code, or None when it is not one."""
    match = re.fullmatch(r"\s*(?:RNCP\s*)?(\d{3,6})(?:\s*BC\s*\d{1,2})?\s*", text, re.IGNORECASE)
    return f"RNCP{match.group(1)}" if match else None


def resolve_certification(typed: str, known: Collection[str], where: str = "l'index") -> str:
    """The code of a certification the person chose (flag, web picker, API), or an error naming the problem.

    Every face goes through here, so an unknown code is refused the same way everywhere (exit status 2 in
    the CLI), never replaced by another certification."""
    code = normalise_code(typed)
    if code is None:
        raise UsageError(f"« {typed} » n'est pas un code RNCP (exemple : RNCP31168 ou 31168)")
    if code not in known:
        raise UnknownCertificationError(code, where)
    return code
