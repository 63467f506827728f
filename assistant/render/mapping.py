"""A Mapping (and a ranking of certifications) for people: plain text for the CLI, Markdown and HTML bars for
the web app, a short cited answer for the chat. One place, so the three faces say the same thing the same
way: every link shows the candidate's sentence, the requirement it evidences and why; a bar's length is the
share of the unit's requirements evidenced, so it never contradicts its level.
"""

from __future__ import annotations

import html

from assistant.answer import Answer, Citation
from assistant.certification import registration_ended
from assistant.mapping.models import CertificationFit, CertificationStatus, Evidence, Mapping, UnitMatch
from assistant.mapping.suggestion import JURY_DECIDES
from assistant.render.counts import agreed
from assistant.render.shortened import shortened

LEVEL_COLOURS = {"bien couvert": "#2e7d32", "partiellement couvert": "#ef8f00", "non couvert": "#9e9e9e"}
TEXT_COLOURS = {"bien couvert": "#1b5e20", "partiellement couvert": "#8a4500", "non couvert": "#4d4d4d"}
SHOWN_MATCHES = 3


def units_word(mapping: Mapping) -> str:
    return "blocs" if any(c.kind == "bloc" for c in mapping.coverage) else "activités"


def status_label(status: CertificationStatus) -> str:
    """'active, enregistrée jusqu'au 31/08/2028, VAE ouverte' — what to know before aiming at it. A fiche
    still flagged active whose registration has ended is not called active: the date decides (an export can
    be older than today), as everywhere a status is shown."""
    ended = registration_ended(status.registration_end)
    parts = ["inactive" if status.active is False else "" if ended else "active" if status.active
             else "statut non précisé"]
    if status.registration_end:
        verb = "enregistrement terminé le" if ended else "enregistrée jusqu'au"
        parts.append(f"{verb} {status.registration_end.strftime('%d/%m/%Y')}")
    if status.vae_open is not None:
        parts.append("VAE ouverte" if status.vae_open else "VAE fermée")
    return ", ".join(part for part in parts if part)


QUOTED_CHARS = 200  # a long evidence (a whole job of several lines) is cut: its start recalls it to the candidate


def evidence_line(evidence: Evidence) -> str:
    what = "l'intitulé" if evidence.kind == "intitulé" else "la compétence"
    said = shortened(evidence.experience, QUOTED_CHARS, " …")
    return f"« {said} » → {what} « {evidence.fiche} » ({evidence.why})"


def coverage_line(mapping: Mapping, unit: str) -> str:
    coverage = next(c for c in mapping.coverage if c.unit == unit)
    if coverage.level == "non couvert":
        return f"{coverage.unit} : non couvert"
    behind = ", ".join(str(n) for n in coverage.experiences)
    requirements = agreed(coverage.evidenced, "exigence", "exigences")
    evidenced = agreed(coverage.evidenced, "étayée", "étayées")
    experiences = agreed(len(coverage.experiences), "expérience", "expériences")
    return (f"{coverage.unit} : {coverage.level} ({coverage.evidenced} {requirements} sur {coverage.requirements} "
            f"{evidenced}, {experiences} {behind})")


def _plainly(mapping: Mapping) -> str:
    return (f"Aucune des expériences décrites n'étaye les {units_word(mapping)} de {mapping.certification} : "
            "cette certification ne semble pas correspondre à ce parcours.")


def mapping_text(mapping: Mapping) -> str:
    lines = [f"{mapping.certification} {mapping.title}"]
    if mapping.fits_nothing:
        lines += ["", _plainly(mapping)]
    for item in mapping.experiences:
        lines += ["", f"Expérience {item.experience} : {item.title}"]
        if not item.matches:
            lines.append(f"  n'étaye clairement aucun des {units_word(mapping)}")
        for match in item.matches[:SHOWN_MATCHES]:
            lines.append(f"  {match.unit} {match.label}")
            lines += [f"     {evidence_line(e)}" for e in match.evidence]
    lines += ["", "Couverture :"]
    lines += [f"  {coverage_line(mapping, c.unit)}" for c in mapping.coverage]
    lines += ["", mapping.suggestion]
    return "\n".join(lines)


def mapping_markdown(mapping: Mapping) -> str:
    lines = [f"### {mapping.certification} — {mapping.title}", ""]
    if mapping.fits_nothing:
        lines += [f"**{_plainly(mapping)}**", ""]
    for item in mapping.experiences:
        period = f" ({item.period})" if item.period else ""
        lines.append(f"**Expérience {item.experience} : {item.title}**{period}")
        if not item.matches:
            lines.append(f"- n'étaye clairement aucun des {units_word(mapping)}")
        for match in item.matches[:SHOWN_MATCHES]:
            lines.append(f"- **{match.unit}** {match.label}")
            lines += [f"    - {evidence_line(e)}" for e in match.evidence]
        lines.append("")
    lines.append(f"_{mapping.suggestion}_")
    return "\n".join(lines)


def coverage_html(mapping: Mapping) -> str:
    """One bar per unit: its length the share of requirements evidenced, its colour the level; the words
    beside it in a darker shade of that colour (4.5:1 on white), the table scrollable on a phone."""
    rows = []
    for unit in mapping.coverage:
        width = max(2, round(unit.score * 100)) if unit.evidenced else 0
        behind = (f"{unit.evidenced}/{unit.requirements} exigences ; expériences : "
                  + ", ".join(str(n) for n in unit.experiences)) if unit.evidenced else "—"
        rows.append(
            f'<tr><td class="unit"><b>{html.escape(unit.unit)}</b><br><small>{html.escape(unit.label)}</small></td>'
            f'<td class="bar"><div style="background:{LEVEL_COLOURS[unit.level]};width:{width}%;height:14px;'
            f'border-radius:3px"></div><small class="level" style="color:{TEXT_COLOURS[unit.level]}">'
            f"{html.escape(unit.level)}</small><br><small>{html.escape(behind)}</small></td></tr>")
    return ('<div class="coverage-wrap"><table class="coverage"><thead><tr><th>Bloc</th>'
            '<th class="bar">Couverture</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>")


def _fit_line(fit: CertificationFit) -> str:
    well = f", dont {fit.well} {agreed(fit.well, 'bien couverte', 'bien couvertes')}" if fit.well else ""
    return (f"{fit.certification} {fit.title} [{status_label(fit.status)}] : {fit.covered}/{fit.units} unités "
            f"étayées{well} ; surtout {', '.join(fit.best_units)}")


def ranking_text(fits: list[CertificationFit]) -> str:
    if not fits:
        return "Aucune certification du corpus n'est étayée par les expériences décrites."
    return "\n".join(f"{rank}. {_fit_line(fit)}" for rank, fit in enumerate(fits, start=1))


def ranking_markdown(fits: list[CertificationFit]) -> str:
    if not fits:
        return "Aucune certification des fiches n'est étayée par les expériences décrites."
    lines = ["### Certifications les mieux étayées par vos expériences", ""]
    lines += [f"{rank}. **{fit.certification}** {_fit_line(fit).removeprefix(fit.certification + ' ')}"
              for rank, fit in enumerate(fits, start=1)]
    lines += ["", "_Les certifications inactives ou dont l'enregistrement est terminé viennent après les autres. "
              "Choisissez une certification pour le détail bloc par bloc._"]
    return "\n".join(lines)


def chat_mapping(mapping: Mapping, code: str) -> Answer:
    """The chat's answer to "ça correspond à quel bloc ?": the strongest unit, its evidence, cited."""
    matches: list[UnitMatch] = sorted((m for e in mapping.experiences for m in e.matches), key=lambda m: -m.score)
    units = units_word(mapping)
    if not matches:
        return Answer(
            text=(f"D'après ce que vous décrivez, je ne trouve aucun rapprochement clair avec les {units} de {code} "
                  f"({mapping.title}). Décrivez plus concrètement ce que vous avez fait (missions, outils, "
                  f"publics, résultats), ou consultez la liste des {units} de la fiche. {JURY_DECIDES}"),
            declined=True, certification=code)
    best, others = matches[0], [m for m in matches[1:] if m.unit != matches[0].unit][:2]
    lead = f"Cette expérience correspond surtout à {best.unit} « {best.label} » ({code})"
    evidence = best.evidence[0] if best.evidence else None
    if evidence and evidence.fiche != best.label:
        words = f" (en commun : {', '.join(evidence.words)})" if evidence.words else ""
        lead += f" : la fiche y demande « {evidence.fiche} »{words}"
    lines = [lead + " [1]."]
    lines += [f"Elle peut aussi étayer {other.unit} « {other.label} » [{number}]."
              for number, other in enumerate(others, start=2)]
    lines.append(JURY_DECIDES)
    citations: list[Citation] = [m.citation for m in [best, *others]]
    return Answer(text="\n".join(lines), citations=citations, certification=code)


def chat_ranking(fits: list[CertificationFit]) -> Answer:
    """The chat's answer when no certification is chosen: the certifications the experience evidences."""
    if not fits or fits[0].best_match is None:
        return Answer(text=("Je ne trouve dans les fiches aucune certification que cette expérience étaye "
                            "clairement. Choisissez une certification ou décrivez plus concrètement vos missions."),
                      declined=True)
    top = fits[0].best_match
    fits = [f for f in fits if f.best_match is not None]  # each certification listed is cited by its best link
    listed = " ; ".join(f"{f.certification} ({f.title}, {status_label(f.status)}) [{n}]"
                        for n, f in enumerate(fits, start=1))
    text = (f"Sans certification choisie, les fiches que cette expérience étaye le mieux sont : {listed}. "
            f"Pour {fits[0].certification}, elle correspond surtout à {top.unit} « {top.label} » [1]. "
            "Choisissez une certification pour voir le détail bloc par bloc. "
            f"{JURY_DECIDES}")
    return Answer(text=text, citations=[f.best_match.citation for f in fits], certification=None)
