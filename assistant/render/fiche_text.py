"""A certification as French Markdown, the way a candidate reads a fiche: status, levels, blocs, jury."""

from __future__ import annotations

from datetime import date

from assistant.certification import Certification

YES_NO = {True: "oui", False: "non", None: "non précisé"}


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def french_date(value: date | None) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else "non précisée"


def status_line(certification: Certification) -> str:
    if certification.status_note:
        return certification.status_note
    if certification.active is True:
        return "Fiche active"
    if certification.active is False:
        return "Fiche inactive"
    return "Statut non précisé par la fiche"


def levels_line(certification: Certification) -> str:
    parts = []
    if certification.level_european:
        parts.append(f"niveau {certification.level_european} (nomenclature européenne)")
    if certification.level_old:
        parts.append(f"niveau {certification.level_old} (nomenclature de 1969)")
    return ", ".join(parts) or "non précisé"


CERTIFIER_SIRETS = "SIRET des certificateurs"


def certifier_siret(name: str, siret: str, inactive: bool = False) -> str:
    """A certifier's SIRET as the fiche's passage writes it, and as an answer quotes it from there."""
    return f"{name} : {siret}" + (" (inactif)" if inactive else "")


def key_facts(c: Certification) -> list[tuple[str, str]]:
    """The identity of a certification as (label, value), shared by the fiche view and the index."""
    facts = [("Intitulé", c.title), ("Statut", status_line(c)), ("Niveau", levels_line(c))]
    if c.new_title and c.new_title != c.title:
        facts.append(("Nouvel intitulé", c.new_title))
    if c.abbreviation:
        facts.append(("Type", c.abbreviation))
    for label, items in (("Certificateur(s)", [x.name for x in c.certifiers]),
                         ("Codes ROME", [f"{r.code} ({r.label})" for r in c.rome]),
                         ("Codes NSF", [f"{n.code} ({n.label})" for n in c.nsf]),
                         ("Formacodes", [f"{f.code} ({f.label})" for f in c.formacodes])):
        if items:
            facts.append((label, " ; ".join(items)))
        if label == "Certificateur(s)" and any(x.siret for x in c.certifiers):
            facts.append((CERTIFIER_SIRETS, " ; ".join(
                [certifier_siret(x.name, x.siret) for x in c.certifiers if x.siret]
                + [certifier_siret(x.name, siret, True) for x in c.certifiers for siret in x.inactive_sirets])))
    return facts


def render_fiche(certification: Certification) -> str:
    c = certification
    lines = [f"# {c.code} — {c.title}", ""]
    lines += [f"- {label} : {value}" for label, value in key_facts(c)[1:]]
    if c.registration.end:
        lines.append(f"- Enregistrement jusqu'au : {french_date(c.registration.end)}")
    if c.validity:
        lines.append(f"- Validité des acquis : {c.validity.text}")
    lines.append(f"- Fiche en ligne : {c.fiche_url}")
    if c.blocs:
        lines += ["", f"## Blocs de compétences ({len(c.blocs)})"]
        for bloc in c.blocs:
            lines += ["", f"### {bloc.code} — {bloc.title}", "", "Compétences :"]
            lines += [f"- {competence}" for competence in bloc.competences]
            if bloc.evaluation:
                lines += ["", f"Modalités d'évaluation : {bloc.evaluation}"]
    else:
        lines += ["", f"## Unités ({len(c.units)})"]
        for unit in c.units:
            lines.append(f"- {unit.number}. {unit.title}" + (f" : {unit.description}" if unit.description else ""))
    if c.access_routes:
        lines += ["", "## Voies d'accès et jurys"]
        for route in c.access_routes:
            lines.append(f"- {route.route.label} : {YES_NO[route.open]}")
            if route.jury:
                lines.append("  Jury : " + route.jury.replace("\n", " ; "))
    if c.vae_rules:
        lines += ["", "## VAE", c.vae_rules]
    if c.partial_validation:
        lines += ["", "## Validation partielle", c.partial_validation]
    return "\n".join(lines) + "\n"


def render_summary(certifications: list[Certification]) -> str:
    """One line a certification, for `fiches` and the set-up summary."""
    lines = []
    for c in certifications:
        units = f"{len(c.blocs)} blocs" if c.blocs else f"{len(c.units)} unités"
        level = f"niv. {c.level_european}" if c.level_european else "niv. ?"
        state = "active" if c.active else "inactive" if c.active is False else "statut ?"
        lines.append(f"{c.code}  {c.title}  ({level}, {units}, {state})")
    return "\n".join(lines)


def correspondence_line(x) -> str:
    """One bloc correspondence as a sentence, the same in the fiche view, the passages and the answers."""
    return (f"{', '.join(x.blocs)} correspond à {', '.join(x.other_blocs) or 'la certification'} "
            f"de la certification {x.certification}")


def statistic_line(s) -> str:
    """One year's statistics as a line; the fiche's own wording when it gave one."""
    if s.text:
        return s.text
    parts = [f"Promotion {s.year}" if s.year else "Promotion"]
    for label, value, unit in (("certifiés", s.certified, ""), ("dont par VAE", s.certified_by_vae, ""),
                               ("taux d'insertion global à 6 mois", s.employment_rate_6_months, " %"),
                               ("taux d'insertion dans le métier à 2 ans", s.job_rate_2_years, " %")):
        if value is not None:
            parts.append(f"{label} : {value}{unit}")
    return ", ".join(parts)


AUTHORISATIONS = {"HABILITATION_ORGA_FORM": "à former et à organiser l'évaluation", "HABILITATION_FORMER": "à former"}


def partner_lines(c: Certification) -> list[str]:
    """The organisations the certifier authorised, active ones only, one line per kind of authorisation:
    where a candidate can prepare the certification."""
    by_kind: dict[str, list[str]] = {}
    for partner in c.partners:
        if partner.active is not False:
            by_kind.setdefault(partner.authorisation, []).append(partner.name)
    return [f"Organismes partenaires habilités {AUTHORISATIONS.get(kind, f'({kind})' if kind else '')}".rstrip()
            + f" : {' ; '.join(dict.fromkeys(names))}" for kind, names in by_kind.items()]


def overseas_line(c: Certification) -> str:
    """Whether the certification can be taken in New Caledonia and French Polynesia, when the fiche says."""
    said = [f"en {place} : {YES_NO[value]}" for place, value in (("Nouvelle-Calédonie", c.accessible_new_caledonia),
                                                               ("Polynésie française", c.accessible_french_polynesia))
            if value is not None]
    return ("Accessible " + " ; ".join(said)) if said else ""
