"""Questions asked from a place: "jsuis a epinal, la cci de mon departement prepare le titre ?", "un lycée
agricole près de Limoges ?".

The fiches list authorised organisations by name, never by address. A name often says where the
organisation is ("… AGRICOLE D'ANTIBES", "CCI TERRITORIALE DE LA CHARENTE"), so the organisations whose name
holds a place near the one asked are found and said, with how far that place is; the fiche's silence on
the others is said too. Nothing is claimed of an organisation whose name holds no place.
"""

from __future__ import annotations

from assistant.answer import Answer, cite
from assistant.answering import drafts
from assistant.answering.drafts import Draft, named
from assistant.answering.organisations import PARTNER_SECTION
from assistant.places.gazetteer import Place, distance_km, named_after, places_in_name
from assistant.text_normalise import fold

NEAR_KM = 50.0  # "dans le coin": a town and its neighbours…
DEPARTEMENT_KM = 90.0  # …a département, placed at its prefecture, reaches about this far from it
ELSEWHERE = ("Les fiches ne donnent pas l'adresse des organismes : vérifiez auprès d'eux (sessions, conditions "
             "d'accès), ou cherchez un accompagnement près de chez vous sur France VAE (vae.gouv.fr).")


def partners_near(certification, asked: Place) -> list[tuple[str, Place, float]]:
    """The active partners of a certification whose name holds a place within `NEAR_KM` of `asked`,
    nearest first: (name, the place its name holds, kilometres)."""
    found = []
    for partner in certification.partners:
        if partner.active is False:
            continue
        distances = [(distance, place) for place in places_in_name(partner.name)
                     if (distance := distance_km(asked, place)) is not None and distance <= _reach(asked, place)]
        if distances:
            distance, place = min(distances, key=lambda pair: pair[0])
            found.append((partner.name, place, distance))
        elif named_after(partner.name, asked):
            found.append((partner.name, asked, 0.0))
    return sorted(found, key=lambda item: (item[2], item[0]))


def placed_near(names: list[str], asked: Place) -> bool:
    """Whether one of these organisations' names puts it near the place asked."""
    return any(named_after(name, asked) or any(
        (distance := distance_km(asked, place)) is not None and distance <= _reach(asked, place)
        for place in places_in_name(name)) for name in names)


def _reach(asked: Place, place: Place) -> float:
    """How far apart two places may be to be near: a town and a département's prefecture are near when the
    town may lie in the département ("au Havre" and the "CFA DE SEINE-MARITIME", whose prefecture is Rouen)."""
    if "departement" in (asked.kind, place.kind) and asked.kind != place.kind:
        return DEPARTEMENT_KM
    if asked.kind == place.kind == "departement":
        return 0.0 if asked.departement != place.departement else 1.0
    return NEAR_KM


def _where(place: Place, distance: float, asked: Place) -> str:
    """Where the name puts the organisation: a town (with its distance when it is not the one asked), a
    département, a région."""
    if place.kind == "departement":
        return f"département {place.name}"
    if place.kind == "ancienne_region" or "region" in (asked.kind, place.kind) or distance < 5:
        return place.name
    return f"{place.name}, à environ {round(distance / 5) * 5:.0f} km"


def place_phrase(asked: Place) -> str:
    """"d'Épinal", "du département Vosges (88)", "de la région Bretagne": the place asked, after "proche"."""
    of = "d'" if fold(asked.name)[:1] in "aeiouy" else "de "
    return {"commune": f"{of}{asked.name}", "departement": f"du département {asked.name} ({asked.departement})",
            "region": f"de la région {asked.name}", "ancienne_region": f"de la région {asked.name}"}[asked.kind]


def place_answer(index, codes: list[str], asked: Place, only_near: bool = False) -> Answer | None:
    """For each certification asked about (or, none named, every one with such partners), the partners
    near the place, or when none is, that their names say so of none and the fiche's own list; None when
    no certification is asked about and none has a partner near, or when `only_near` and none is near."""
    draft = Draft()
    certifications = [c for c in (index.certification(code) for code in codes) if c is not None and c.partners]
    if codes and not certifications:  # no list of organisations to read: the fiche's own answer says so
        return None
    by_code = {c.code: partners_near(c, asked) for c in certifications}
    if not codes:
        by_code = {code: near for code in index.titles
                   if (near := partners_near(index.certification(code), asked))}
        if not by_code:
            return None
        certifications = [index.certification(code) for code in by_code]
    if any(by_code[c.code] for c in certifications):  # the others' silence would only lengthen the answer
        certifications = [c for c in certifications if by_code[c.code]]
    elif only_near:
        return None
    for certification in certifications:
        near = by_code[certification.code]
        if near:
            marker = draft.cite(cite(certification, PARTNER_SECTION, " ; ".join(name for name, _, _ in near)))
            draft.say(f"D'après la fiche {named(certification)}, ces organismes partenaires ont dans leur nom un "
                      f"lieu proche {place_phrase(asked)} {marker} :")
            for name, place, distance in near:
                draft.say(f"- {name} ({_where(place, distance, asked)})")
        else:  # the fiche's own list, for the candidate to look through
            draft.say(f"Aucun organisme partenaire de la fiche {named(certification)} n'a dans son nom un lieu "
                      f"proche {place_phrase(asked)} ; la fiche ne donne pas leurs adresses.")
            draft.extend(drafts.places(certification) or Draft())
    draft.say(ELSEWHERE)
    return Answer(text=draft.text, citations=draft.citations,
                  certification=certifications[0].code if len(certifications) == 1 else None)
