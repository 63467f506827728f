"""The outline of a dossier de validation (livret 2), written the way the dossier is written.

Presentation of the candidate and the path, the organisations, then unit by unit (bloc, or activity of
an older fiche): what the fiche asks (quoted and cited), the experiences chosen with why, the activities
to describe with the prompts an accompagnateur would ask, the proofs to gather (from the modalités
d'évaluation), what the jury will look for; then the gaps. The candidate's words appear only where the
outline is written, never anywhere else.
"""

from __future__ import annotations

from datetime import date

from assistant.answer import cite
from assistant.certification import Certification, Route, Unit, UnitKind
from assistant.mapping.experiences import Experience
from assistant.mapping.mapper import unit_phrases
from assistant.mapping.models import Mapping, UnitCoverage
from assistant.outline.model import Outline, Section

DESCRIBE = [
    "Le contexte : la structure, votre poste, la période, pourquoi cette activité existait.",
    "Les tâches, dans l'ordre où vous les avez faites : ce que vous avez fait vous-même (écrivez « je »).",
    "Les moyens et les outils : logiciels, matériels, documents, budget, méthodes.",
    "Avec qui : collègues, responsables, partenaires, clients ou publics ; votre place parmi eux.",
    "Votre autonomie et vos responsabilités : ce que vous décidiez seul, ce que vous faisiez valider.",
    "Les résultats : ce qui a été produit, chiffres à l'appui, ce qui a marché ou non.",
    "Le recul : ce que vous referiez autrement, ce que cette expérience vous a appris.",
]
PROOFS = [
    "Documents que vous avez produits (plannings, budgets, supports, comptes rendus, rapports), anonymisés "
    "si besoin.",
    "Attestations d'employeurs ou de partenaires décrivant vos missions.",
    "Contrats, fiches de poste, organigrammes situant votre poste.",
]
PRESENTATION = [
    "Qui vous êtes et pourquoi vous demandez cette certification maintenant.",
    "Votre parcours de formation (diplômes, formations courtes).",
    "Votre parcours professionnel et bénévole dans l'ordre chronologique.",
]
ORGANISATIONS = [
    "Son activité, son statut (association, entreprise, collectivité…), sa taille, ses publics ou clients.",
    "Votre poste et sa place dans l'organigramme ; qui étaient vos interlocuteurs.",
]


def _unit_section(outline: Outline, c: Certification, unit: Unit, coverage: UnitCoverage, mapping: Mapping,
                  experiences: dict[int, Experience]) -> Section:
    section_name = "bloc" if unit.kind == UnitKind.BLOC else "unite"
    bloc = c.bloc(unit.code) if unit.kind == UnitKind.BLOC else None
    section = Section(heading=f"{unit.code} — {unit.title}", level=2)
    requirements = unit_phrases(c, unit)[1:] or [unit.title]
    section.paragraph("Ce que la fiche demande :")
    outline.quote(section, "\n".join(requirements), cite(c, section_name, "\n".join([unit.title, *requirements]),
                                                         unit.code))
    section.paragraph(f"Couverture par les expériences décrites : {coverage.level}.")
    chosen = [(m, match) for m in mapping.experiences for match in m.matches if match.unit == unit.code]
    if chosen:
        section.paragraph("Expérience(s) à décrire pour ce bloc :" if bloc else "Expérience(s) à décrire :")
        lines = []
        for experience_mapping, match in sorted(chosen, key=lambda pair: -pair[1].score):
            experience = experiences[experience_mapping.experience]
            why = "; ".join(f"« {e.experience} » rejoint « {e.fiche} »" for e in match.evidence)
            period = f" ({experience.period})" if experience.period else ""
            lines.append(f"{experience.label}{period}" + (f" — {why}" if why else ""))
        section.prompts(lines)
    else:
        section.paragraph("Aucune des expériences décrites ne couvre ce bloc : cherchez une autre expérience "
                          "(professionnelle, bénévole, syndicale) ou envisagez une validation partielle.")
    section.paragraph("Pour chaque expérience, décrivez :")
    section.prompts(DESCRIBE)
    section.paragraph("Preuves à rassembler :")
    evaluation = bloc.evaluation if bloc and bloc.evaluation else ""
    if evaluation:
        section.paragraph("La fiche décrit ainsi l'évaluation de ce bloc ; vos preuves doivent permettre au jury "
                          "d'y retrouver vos acquis :")
        outline.quote(section, evaluation, cite(c, section_name, evaluation, unit.code))
    section.prompts(PROOFS)
    section.paragraph("Ce que le jury regardera : que chacune des compétences citées ci-dessus apparaisse dans "
                      "ce que vous avez fait vous-même, avec assez de détails pour être vérifiée.")
    return section


def build_outline(c: Certification, mapping: Mapping, experiences: list[Experience],
                  today: date | None = None) -> Outline:
    today = today or date.today()
    outline = Outline(
        title=f"Dossier de validation (livret 2) — {c.title}",
        subtitle=f"Certification {c.code} · plan de travail du {today.strftime('%d/%m/%Y')}",
        certification=c.code,
        notice=("Document de travail à compléter par le candidat avec son accompagnateur. Les exigences citées "
                f"viennent de la fiche {c.code} (France compétences, {c.fiche_url}) ; la correspondance entre "
                "expériences et blocs est une suggestion : seul le jury apprécie les acquis."),
    )
    by_number = {e.number: e for e in experiences}
    presentation = Section(heading="1. Présentation du candidat et de son parcours")
    presentation.prompts(PRESENTATION)
    presentation.paragraph("Les expériences retenues pour ce dossier :")
    presentation.prompts([f"{e.label}" + (f" ({e.period})" if e.period else "") for e in experiences])
    outline.sections.append(presentation)

    organisations = Section(heading="2. Les structures où vous avez exercé")
    organisations.paragraph("Pour chaque structure (une par expérience retenue), présentez :")
    organisations.prompts(ORGANISATIONS)
    outline.sections.append(organisations)

    units_heading = "blocs de compétences" if c.blocs else "activités"
    outline.sections.append(Section(heading=f"3. Les {units_heading}, un par un"))
    coverage = {cov.unit: cov for cov in mapping.coverage}
    for unit in c.units:
        outline.sections.append(_unit_section(outline, c, unit, coverage[unit.code], mapping, by_number))

    gaps = Section(heading="4. Points à compléter")
    weak = [cov for cov in mapping.coverage if cov.level != "bien couvert"]
    if weak:
        gaps.prompts([f"{cov.unit} « {cov.label} » : {cov.level}" for cov in weak])
    else:
        gaps.paragraph("Tous les blocs sont couverts par au moins une expérience : vérifiez que chaque compétence "
                       "est décrite en détail.")
    gaps.paragraph(mapping.suggestion)
    outline.sections.append(gaps)

    jury = Section(heading="5. Le jury")
    vae = c.route(Route.VAE)
    if vae and vae.jury:
        jury.paragraph("Composition du jury pour la VAE selon la fiche :")
        outline.quote(jury, vae.jury, cite(c, "voies_acces", vae.jury))
    else:
        jury.paragraph("La fiche ne précise pas la composition du jury pour la VAE : demandez-la au certificateur.")
    jury.paragraph("Préparez l'entretien : chaque exemple du dossier doit pouvoir être raconté et détaillé à l'oral.")
    outline.sections.append(jury)

    annexes = Section(heading="6. Annexes")
    annexes.paragraph("Liste des preuves jointes, numérotées et reliées au bloc qu'elles documentent.")
    outline.sections.append(annexes)
    return outline
