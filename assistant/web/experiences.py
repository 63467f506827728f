"""'Mes expériences': experiences pasted or a CV uploaded, mapped to the units of a certification (or the
certifications of the corpus ranked), with the coverage of every unit drawn as bars.

The candidate's text stays in the page and in memory for the request: never logged, never stored.
"""

from __future__ import annotations

from pathlib import Path

from assistant.mapping.experiences import ExperienceError, read_experiences
from assistant.mapping.mapper import ExperienceMapper
from assistant.mapping.ranking import rank_certifications
from assistant.render.mapping import coverage_html, mapping_markdown, ranking_markdown


def analyse(mapper: ExperienceMapper, certification: str | None, text: str | None,
            upload: str | None) -> tuple[str, str]:
    """(details in Markdown, coverage chart in HTML) for the Gradio tab."""
    try:
        experiences = read_experiences(text, Path(upload) if upload else None)
    except ExperienceError as error:
        return f"⚠️ {error}", ""
    if not certification:
        return ranking_markdown(rank_certifications(mapper, experiences)), ""
    mapping = mapper.map(certification, experiences)
    return mapping_markdown(mapping), coverage_html(mapping)
