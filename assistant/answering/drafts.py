"""Answers written from the fields of a certification: a direct first sentence, then the fiche's own words
as a list, each fact followed by the [n] of the citation it rests on.

Every function takes the certification and the `Query` and returns a `Draft`, or None when the fiche does
not hold that field (the assistant then turns to the passages, or declines).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answer import Citation, cite
from assistant.answering.answer_kinds import asks_yes_or_no
from assistant.answering.query import ROUTE_WORDS, units_written_out
from assistant.certification import Bloc, Certification, Route, Unit, UnitKind, registration_ended
from assistant.codes import normalise_code
from assistant.first_of_each import first_of_each
from assistant.index.french_analyser import QUESTION_TERMS, analyse
from assistant.places.gazetteer import is_overseas, places_in_name
from assistant.readers.text_cleanup import split_sentences
from assistant.render.fiche_text import (
    YES_NO,
    correspondence_line,
    french_date,
    levels_line,
    overseas_line,
    partner_lines,
    statistic_line,
    status_line,
)
from assistant.render.shortened import shortened
from assistant.text_normalise import fold

MARKER = re.compile(r"\[(\d+)\]")
MAX_PARTNERS = 25  # organisations listed in an answer; the fiche holds the rest


@dataclass
class Draft:
    """French text whose facts carry [n] markers, and the citations they point to, in order."""

    lines: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def cite(self, citation: Citation) -> str:
        """The marker of a citation, adding it once."""
        for number, known in enumerate(self.citations, start=1):
            if known == citation:
                return f"[{number}]"
        self.citations.append(citation)
        return f"[{len(self.citations)}]"

    def say(self, line: str) -> None:
        self.lines.append(line)

    def extend(self, other: Draft) -> None:
        """Another draft appended: its citations numbered after ours (one already here keeps its number),
        its lines that say again what is already said left out."""
        numbers = {n: self.cite(citation) for n, citation in enumerate(other.citations, start=1)}
        said = {_unmarked(line) for line in self.lines}
        for line in other.lines:
            if _unmarked(line) in said:
                continue
            self.lines.append(MARKER.sub(lambda m: numbers.get(int(m.group(1)), m.group(0)), line))
        used = {int(n) for line in self.lines for n in MARKER.findall(line)}
        if used != set(range(1, len(self.citations) + 1)):
            self._renumber(used)

    def _renumber(self, used: set[int]) -> None:
        """Drop citations no line points to any more, and number the others in order."""
        kept = [n for n in range(1, len(self.citations) + 1) if n in used]
        new = {old: position for position, old in enumerate(kept, start=1)}
        self.citations = [self.citations[n - 1] for n in kept]
        self.lines = [MARKER.sub(lambda m: f"[{new.get(int(m.group(1)), 0)}]", line) for line in self.lines]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _unmarked(line: str) -> str:
    return re.sub(r"\s?\[\d+\]", "", line).strip()


def bullets(items: list[str]) -> list[str]:
    return [f"- {item.strip().rstrip(';')}" for item in items if item.strip()]


def asked_first(items: list[str], q, most: int) -> list[str]:
    """At most `most` items, in the fiche's order: those holding the question's own words are kept whatever
    their place ("représenter l'entreprise à l'extérieur" is the 23rd activity), then the first ones; a last
    line says how many are left out."""
    if len(items) <= most:
        return items
    asked = set(analyse(q.folded)) - QUESTION_TERMS if q is not None else set()
    holding = [i for i, item in enumerate(items) if asked & set(analyse(item))][:most]
    rest = [i for i in range(len(items)) if i not in holding][:most - len(holding)]
    kept = set(holding) | set(rest)
    left_out = f"… et {len(items) - len(kept)} autres (voir la fiche)"
    return [item for i, item in enumerate(items) if i in kept] + [left_out]


def named(c: Certification) -> str:
    return f"{c.code} ({c.title})"


# -- blocs ---------------------------------------------------------------------------------------------
def bloc_list(c: Certification, _q=None) -> Draft | None:
    d = Draft()
    if c.blocs:
        marker = d.cite(cite(c, "blocs", "\n".join(f"{b.code} {b.title}" for b in c.blocs)))
        d.say(f"La certification {named(c)} compte {len(c.blocs)} blocs de compétences {marker} :")
        d.lines += bullets([f"{b.code} : {b.title}" for b in c.blocs])
        return d
    if c.units:
        marker = d.cite(cite(c, "blocs", "\n".join(u.title for u in c.units)))
        d.say(f"La fiche {named(c)} ne découpe pas la certification en blocs ; elle décrit {len(c.units)} "
              f"activités {marker} :")
        d.lines += bullets([f"{u.number}. {u.title}" for u in c.units])
        notes = list(dict.fromkeys(u.note for u in c.units if u.note))
        d.lines += [f"{note}." for note in notes]
        return d
    return None


def bloc_detail(c: Certification, bloc: Bloc, aspect: str = "") -> Draft:
    """One bloc: its competences, its evaluation, or both ("" = both)."""
    d = Draft()
    quote = "\n".join([bloc.title, *bloc.competences, bloc.evaluation])
    marker = d.cite(cite(c, "bloc", quote, bloc.code))
    d.say(f"Le bloc {bloc.code} de la certification {named(c)} s'intitule « {bloc.title} » {marker}.")
    if aspect in ("", "competences") and bloc.competences:
        d.say("Compétences évaluées :")
        d.lines += bullets(bloc.competences)
    if aspect in ("", "evaluation"):
        if bloc.evaluation:
            d.say(f"Modalités d'évaluation : {bloc.evaluation}")
        else:
            d.say("La fiche ne précise pas les modalités d'évaluation de ce bloc.")
    return d


def unit_detail(c: Certification, unit: Unit) -> Draft:
    d = Draft()
    kind = "L'activité" if unit.kind == UnitKind.ACTIVITY else "La composante"
    quote = "\n".join(filter(None, [unit.title, unit.description, unit.note]))
    marker = d.cite(cite(c, "unite", quote, unit.code))
    d.say(f"{kind} n°{unit.number} de la certification {named(c)} s'intitule « {unit.title} » {marker}.")
    if unit.description:
        d.say(f"La fiche la décrit ainsi : {unit.description}")
    if unit.note:
        d.say(f"({unit.note}.)")
    return d


def evaluation(c: Certification, _q=None) -> Draft | None:
    d = Draft()
    if c.evaluation:
        marker = d.cite(cite(c, "evaluation", c.evaluation))
        d.say(f"Modalités d'évaluation de la certification {named(c)} selon la fiche {marker} : {c.evaluation}")
        return d
    rated = [b for b in c.blocs if b.evaluation]
    if not rated:
        return None
    d.say(f"La certification {named(c)} est évaluée bloc par bloc :")
    for b in rated:
        marker = d.cite(cite(c, "bloc", b.evaluation, b.code))
        d.say(f"- {b.code} ({b.title}) {marker} : {b.evaluation}")
    return d


# -- access routes and VAE -----------------------------------------------------------------------------
def jury(c: Certification, q=None, route: Route | None = None) -> Draft | None:
    """The jury of the access route asked; with none asked, the VAE jury first (the assistant's readers are
    VAE candidates), then each other composition the fiche gives (see `_other_juries`)."""
    if route is None and not (q is not None and q.routes):
        return _then(jury(c, route=Route.VAE), _other_juries(c))
    asked = [route] if route else list(q.routes)
    if len(asked) > 1:
        d = Draft()
        for one in asked:
            d.extend(jury(c, route=one) or Draft())
        return d if d.lines else None
    route = asked[0]
    access = c.route(route)
    if access is None:
        return None
    d = Draft()
    if not access.jury:
        state = "n'est pas ouverte" if access.open is False else "ne précise pas de jury"
        marker = d.cite(cite(c, "voies_acces", f"{route.label} : {'non' if access.open is False else '?'}"))
        d.say(f"Pour la certification {named(c)}, la voie « {route.label} » {state} {marker} : la fiche ne "
              "donne pas de composition de jury pour cette voie.")
        return d
    marker = d.cite(cite(c, "voies_acces", f"{route.label} : {access.jury}"))
    d.say(f"Pour la certification {named(c)}, voie « {route.label} », le jury est composé ainsi {marker} :")
    d.lines += bullets(_members(access.jury))
    return d


def _members(composition: str) -> list[str]:
    """A jury's composition as the fiche writes it, one member (or one rule) a line."""
    return [m.strip(" -–•") for m in composition.replace(";", "\n").split("\n") if m.strip(" -–•")]


def _then(first: Draft | None, then: Draft | None) -> Draft | None:
    """Two drafts one after the other, either of which may be missing."""
    if first is None or then is None:
        return first or then
    first.extend(then)
    return first


def _other_juries(c: Certification) -> Draft | None:
    """The juries of the other open routes whose composition differs from the VAE one, each composition
    once with the routes it sits for: asked "le jury" without a route, a person may mean the certification's
    jury in general ("le jury de certification"), which the fiche often gives apart from the VAE jury."""
    vae = c.route(Route.VAE)
    by_composition: dict[str, list] = {}
    for access in c.access_routes:
        if access.route is not Route.VAE and access.open and access.jury \
                and (vae is None or access.jury.strip() != vae.jury.strip()):
            by_composition.setdefault(access.jury.strip(), []).append(access)
    if not by_composition:
        return None
    d = Draft()
    for composition, accesses in by_composition.items():
        marker = d.cite(cite(c, "voies_acces", f"{accesses[0].route.label} : {composition}"))
        labels = " ; ".join(f"« {a.route.label} »" for a in accesses)
        d.say(f"Pour les autres voies ({labels}), le jury est composé ainsi {marker} :")
        d.lines += bullets(_members(composition))
    return d


def routes(c: Certification, _q=None) -> Draft | None:
    """Every access route of the fiche, open or not, then what its summary says of them in its own words."""
    if not c.access_routes:
        return None
    d = Draft()
    listed = [f"{r.route.label} : {YES_NO[r.open]}" for r in c.access_routes]
    d.say(f"Voies d'accès à la certification {named(c)} {d.cite(cite(c, 'voies_acces', chr(10).join(listed)))} :")
    d.lines += bullets(listed)
    d.extend(_routes_in_summary(c, []))
    return d


def route_open(c: Certification, q=None) -> Draft | None:
    asked = list(q.routes) if q is not None and q.routes else []
    if not asked:
        return routes(c, q)
    d = Draft()
    for route in asked:
        one = _one_route(c, route, q)
        if one is not None:
            d.extend(one)
    if d.lines:
        d.extend(_routes_in_summary(c, asked, every_route=bool(q is not None and EVERY_ROUTE_ASKED.search(q.folded))))
    return d if d.lines else None


# "par quelles voies peut-on y accéder ? le contrat de pro en fait-il partie ?": one route, and all of them
EVERY_ROUTE_ASKED = re.compile(r"\bquelles? (?:sont les )?voies\b|\bvoies d.acces\b|\bautres? (?:moyens|voies)\b")


# a sentence of the summary about access, not one that merely holds a route's word ("le transport scolaire")
ACCESS_WORDS = re.compile(r"\b(?:accessible|acces|voies?|candidats?|ouverte?s?|prepare|obtenu|obtenir)\b")
ROUTE_SENTENCES = 2


def _summary_sentences(c: Certification, keep: Callable[[str], bool], most: int | None = None) -> list[str]:
    """The summary's sentences, stripped, whose folded text `keep` accepts; the first `most` of them."""
    return [sentence.strip() for sentence in split_sentences(c.summary) if keep(fold(sentence))][:most]


def _told(d: Draft, c: Certification, sentences: list[str]) -> Draft:
    """The summary's own sentences said after the rest, each cited: the fiche's words for what its fields give
    as codes or labels."""
    for sentence in sentences:
        d.say(f"La fiche précise {d.cite(cite(c, 'resume', sentence))} : « {sentence} »")
    return d


def _routes_in_summary(c: Certification, asked: list[Route], every_route: bool = False) -> Draft:
    """The summary's sentences on the routes asked, or on several routes when none is or all are asked too
    (`every_route`): the official list says "Par candidature individuelle : non" where the fiche writes "il
    n'est pas accessible en candidat libre", the words a candidate uses."""
    def on_routes(folded: str) -> bool:
        said = {route for route, pattern in ROUTE_WORDS if pattern.search(folded)}
        return bool(said & set(asked) or (every_route or not asked) and len(said) >= 2) \
            and ACCESS_WORDS.search(folded) is not None

    return _told(Draft(), c, _summary_sentences(c, on_routes, ROUTE_SENTENCES))


def _closed(q) -> bool:
    """Whether the question asks yes or no ("c'est encore actif ?"), so that the answer opens with "Oui" or
    "Non"; "comment y accéder par la VAE ?" or "à quelle date ?" do not. No question: a yes or no is safe."""
    return q is None or asks_yes_or_no(q.folded)


def _one_route(c: Certification, route: Route, q=None) -> Draft | None:
    access = c.route(route)
    if access is None:
        return None
    d = Draft()
    said = {True: "la voie « {label} » est ouverte", False: "la voie « {label} » n'est pas ouverte",
            None: "la fiche ne dit pas si la voie « {label} » est ouverte"}[access.open]
    lead = {True: "Oui, ", False: "Non, ", None: ""}[access.open] if _closed(q) else ""
    verdict = lead + said
    verdict = verdict[0].upper() + verdict[1:]
    marker = d.cite(cite(c, "voies_acces", f"{route.label} : {'oui' if access.open else 'non'}"))
    d.say(verdict.format(label=route.label) + f" pour la certification {named(c)} {marker}.")
    if access.open is False:
        open_routes = [r.route.label for r in c.access_routes if r.open]
        if open_routes:
            d.say(f"Voies ouvertes selon la fiche {d.cite(cite(c, 'voies_acces', chr(10).join(open_routes)))} :")
            d.lines += bullets(open_routes)
    if access.open and access.jury:
        d.extend(jury(c, route=route) or Draft())
    if route == Route.VAE and c.vae_rules:
        d.say(f"La fiche précise sur la VAE {d.cite(cite(c, 'vae', c.vae_rules))} : {c.vae_rules}")
    return d


def vae_rules(c: Certification, q=None) -> Draft | None:
    d = Draft()
    if c.vae_rules:
        d.say(f"Pour la certification {named(c)}, la fiche indique sur la VAE {d.cite(cite(c, 'vae', c.vae_rules))} "
              f": {c.vae_rules}")
    access = c.route(Route.VAE)
    if access is not None:
        if access.open is not None and not c.vae_rules:
            state = "ouverte" if access.open else "fermée"
            d.say(f"La voie VAE est {state} pour la certification {named(c)} "
                  f"{d.cite(cite(c, 'voies_acces', f'{Route.VAE.label} : ' + ('oui' if access.open else 'non')))}.")
        vae_jury = jury(c, route=Route.VAE)
        if vae_jury and access.jury:
            d.extend(vae_jury)
    return d if d.lines else None


# -- what stays acquired -------------------------------------------------------------------------------
def validity(c: Certification, _q=None) -> Draft | None:
    if c.validity is None:
        return None
    d = Draft()
    marker = d.cite(cite(c, "validation_partielle", f"Validité des composantes acquises : {c.validity.text}"))
    d.say(f"Pour la certification {named(c)}, la validité des composantes (blocs) acquises est : "
          f"{c.validity.text} {marker}.")
    if c.partial_validation:
        d.say(f"La fiche précise {d.cite(cite(c, 'validation_partielle', c.partial_validation))} : "
              f"{c.partial_validation}")
    return d


def partial(c: Certification, q=None) -> Draft | None:
    """What a partial validation leaves acquired, and where the blocs acquired go on once the certification is
    replaced (`_carried_to_successor`)."""
    if not c.partial_validation:
        d = validity(c, q)
    else:
        d = Draft()
        d.say(f"Pour la certification {named(c)}, la fiche indique sur la validation partielle "
              f"{d.cite(cite(c, 'validation_partielle', c.partial_validation))} : {c.partial_validation}")
        if c.validity:
            stated = f"Validité des composantes acquises : {c.validity.text}"
            d.say(f"{stated} {d.cite(cite(c, 'validation_partielle', stated))}.")
    return _then(d, _carried_to_successor(c))


def _carried_to_successor(c: Certification) -> Draft | None:
    """The blocs that correspond to blocs of the certification that replaces this one: for a candidate who
    holds some, what they become once this certification can no longer be awarded."""
    rows = [x for x in c.correspondences if x.blocs and x.certification in c.next]
    if not rows:
        return None
    d = Draft()
    lines = [correspondence_line(x) for x in rows]
    d.say(f"La certification {named(c)} est remplacée par {' ; '.join(c.next)} ; les blocs qui y ont une "
          f"correspondance {d.cite(cite(c, 'correspondances', chr(10).join(lines)))} :")
    d.lines += bullets(lines)
    return d


# -- identity ------------------------------------------------------------------------------------------
def status(c: Certification, q=None) -> Draft:
    """Still obtainable? "Oui" or "Non" first when the question asks yes or no, the status itself otherwise."""
    d = Draft()
    line = status_line(c)
    quotes = [c.status_note or f"Statut : {line}"]
    if c.registration.end:
        quotes.append(f"Date de fin d'enregistrement : {french_date(c.registration.end)}")
    marker = d.cite(cite(c, "presentation", "\n".join(quotes)))
    still = c.active is not False and c.accessible is not False
    ended, closed = registration_ended(c.registration.end), _closed(q)
    if closed and ended:
        # an export older than today may still say "active": the end of the registration is what holds now
        said = f", même si la fiche, publiée avant, indique « {line} »" if c.active else f" ({line})"
        d.say(f"Non : l'enregistrement de la certification {named(c)} au RNCP a pris fin le "
              f"{french_date(c.registration.end)} {marker}{said}.")
        deadline = c.registration.issuing_deadline
        if deadline:
            # a candidate registered for a session needs the last day the certification can still be awarded
            deadline_marker = d.cite(cite(c, 'enregistrement', f'Date limite de délivrance : {french_date(deadline)}'))
            d.say(f"Elle peut encore être délivrée jusqu'au {french_date(deadline)} (date limite de délivrance) "
                  f"{deadline_marker}." if not registration_ended(deadline) else
                  f"Sa date limite de délivrance, le {french_date(deadline)}, est elle aussi passée {deadline_marker}.")
    elif closed:
        lead = "Oui" if still and c.active else ("Non" if not still else "La fiche ne le dit pas clairement")
        d.say(f"{lead} : certification {named(c)} — {line} {marker}.")
    else:
        d.say(f"Statut de la certification {named(c)} : {line} {marker}.")
    if c.registration.end and not (closed and ended):
        when = "a pris fin le" if ended else "court jusqu'au"
        d.say(f"Son enregistrement au RNCP {when} {french_date(c.registration.end)} {marker}.")
    if c.next:
        d.say(f"Certification suivante : {' ; '.join(c.next)} {d.cite(cite(c, 'historique', chr(10).join(c.next)))}.")
    return d


LEGAL_KINDS = {"general": "texte de référence général", "creation": "texte de création",
               "vae": "texte sur la VAE", "autre": "autre texte"}


def registration(c: Certification, _q=None) -> Draft | None:
    """The registration's dates, then the texts the fiche gives as its legal basis (arrêtés, décrets, articles
    of a code): "quel arrêté ?", "quels articles du Code de l'éducation ?" are asked of the same section."""
    r = c.registration
    facts = [(label, value) for label, value in (("date d'effet", r.effective), ("date de décision", r.decision),
                                                  ("date de publication de la fiche", r.publication),
                                                  ("date de fin d'enregistrement", r.end),
                                                  ("date limite de délivrance", r.issuing_deadline)) if value]
    texts = [f"{LEGAL_KINDS[t.kind]} : {t.text}" + (f" (publié le {french_date(t.published)})" if t.published else "")
             for t in first_of_each(c.legal_texts, key=lambda t: t.text)]  # a text given twice, once
    if not facts and not texts:
        return None
    d = Draft()
    listed = [f"{label} : {french_date(value)}" for label, value in facts] + texts
    marker = d.cite(cite(c, "enregistrement", "\n".join(listed)))
    d.say(f"Enregistrement de la certification {named(c)} au RNCP {marker} :")
    d.lines += bullets(listed)
    return d


def statistics(c: Certification, _q=None) -> Draft | None:
    if not c.statistics:
        return None
    d = Draft()
    lines = [statistic_line(s) for s in sorted(c.statistics, key=lambda s: s.year or 0, reverse=True)]
    d.say(f"Statistiques de la certification {named(c)} {d.cite(cite(c, 'statistiques', chr(10).join(lines)))} :")
    d.lines += bullets(lines)
    return d


def certifier(c: Certification, _q=None) -> Draft | None:
    if not c.certifiers:
        return None
    d = Draft()
    names = list(dict.fromkeys(x.name for x in c.certifiers))
    marker = d.cite(cite(c, "presentation", " ; ".join(names)))
    d.say(f"La certification {named(c)} est délivrée par : {' ; '.join(names)} {marker}.")
    return d


def level(c: Certification, _q=None) -> Draft | None:
    if not (c.level_european or c.level_old):
        return None
    d = Draft()
    line = levels_line(c)
    d.say(f"La certification {named(c)} est de {line} {d.cite(cite(c, 'presentation', f'Niveau : {line}'))}.")
    return d


def coded(field_name: str, label: str):
    def answer(c: Certification, _q=None) -> Draft | None:
        items = getattr(c, field_name)
        if not items:
            return None
        d = Draft()
        listed = [f"{i.code} ({i.label})" if i.label else i.code for i in items]
        d.say(f"{label} de la certification {named(c)} {d.cite(cite(c, 'presentation', ' ; '.join(listed)))} :")
        d.lines += bullets(listed)
        return d

    return answer


def places(c: Certification, _q=None) -> Draft | None:
    """Where to take and prepare the certification: the places the fiche names, then the organisations the
    certifier authorised (a long list is cut; the fiche holds the rest)."""
    places = [(label, text.split("\n")) for label, text in (("Lieu(x) de certification", c.certification_places),
                                                           ("Lieu(x) de préparation", c.preparation_places)) if text]
    partners = [(label, names.split(" ; ")) for label, names in (line.split(" : ", 1) for line in partner_lines(c))]
    if not places and not partners:
        return None
    d = Draft()
    markers = [d.cite(cite(c, section, "\n".join(f"{label} : {' ; '.join(v)}" for label, v in parts)))
               for section, parts in (("lieux", places), ("partenaires", partners)) if parts]
    d.say(f"Lieux et organismes indiqués par la fiche {named(c)} {' '.join(markers)} :")
    counted = [(f"{label} ({len(values)} organisme{'s' if len(values) > 1 else ''})", values)
               for label, values in partners]  # "combien d'organismes sont habilités ?": the count with the list
    for label, values in places + counted:
        d.say(f"{label} :")
        d.lines += bullets(values[:MAX_PARTNERS])
        if len(values) > MAX_PARTNERS:
            d.say(f"… et {len(values) - MAX_PARTNERS} autres (liste complète sur la fiche).")
    return d


def overseas(c: Certification, _q=None) -> Draft | None:
    """Whether it can be taken in New Caledonia and French Polynesia (the export's own fields), and the
    partners whose names place them in an overseas région ("… FORT-DE-FRANCE"): where, outre-mer, to
    prepare it."""
    line = overseas_line(c)
    partners = {p.name: place.name for p in c.partners if p.active is not False
                for place in places_in_name(p.name)[:1] if is_overseas(place)}
    if not line and not partners:
        return None
    d = Draft()
    if line:
        d.say(f"D'après la fiche {named(c)}, la certification est accessible ainsi outre-mer "
              f"{d.cite(cite(c, 'voies_acces', line))} : {line.removeprefix('Accessible ')}.")
    if partners:
        d.say(f"Organismes partenaires de la fiche {named(c)} dont le nom les situe outre-mer "
              f"{d.cite(cite(c, 'partenaires', chr(10).join(partners)))} :")
        d.lines += bullets([f"{name} ({place})" for name, place in partners.items()])
    return d


def jobs(c: Certification, q=None) -> Draft | None:
    if not c.jobs:
        return sectors(c, q)
    d = Draft()
    d.say(f"Métiers et emplois accessibles avec la certification {named(c)} "
          f"{d.cite(cite(c, 'metiers', chr(10).join(c.jobs)))} :")
    d.lines += bullets(c.jobs)
    if c.sectors:
        d.say(f"Secteurs d'activité {d.cite(cite(c, 'secteurs', c.sectors))} : {c.sectors}")
    return d


def sectors(c: Certification, _q=None) -> Draft | None:
    if not c.sectors:
        return None
    d = Draft()
    d.say(f"Secteurs d'activité de la certification {named(c)} {d.cite(cite(c, 'secteurs', c.sectors))} : "
          f"{c.sectors}")
    return d


def activities(c: Certification, q=None) -> Draft | None:
    if c.units and not c.blocs:
        return bloc_list(c, q)
    if not c.activities:
        return None
    d = Draft()
    d.say(f"Activités visées par la certification {named(c)} "
          f"{d.cite(cite(c, 'activites', chr(10).join(c.activities)))} :")
    d.lines += bullets(asked_first(c.activities, q, 15))
    return d


def capacities(c: Certification, q=None) -> Draft | None:
    if not c.capacities:
        return None
    d = Draft()
    d.say(f"Capacités attestées par la certification {named(c)} "
          f"{d.cite(cite(c, 'capacites', chr(10).join(c.capacities)))} :")
    d.lines += bullets(asked_first(c.capacities, q, 20))
    return d


# "quelle certification l'a remplacé ?", "qui lui succède ?": the certification after it is asked, not before
SUCCESSOR_ASKED = re.compile(r"\ba remplace|\bete remplace|\bremplacee?s? par\b|\blui succede|\bsucce(?:de|sseur)"
                             r"|\bnouvelle version|\bsuivante\b|\bprend la suite|\ba pris la suite")
SUCCESSION_SAID = re.compile(r"\bsucced|\bsuccesseur|\bremplac")


def linked(c: Certification, q=None) -> Draft | None:
    """Previous and next certifications, and the former titles the legal texts record. Asked what came after
    one whose fiche names none, the summary's own sentence on it comes first ("aucune certification ne
    succède au présent titre"), not the one it replaced."""
    former = [t.text for t in c.legal_texts if "intitul" in t.text.lower()]
    told = _summary_sentences(c, lambda folded: bool(SUCCESSION_SAID.search(folded)
                                                     and not re.search(r"\brncp\d", folded))) \
        if q is not None and not c.next and SUCCESSOR_ASKED.search(q.folded) else []
    if not (c.previous or c.next or c.history or former or told):
        return None
    d = _told(Draft(), c, told)
    for label, items in (("Certification(s) précédente(s)", c.previous), ("Certification(s) suivante(s)", c.next)):
        if items:
            d.say(f"{label} de {named(c)} {d.cite(cite(c, 'historique', chr(10).join(items)))} :")
            d.lines += bullets(items)
    for section, sentence in _sentences_naming(c, [*c.previous, *c.next]):
        d.say(f"« {shortened(sentence, 400)} » {d.cite(cite(c, section, sentence))}")
    if c.history:
        d.say(f"Historique selon la fiche {d.cite(cite(c, 'historique', c.history))} : {c.history}")
    if former:
        d.say(f"Intitulés et enregistrements antérieurs {d.cite(cite(c, 'enregistrement', chr(10).join(former)))} :")
        d.lines += bullets(former)
    return d


def _sentences_naming(c: Certification, codes: list[str]) -> list[tuple[str, str]]:
    """The sentences of the fiche's text that name a certification it replaced or that replaced it, with
    their section: the export gives the code alone ("RNCP90054"), the text its title and what carries over
    ("les blocs 1, 3 et 4 sont reconnus dans le titre Chef de projet… (RNCP90054) qui succède au présent
    titre")."""
    wanted = [code for code in codes if normalise_code(code) == code]  # titles given instead are not searched
    texts = (("resume", c.summary), ("validation_partielle", c.partial_validation), ("vae", c.vae_rules))
    found = [(section, sentence) for section, text in texts for sentence in split_sentences(text)
             if any(re.search(rf"\b{code}\b", sentence) for code in wanted)]
    return list(dict.fromkeys(found))


def equivalences(c: Certification, q=None, toward: set[str] | None = None) -> Draft | None:
    """Blocs that correspond to blocs of another certification (acquired there, acquired here); only those
    toward the certifications in `toward` when some are."""
    numbers = set(q.bloc_numbers) if q is not None else set()
    if q is not None and not numbers:  # "le bloc « Formaliser un besoin numérique »": named by its title
        numbers = {u.number for u in units_written_out(q.folded, c.units)}
    rows = [x for x in c.correspondences if x.blocs]
    if toward:
        rows = [x for x in rows if x.certification in toward]
    if numbers:
        rows = [x for x in rows if any(c.bloc(code) and c.bloc(code).number in numbers for code in x.blocs)] or rows
    told = [] if toward else _equivalences_in_summary(c)
    if not rows and not told:
        return None
    d = Draft()
    if rows:
        lines = [correspondence_line(x) for x in rows]
        d.say(f"Correspondances entre les blocs de {named(c)} et ceux d'autres certifications "
              f"{d.cite(cite(c, 'correspondances', chr(10).join(lines)))} :")
        d.lines += bullets(lines)
    return _told(d, c, told)


# "Les blocs … de l'ancien titre sont reconnus par équivalence des blocs 2 et 3 du présent titre": the summary's
# own sentence on what another certification's units count for here
EQUIVALENCE_WORDS = re.compile(r"\bequivalen")
UNIT_WORDS = re.compile(r"\b(?:blocs?|unites?|epreuves?|ccp|modules?|domaines? de competences?)\b")
EQUIVALENCE_SENTENCES = 2


def _equivalences_in_summary(c: Certification) -> list[str]:
    """The summary's sentences that say which units of another certification count here: the structured
    correspondences give codes, these sentences the words ("les autres blocs de l'ancien titre n'ont pas
    d'équivalent")."""
    return _summary_sentences(c, lambda folded: bool(EQUIVALENCE_WORDS.search(folded) and UNIT_WORDS.search(folded)),
                              EQUIVALENCE_SENTENCES)


def regulations(c: Certification, _q=None) -> Draft | None:
    if not c.regulations:
        return None
    d = Draft()
    d.say(f"Réglementation des activités selon la fiche {named(c)} "
          f"{d.cite(cite(c, 'reglementation', c.regulations))} : {c.regulations}")
    return d


def options(c: Certification, _q=None) -> Draft | None:
    """Units the candidate chooses between ("au choix"), as the fiche marks them."""
    chosen = [u for u in c.units if u.note]
    if not chosen:
        return None
    d = Draft()
    quote = "\n".join(f"{u.title} ({u.note})" for u in chosen)
    d.say(f"La fiche {named(c)} prévoit des unités au choix {d.cite(cite(c, 'unite', quote))} :")
    d.lines += bullets([f"{u.number}. {u.title} ({u.note})" for u in chosen])
    return d


def prerequisites(c: Certification, _q=None) -> Draft | None:
    if not c.prerequisites:
        return None
    d = Draft()
    d.say(f"Prérequis indiqués par la fiche {named(c)} {d.cite(cite(c, 'prerequis', c.prerequisites))} : "
          f"{c.prerequisites}")
    return d


def overview(c: Certification, q=None) -> Draft | None:
    d = Draft()
    line = levels_line(c)
    marker = d.cite(cite(c, "presentation", f"{c.title}\nNiveau : {line}\n{status_line(c)}"))
    d.say(f"{named(c)} : {line} ; {status_line(c)} {marker}.")
    if c.summary:
        summary = shortened(c.summary, 700)
        d.say(f"Résumé de la fiche {d.cite(cite(c, 'resume', c.summary))} : {summary}")
    listed = bloc_list(c, q)
    if listed:
        d.extend(listed)
    return d
