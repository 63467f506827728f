"""Answers written from the fields of the model: exact, and each cited with the words of the fiche.

Every function returns the French sentences and the citations they rest on, or None when the fiche
does not hold that field (the answerer then falls back on the passages, or declines).
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.answer import Citation, cite
from assistant.answering.intents import Intent
from assistant.certification import Bloc, Certification, Route, Unit, UnitKind
from assistant.chunking import statistic_line
from assistant.render.fiche_text import french_date, levels_line, status_line

Drafted = tuple[str, list[Citation]]


def bloc_answer(c: Certification, bloc: Bloc, aspect: str) -> Drafted:
    parts, quotes = [f"Le bloc {bloc.code} de la certification {c.code} s'intitule « {bloc.title} »."], []
    if aspect in ("", "competences") and bloc.competences:
        parts.append("Compétences : " + " ; ".join(bloc.competences) + ".")
        quotes.append("\n".join(bloc.competences))
    if aspect in ("", "evaluation"):
        if bloc.evaluation:
            parts.append(f"Modalités d'évaluation : {bloc.evaluation}")
            quotes.append(bloc.evaluation)
        else:
            parts.append("La fiche ne précise pas les modalités d'évaluation de ce bloc.")
    quote = "\n".join([bloc.title, *quotes])
    return " ".join(parts), [cite(c, "bloc", quote, bloc.code)]


def unit_answer(c: Certification, unit: Unit) -> Drafted:
    kind = "L'activité" if unit.kind == UnitKind.ACTIVITY else "La composante"
    text = f"{kind} n°{unit.number} de la certification {c.code} s'intitule « {unit.title} »."
    if unit.description:
        text += f" La fiche la décrit ainsi : {unit.description}."
    if unit.note:
        text += f" ({unit.note}.)"
    quote = "\n".join(filter(None, [unit.title, unit.description, unit.note]))
    return text, [cite(c, "unite", quote, unit.code)]


def bloc_count(c: Certification, _: Intent) -> Drafted | None:
    if c.blocs:
        titles = " ; ".join(f"{b.code} : {b.title}" for b in c.blocs)
        return (f"La certification {c.code} compte {len(c.blocs)} blocs de compétences : {titles}.",
                [cite(c, "bloc", "\n".join(f"{b.code} {b.title}" for b in c.blocs))])
    if c.units:
        titles = " ; ".join(f"{u.number}. {u.title}" for u in c.units)
        return (f"La fiche {c.code} ne découpe pas la certification en blocs ; elle décrit {len(c.units)} "
                f"activités : {titles}.", [cite(c, "unite", "\n".join(u.title for u in c.units))])
    return None


def bloc_list(c: Certification, intent: Intent) -> Drafted | None:
    return bloc_count(c, intent)


def activities(c: Certification, intent: Intent) -> Drafted | None:
    if c.units and not c.blocs:
        drafted = bloc_count(c, intent)
        notes = {u.note for u in c.units if u.note}
        if drafted and notes:
            return drafted[0] + " " + " ".join(f"{n}." for n in notes), drafted[1]
        return drafted
    if c.activities:
        return (f"Activités visées par la certification {c.code} : " + " ; ".join(c.activities[:12]),
                [cite(c, "activites", "\n".join(c.activities))])
    return None


def jury(c: Certification, intent: Intent) -> Drafted | None:
    route = intent.route or Route.VAE
    access = c.route(route)
    if access is None:
        return None
    if not access.jury:
        state = "n'est pas ouverte" if access.open is False else "ne précise pas de jury"
        return (f"Pour la certification {c.code}, la voie « {route.label} » {state} : la fiche ne donne pas "
                "de composition de jury pour cette voie.", [cite(c, "voies_acces", f"{route.label} : "
                                                                  f"{'non' if access.open is False else '?'}")])
    jury_text = access.jury.replace("\n", " ; ")
    return (f"Pour la certification {c.code}, voie « {route.label} », le jury est ainsi composé : {jury_text}.",
            [cite(c, "voies_acces", f"{route.label} : {access.jury}")])


def route_open(c: Certification, intent: Intent) -> Drafted | None:
    if intent.route is None or c.route(intent.route) is None:
        return None
    access = c.route(intent.route)
    verdict = {True: "est ouverte", False: "n'est pas ouverte", None: "n'est pas précisée"}[access.open]
    return (f"Pour la certification {c.code}, la voie « {intent.route.label} » {verdict} selon la fiche.",
            [cite(c, "voies_acces", f"{intent.route.label} : {'oui' if access.open else 'non'}")])


def validity(c: Certification, _: Intent) -> Drafted | None:
    if c.validity is None:
        return None
    text = f"Pour la certification {c.code}, la validité des composantes acquises est : {c.validity.text}."
    citations = [cite(c, "validation_partielle", f"Validité des composantes acquises : {c.validity.text}")]
    if c.partial_validation:
        text += f" La fiche précise : {c.partial_validation}"
        citations.append(cite(c, "validation_partielle", c.partial_validation))
    return text, citations


def partial(c: Certification, intent: Intent) -> Drafted | None:
    if not c.partial_validation:
        return validity(c, intent)
    text = f"Pour la certification {c.code}, la fiche indique : {c.partial_validation}"
    citations = [cite(c, "validation_partielle", c.partial_validation)]
    if c.validity:
        text += f" Validité des composantes acquises : {c.validity.text}."
        citations.append(cite(c, "validation_partielle", f"Validité des composantes acquises : {c.validity.text}"))
    return text, citations


def status(c: Certification, _: Intent) -> Drafted:
    sentences = [f"Certification {c.code} : {status_line(c)}."]
    quotes = [c.status_note or f"Statut : {status_line(c)}"]
    if c.registration.end:
        sentences.append(f"Son enregistrement court jusqu'au {french_date(c.registration.end)}.")
        quotes.append(f"Date de fin d'enregistrement : {french_date(c.registration.end)}")
    if c.next:
        sentences.append("Certification suivante : " + " ; ".join(c.next) + ".")
    return " ".join(sentences), [cite(c, "presentation", "\n".join(quotes))]


def registration(c: Certification, _: Intent) -> Drafted | None:
    r = c.registration
    facts = [(label, value) for label, value in (("date d'effet", r.effective), ("date de décision", r.decision),
                                                  ("date de fin d'enregistrement", r.end),
                                                  ("date limite de délivrance", r.issuing_deadline)) if value]
    if not facts:
        return None
    listed = " ; ".join(f"{label} : {french_date(value)}" for label, value in facts)
    return (f"Enregistrement de la certification {c.code} au RNCP : {listed}.",
            [cite(c, "enregistrement", listed)])


def statistics(c: Certification, _: Intent) -> Drafted | None:
    if not c.statistics:
        return None
    lines = [statistic_line(s) for s in sorted(c.statistics, key=lambda s: s.year or 0, reverse=True)]
    return (f"Statistiques de la certification {c.code} : " + " ; ".join(lines) + ".",
            [cite(c, "statistiques", "\n".join(lines))])


def certifier(c: Certification, _: Intent) -> Drafted | None:
    if not c.certifiers:
        return None
    names = " ; ".join(x.name for x in c.certifiers)
    return f"La certification {c.code} est délivrée par : {names}.", [cite(c, "presentation", names)]


def level(c: Certification, _: Intent) -> Drafted | None:
    if not (c.level_european or c.level_old):
        return None
    line = levels_line(c)
    return f"La certification {c.code} est de {line}.", [cite(c, "presentation", f"Niveau : {line}")]


def coded(field: str, label: str) -> Callable[[Certification, Intent], Drafted | None]:
    def answer(c: Certification, _: Intent) -> Drafted | None:
        items = getattr(c, field)
        if not items:
            return None
        listed = " ; ".join(f"{i.code} ({i.label})" for i in items)
        return f"{label} de la certification {c.code} : {listed}.", [cite(c, "presentation", listed)]

    return answer


def places(c: Certification, _: Intent) -> Drafted | None:
    parts = [(label, text) for label, text in (("Lieu(x) de certification", c.certification_places),
                                                ("Lieu(x) de préparation", c.preparation_places)) if text]
    if not parts:
        return None
    text = " ".join(f"{label} : {value.replace(chr(10), ', ')}." for label, value in parts)
    return f"Pour la certification {c.code} — {text}", [cite(c, "lieux", "\n".join(v for _, v in parts))]


def jobs(c: Certification, _: Intent) -> Drafted | None:
    if not c.jobs:
        return sectors(c, _)
    return (f"Métiers et emplois accessibles avec la certification {c.code} : " + " ; ".join(c.jobs) + ".",
            [cite(c, "metiers", "\n".join(c.jobs))])


def sectors(c: Certification, _: Intent) -> Drafted | None:
    if not c.sectors:
        return None
    return f"Secteurs d'activité de la certification {c.code} : {c.sectors}", [cite(c, "secteurs", c.sectors)]


def capacities(c: Certification, _: Intent) -> Drafted | None:
    if not c.capacities:
        return None
    return (f"Capacités attestées par la certification {c.code} : " + " ; ".join(c.capacities) + ".",
            [cite(c, "capacites", "\n".join(c.capacities))])


def linked(field: str, label: str) -> Callable[[Certification, Intent], Drafted | None]:
    def answer(c: Certification, _: Intent) -> Drafted | None:
        items = getattr(c, field)
        if not items:
            return None
        return f"{label} de {c.code} : " + " ; ".join(items) + ".", [cite(c, "historique", "\n".join(items))]

    return answer


def prerequisites(c: Certification, _: Intent) -> Drafted | None:
    if not c.prerequisites:
        return None
    return (f"Prérequis indiqués par la fiche {c.code} : {c.prerequisites}",
            [cite(c, "prerequis", c.prerequisites)])


def vae_rules(c: Certification, intent: Intent) -> Drafted | None:
    drafted = jury(c, Intent("jury", route=Route.VAE))
    if not c.vae_rules:
        return drafted
    text = f"Pour la certification {c.code}, la fiche indique sur la VAE : {c.vae_rules}"
    citations = [cite(c, "vae", c.vae_rules)]
    if drafted:
        text += " " + drafted[0]
        citations += drafted[1]
    return text, citations


def evaluation(c: Certification, _: Intent) -> Drafted | None:
    if c.evaluation:
        return (f"Modalités d'évaluation de la certification {c.code} selon la fiche : {c.evaluation}",
                [cite(c, "evaluation", c.evaluation)])
    if c.blocs:
        lines = [f"{b.code} ({b.title}) : {b.evaluation}" for b in c.blocs if b.evaluation]
        return (f"La certification {c.code} est évaluée bloc par bloc : " + " ".join(lines),
                [cite(c, "bloc", b.evaluation, b.code) for b in c.blocs if b.evaluation])
    return None


ANSWERS: dict[str, Callable[[Certification, Intent], Drafted | None]] = {
    "bloc_count": bloc_count, "bloc_list": bloc_list, "activities": activities, "jury": jury,
    "route_open": route_open, "validity": validity, "partial": partial, "status": status,
    "registration": registration, "statistics": statistics, "certifier": certifier, "level": level,
    "rome": coded("rome", "Codes ROME"), "nsf": coded("nsf", "Codes NSF"), "places": places, "jobs": jobs,
    "sectors": sectors, "capacities": capacities, "next": linked("next", "Certification(s) suivante(s)"),
    "previous": linked("previous", "Certification(s) précédente(s)"), "prerequisites": prerequisites,
    "vae_rules": vae_rules, "evaluation": evaluation,
}


def structured_answer(c: Certification, intent: Intent) -> Drafted | None:
    answer = ANSWERS.get(intent.kind)
    return answer(c, intent) if answer else None
