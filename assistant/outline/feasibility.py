"""The dossier de faisabilité, pre-filled from the mapping: for each bloc, France VAE asks the candidate
"oui / non / partiellement" with a comment; the answer follows the bloc's coverage and the comment is the
evidence (the candidate's sentence and the competence it shows). A draft for the candidate to check and
correct with an accompagnateur, never a decision."""

from __future__ import annotations

from datetime import date

from assistant.answer import cite
from assistant.certification import Certification, Route, UnitKind
from assistant.mapping.experiences import Experience
from assistant.mapping.models import Mapping, UnitCoverage
from assistant.outline.model import Outline, Section

ANSWERS = {"bien couvert": "oui", "partiellement couvert": "partiellement", "non couvert": "non"}
COMMENT_EVIDENCE = 3


def comment(coverage: UnitCoverage, experiences: dict[int, Experience]) -> str:
    """The evidence behind a bloc's answer, in the candidate's words and the fiche's."""
    if not coverage.evidence:
        return ("Aucune des expériences décrites ne montre les compétences de ce bloc ; à compléter si une autre "
                "expérience (professionnelle, bénévole, syndicale) les montre.")
    lines = []
    for evidence in coverage.evidence[:COMMENT_EVIDENCE]:
        number = next((n for n in coverage.experiences if evidence.experience in experiences[n].text), None)
        where = f"{experiences[number].label} : " if number is not None else ""
        lines.append(f"{where}« {evidence.experience} » (compétence : « {evidence.fiche} »)")
    more = coverage.evidenced - COMMENT_EVIDENCE
    suffix = f" ; et {more} autre(s) compétence(s) étayée(s)" if more > 0 else ""
    return "\n".join(lines) + suffix + f"\n{coverage.evidenced} compétence(s) sur {coverage.requirements} étayée(s)."


def build_feasibility(c: Certification, mapping: Mapping, experiences: list[Experience],
                      today: date | None = None) -> Outline:
    today = today or date.today()
    units = "blocs de compétences" if c.blocs else "activités"
    outline = Outline(
        title=f"Dossier de faisabilité — {c.title}",
        subtitle=f"Certification {c.code} · pré-rempli le {today.strftime('%d/%m/%Y')}",
        certification=c.code,
        subject=f"Dossier de faisabilité VAE pour la certification {c.code}",
        keywords=f"VAE, dossier de faisabilité, {c.code}",
        notice=("Brouillon pré-rempli à partir des expériences décrites et de la fiche "
                f"{c.code} (France compétences, {c.fiche_url}) : relisez chaque réponse avec votre "
                "accompagnateur et corrigez-la. Seul le certificateur juge la recevabilité, seul le jury les acquis."),
    )
    by_number = {e.number: e for e in experiences}
    summary = Section(heading=f"Vos {units} : oui, non ou partiellement")
    coverage = {cov.unit: cov for cov in mapping.coverage}
    summary.table(["Bloc", "Intitulé", "Réponse"],
                  [[u.code, u.title, ANSWERS[coverage[u.code].level]] for u in c.units])
    outline.sections.append(summary)
    for unit in c.units:
        cov = coverage[unit.code]
        section = Section(heading=f"{unit.code} — {unit.title}", level=2)
        section.paragraph(f"Avez-vous exercé les activités de ce bloc ? {ANSWERS[cov.level]}")
        section.paragraph("Commentaire (ce qui le montre dans vos expériences) :")
        section.paragraph(comment(cov, by_number))
        kind = "bloc" if unit.kind == UnitKind.BLOC else "unite"
        outline.quote(section, unit.title, cite(c, kind, unit.title, unit.code))
        section.space(2, "À compléter ou corriger")
        outline.sections.append(section)
    closing = Section(heading="Et ensuite")
    closing.paragraph(mapping.suggestion)
    vae = c.route(Route.VAE)
    if vae is not None and vae.open is False:
        closing.paragraph(f"Attention : la fiche {c.code} indique que la voie de la VAE n'est pas ouverte.")
    if c.active is False:
        closing.paragraph(f"Attention : la fiche {c.code} n'est plus active ; vérifiez avec le certificateur "
                          "qu'elle peut encore être obtenue.")
    outline.sections.append(closing)
    return outline
