"""'Mes expériences': experiences pasted and a CV uploaded, mapped to the units of a certification (or the
certifications of the corpus ranked), with the coverage of every unit drawn as bars.

The candidate's words stay in memory for the session: the CV is read as soon as it arrives and its file
deleted; never logged, never stored. When both a text and a CV are given, both are used, and the page
says how many experiences came from each. Everything shown is escaped (`safe_html`): a bloc title or an
experience cannot bring an image or a link onto the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from assistant import ExperienceMapper, UsageError, resolve_certification
from assistant.mapping.experiences import Experience, ExperienceError, read_experiences_file, split_experiences
from assistant.mapping.models import Mapping
from assistant.mapping.ranking import rank_certifications
from assistant.render.counts import agreed, counted
from assistant.render.mapping import coverage_html, mapping_markdown, ranking_markdown
from assistant.render.safe_html import escape, markdown_html


def read_cv(path: str | None) -> tuple[list[Experience] | None, str]:
    """(the CV's experiences, what to tell the candidate); the uploaded file is deleted either way."""
    if not path:
        return None, ""
    file = Path(path)
    try:
        experiences = read_experiences_file(file)
    except ExperienceError as error:
        return None, f"⚠️ {error}"
    finally:
        file.unlink(missing_ok=True)
    found = agreed(len(experiences), "trouvée", "trouvées")
    return experiences, (f"CV lu : {counted(len(experiences), 'expérience')} {found}. Le fichier a été effacé du "
                         "serveur ; son texte sert le temps de votre visite.")


def gather(text: str | None, cv: list[Experience] | None) -> tuple[list[Experience], str]:
    """The pasted experiences, then the CV's, numbered in that order; and a line saying what was used."""
    pasted: list[Experience] = []
    if text and text.strip():
        pasted = split_experiences(text)
    elif not cv:
        split_experiences("")  # raises the "Aucune expérience" message
    cv = cv or []
    merged = pasted + [replace(e, number=len(pasted) + n) for n, e in enumerate(cv, start=1)]
    if pasted and cv:
        used = (f"J'ai utilisé votre texte ({counted(len(pasted), 'expérience')}) et votre CV "
                f"({counted(len(cv), 'expérience')}), "
                "numérotés dans cet ordre.")
    elif cv:
        used = f"J'ai utilisé votre CV ({counted(len(cv), 'expérience')})."
    else:
        used = f"J'ai utilisé votre texte ({counted(len(pasted), 'expérience')})."
    return merged, used


def progress(mapper: ExperienceMapper, certification: str | None) -> str:
    if certification:
        return f'<p class="progress">Je relie vos expériences aux blocs de {escape(certification)}…</p>'
    count = len(mapper.index.titles)
    return f'<p class="progress">Je compare vos expériences aux {count} certifications…</p>'


@dataclass(frozen=True)
class KeptMapping:
    """The last mapping of a session, kept in its server-side state (never in the browser, never on disk):
    the Livret 2 tab reuses it for the same certification and experiences instead of mapping them again."""

    certification: str
    texts: tuple[str, ...]
    mapping: Mapping

    def serves(self, certification: str, experiences: list[Experience]) -> bool:
        return certification == self.certification and tuple(e.text for e in experiences) == self.texts


def analyse_and_keep(mapper: ExperienceMapper, certification: str | None, text: str | None,
                     cv: list[Experience] | None) -> tuple[str, str, KeptMapping | None]:
    """(details as safe HTML, coverage chart as HTML, the mapping to keep for the session) for the Gradio tab."""
    try:
        experiences, used = gather(text, cv)
        if certification:  # the picker offers only known codes; a program calling the function may not
            certification = resolve_certification(certification, mapper.index.codes)
    except UsageError as error:
        return markdown_html(f"⚠️ {error}"), "", None
    note = f'<p class="used">{escape(used)}</p>'
    if not certification:
        return note + markdown_html(ranking_markdown(rank_certifications(mapper, experiences))), "", None
    mapping = mapper.map(certification, experiences)
    kept = KeptMapping(certification, tuple(e.text for e in experiences), mapping)
    return note + markdown_html(mapping_markdown(mapping)), coverage_html(mapping), kept


def analyse_experiences(mapper: ExperienceMapper, certification: str | None, text: str | None,
                        cv: list[Experience] | None) -> tuple[str, str]:
    """(details as safe HTML, coverage chart as HTML) for the Gradio tab."""
    details, chart, _ = analyse_and_keep(mapper, certification, text, cv)
    return details, chart
