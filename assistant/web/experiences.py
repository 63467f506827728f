"""'Mes expériences': experiences pasted or a CV uploaded, mapped to the units of a certification (or the
certifications of the corpus ranked), with the coverage of every unit drawn as bars.

The candidate's text stays in the page and in memory for the request: never logged, never stored.
"""

from __future__ import annotations

import html
from pathlib import Path

from assistant.mapping.experiences import ExperienceError, read_experiences
from assistant.mapping.mapper import ExperienceMapper
from assistant.mapping.models import Mapping
from assistant.mapping.ranking import rank_certifications

LEVEL_COLOURS = {"bien couvert": "#2e7d32", "partiellement couvert": "#ef8f00", "non couvert": "#9e9e9e"}


def mapping_markdown(mapping: Mapping) -> str:
    lines = [f"### {mapping.certification} — {mapping.title}", ""]
    for item in mapping.experiences:
        period = f" ({item.period})" if item.period else ""
        lines.append(f"**Expérience {item.experience} : {item.title}**{period}")
        if not item.matches:
            lines.append("- aucun bloc ne correspond clairement à cette expérience")
        for match in item.matches[:3]:
            lines.append(f"- **{match.unit}** {match.label} — score {match.score:.2f}")
            for evidence in match.evidence:
                shared = f" (en commun : {', '.join(evidence.words)})" if evidence.words else ""
                lines.append(f"    - « {evidence.experience} » ↔ « {evidence.fiche} »{shared}")
        lines.append("")
    lines.append(f"_{mapping.suggestion}_")
    return "\n".join(lines)


def coverage_html(mapping: Mapping) -> str:
    """One bar per unit, its length the best score, its colour the coverage level: readable at a glance."""
    rows = []
    for unit in mapping.coverage:
        colour = LEVEL_COLOURS[unit.level]
        width = max(2, round(unit.score * 100))
        experiences = ", ".join(str(n) for n in unit.experiences) or "—"
        rows.append(
            f'<tr><td class="unit"><b>{html.escape(unit.unit)}</b><br><small>{html.escape(unit.label)}</small></td>'
            f'<td class="bar"><div style="background:{colour};width:{width}%;height:14px;border-radius:3px"></div>'
            f'<small style="color:{colour}">{unit.level}</small></td>'
            f"<td><small>expériences : {experiences}</small></td></tr>")
    return ('<table class="coverage" style="width:100%;border-collapse:collapse">'
            '<thead><tr><th style="text-align:left">Bloc</th><th style="text-align:left;width:45%">Couverture</th>'
            '<th style="text-align:left">Étayé par</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def analyse(mapper: ExperienceMapper, certification: str | None, text: str | None,
            upload: str | None) -> tuple[str, str]:
    """(details in Markdown, coverage chart in HTML) for the Gradio tab."""
    try:
        experiences = read_experiences(text, Path(upload) if upload else None)
    except ExperienceError as error:
        return f"⚠️ {error}", ""
    if not certification:
        fits = rank_certifications(mapper, experiences)
        if not fits:
            return "Aucune certification des fiches ne correspond clairement aux expériences décrites.", ""
        lines = ["### Certifications les mieux couvertes par vos expériences", ""]
        lines += [f"{n}. **{f.certification}** {f.title} — {f.covered}/{f.units} blocs couverts "
                  f"(score {f.rate:.2f}), surtout {', '.join(f.best_units)}" for n, f in enumerate(fits, start=1)]
        lines += ["", "_Choisissez une certification pour le détail bloc par bloc._"]
        return "\n".join(lines), ""
    mapping = mapper.map(certification, experiences)
    return mapping_markdown(mapping), coverage_html(mapping)
