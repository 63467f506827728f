"""A certification's status in a few words, shown next to its name wherever a person picks or reads it.

A candidate must see at once that a certification can no longer be obtained: the fiche's own flag, or the
end of its registration in the RNCP when that date has passed (an export can be older than today).
"""

from __future__ import annotations

from datetime import date

from assistant.certification import Certification, registration_ended
from assistant.render.fiche_text import french_date


def status_tag(active: bool | None, end: date | str | None, today: date | None = None) -> str:
    """"" for a certification a candidate can still obtain; otherwise what stops it, in French."""
    today = today or date.today()
    if isinstance(end, str):
        end = date.fromisoformat(end[:10])
    ended = registration_ended(end, today)
    if active is False:
        return f"inactive, enregistrement terminé le {french_date(end)}" if ended else "inactive"
    if ended:
        return f"enregistrement terminé le {french_date(end)}"
    return ""


def certification_status(certification: Certification, today: date | None = None) -> str:
    return status_tag(certification.active, certification.registration.end, today)


def name_with_status(code: str, title: str, tag: str) -> str:
    return f"{code} — {title}" + (f" ({tag})" if tag else "")
