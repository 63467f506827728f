"""The outline of a dossier de validation (livret 2), written the way an adviser hands it over.

Presentation of the candidate, the table of the jobs retained (structure, post, dates, duration), then
unit by unit (bloc, or activity of an older fiche): the competences as a checklist (quoted and cited), the
one or two most significant activities to describe, chosen from the evidence, with room to write under
each prompt; the proofs this unit's evaluation calls for, leaving out rules that concern only training
routes; what the jury will look for; then the gaps, the jury, an attestation sur l'honneur, the sources.
The candidate's words appear only where the outline is written, never anywhere else.
"""

from __future__ import annotations

from datetime import date

from assistant.answer import cite
from assistant.certification import Certification, Route, Unit, UnitKind
from assistant.mapping.bank import unit_phrases
from assistant.mapping.experiences import Experience
from assistant.mapping.models import Mapping, UnitCoverage
from assistant.outline.jobs import job_of
from assistant.outline.model import Outline, Section
from assistant.outline.proofs import proofs_for, vae_items

DESCRIBE = [
    "Le contexte : la structure, votre poste, la période, pourquoi cette activité existait.",
    "Les tâches, dans l'ordre où vous les avez faites : ce que vous avez fait vous-même (écrivez « je »).",
    "Les moyens et les outils : logiciels, matériels, documents, budget, méthodes.",
    "Avec qui : collègues, responsables, partenaires, clients ou publics ; votre place parmi eux.",
    "Votre autonomie et vos responsabilités : ce que vous décidiez seul, ce que vous faisiez valider.",
    "Les résultats : ce qui a été produit, chiffres à l'appui, ce qui a marché ou non.",
    "Le recul : ce que vous referiez autrement, ce que cette expérience vous a appris.",
]
GENERAL_PROOFS = [
    "Attestations d'employeurs ou de partenaires décrivant vos missions pour ce bloc.",
    "Contrats, fiches de poste, organigrammes situant votre poste.",
]
PRESENTATION = [
    "Qui vous êtes et pourquoi vous demandez cette certification maintenant.",
    "Votre parcours de formation (diplômes, formations courtes).",
    "Votre parcours professionnel et bénévole dans l'ordre chronologique.",
]
ATTESTATION = [
    "Je soussigné(e) ………………………………………………, candidat(e) à la validation des acquis de l'expérience pour "
    "la certification {code} « {title} », atteste sur l'honneur :",
]
ATTESTATION_ITEMS = [
    "que les informations contenues dans ce dossier sont exactes ;",
    "que les activités décrites ont été exercées par moi-même ;",
    "que les documents joints en annexe sont authentiques.",
]
ACTIVITIES_PER_UNIT = 2
WRITING_LINES = 3


def _activities(coverage: UnitCoverage, experiences: dict[int, Experience]) -> list[tuple[Experience, str, str]]:
    """The one or two most significant activities for this unit: its strongest links, one per experience."""
    chosen: list[tuple[Experience, str, str]] = []
    seen: set[int] = set()
    for evidence in coverage.evidence:  # strongest first
        number = next((n for n in coverage.experiences if evidence.experience in experiences[n].text), None)
        if number is None or number in seen:
            continue
        seen.add(number)
        chosen.append((experiences[number], evidence.experience, evidence.fiche))
        if len(chosen) == ACTIVITIES_PER_UNIT:
            break
    return chosen


def _unit_section(outline: Outline, c: Certification, unit: Unit, coverage: UnitCoverage,
                  experiences: dict[int, Experience]) -> list[Section]:
    section_name = "bloc" if unit.kind == UnitKind.BLOC else "unite"
    bloc = c.bloc(unit.code) if unit.kind == UnitKind.BLOC else None
    section = Section(heading=f"{unit.code} — {unit.title}", level=2)
    requirements = unit_phrases(c, unit)[1:] or [unit.title]
    section.paragraph("Les compétences que la fiche demande (cochez celles que vos activités montrent) :")
    section.checklist(requirements)
    outline.quote(section, unit.title, cite(c, section_name, "\n".join([unit.title, *requirements]), unit.code))
    section.paragraph(f"Couverture par les expériences décrites : {coverage.level}"
                      + (f" ({coverage.evidenced} exigence(s) sur {coverage.requirements} étayée(s))."
                         if coverage.evidenced else "."))
    sections = [section]
    activities = _activities(coverage, experiences)
    if not activities:
        section.paragraph("Aucune des expériences décrites n'étaye ce bloc : cherchez une autre expérience "
                          "(professionnelle, bénévole, syndicale) ou envisagez une validation partielle.")
    for position, (experience, sentence, requirement) in enumerate(activities, start=1):
        activity = Section(heading=f"Activité {position} : {sentence}", level=3)
        period = f", {experience.period}" if experience.period else ""
        activity.paragraph(f"Tirée de l'expérience {experience.number} ({experience.title}{period}) ; elle "
                           f"montre : « {requirement} ».")
        for prompt in DESCRIBE:
            activity.space(WRITING_LINES, prompt)
        sections.append(activity)
    proofs = Section(heading=f"Preuves pour {unit.code}", level=3)
    evaluation = bloc.evaluation if bloc and bloc.evaluation else ""
    kept = vae_items(evaluation)
    if kept:
        proofs.paragraph("Ce que l'évaluation de ce bloc demande selon la fiche (sans les règles propres aux "
                         "parcours de formation) :")
        outline.quote(proofs, "\n".join(kept), cite(c, section_name, evaluation, unit.code))
    proofs.prompts(proofs_for(evaluation) + GENERAL_PROOFS)
    proofs.paragraph("Ce que le jury regardera : que chacune des compétences cochées apparaisse dans ce que vous "
                     "avez fait vous-même, avec assez de détails pour être vérifiée.")
    sections.append(proofs)
    return sections


def build_outline(c: Certification, mapping: Mapping, experiences: list[Experience],
                  today: date | None = None) -> Outline:
    today = today or date.today()
    outline = Outline(
        title=f"Dossier de validation (livret 2) — {c.title}",
        subtitle=f"Certification {c.code} · plan de travail du {today.strftime('%d/%m/%Y')}",
        certification=c.code,
        subject=f"Plan du dossier de validation (livret 2) pour la certification {c.code}",
        keywords=f"VAE, dossier de validation, livret 2, {c.code}",
        notice=("Document de travail à compléter par le candidat avec son accompagnateur. Les exigences citées "
                f"viennent de la fiche {c.code} (France compétences, {c.fiche_url}) ; la correspondance entre "
                "expériences et blocs est une suggestion : seul le jury apprécie les acquis."),
    )
    by_number = {e.number: e for e in experiences}
    retained = [e for e in experiences if any(e.number in cov.experiences for cov in mapping.coverage)]
    presentation = Section(heading="1. Présentation du candidat et de son parcours")
    for prompt in PRESENTATION:
        presentation.space(WRITING_LINES, prompt)
    outline.sections.append(presentation)

    jobs = Section(heading="2. Les emplois retenus pour ce dossier")
    if retained:
        jobs.table(["Structure", "Poste", "Dates", "Durée"], [job_of(e, today).row for e in retained])
        jobs.paragraph("Pour chaque structure, présentez son activité, son statut, sa taille, ses publics ou "
                       "clients, et la place de votre poste dans l'organigramme.")
    else:
        jobs.paragraph("Aucune des expériences décrites n'étaye un bloc de cette certification : choisissez avec "
                       "votre accompagnateur les emplois à retenir, ou une autre certification.")
    outline.sections.append(jobs)

    units_heading = "blocs de compétences" if c.blocs else "activités"
    outline.sections.append(Section(heading=f"3. Les {units_heading}, un par un"))
    coverage = {cov.unit: cov for cov in mapping.coverage}
    for unit in c.units:
        outline.sections.extend(_unit_section(outline, c, unit, coverage[unit.code], by_number))

    gaps = Section(heading="4. Points à compléter")
    weak = [cov for cov in mapping.coverage if cov.level != "bien couvert"]
    if weak:
        gaps.prompts([f"{cov.unit} « {cov.label} » : {cov.level}" for cov in weak])
    else:
        gaps.paragraph("Tous les blocs sont bien couverts par les expériences décrites : vérifiez que chaque "
                       "compétence est décrite en détail.")
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
    annexes.table(["N°", "Preuve", "Bloc"], [[str(n), "", ""] for n in range(1, 6)])
    annexes.page_break()  # the attestation on a page of its own, to sign
    outline.sections.append(annexes)

    attestation = Section(heading="7. Attestation sur l'honneur")
    attestation.paragraph(ATTESTATION[0].format(code=c.code, title=c.title))
    attestation.prompts(ATTESTATION_ITEMS)
    attestation.paragraph("Fait à ………………………………, le ……/……/…………")
    attestation.space(4, "Signature")
    outline.sections.append(attestation)
    return outline
