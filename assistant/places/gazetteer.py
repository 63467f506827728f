"""French places: where a candidate says they live ("jsuis a epinal", "côté Angoulême", "en Haute-Vienne") and
where an organisation's name puts it ("… AGRICOLE D'ANTIBES", "CCI TERRITORIALE DE LA CHARENTE"), and how
far apart the two are.

The places are the file `places_fr.tsv` beside this module (see `build.py`): towns of 5,000 people or more
with their coordinates, départements at their prefecture, régions by code. A question's place is read only
after a word that introduces one ("à", "sur", "de", "en", "côté", "près de"…), so a town that is also a
word ("Sens", "Tours") is not read in "le sens du bloc".
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.places.build import OVERSEAS
from assistant.text_normalise import words

SOURCE = Path(__file__).with_name("places_fr.tsv")
# the words after which a question names a place: "à Cannes", "au Mans", "de la Haute-Vienne", "côté Angoulême"
INTRODUCERS = {"a", "au", "aux", "sur", "de", "d", "du", "des", "en", "vers", "cote", "pres", "proche", "autour",
               "region", "departement", "secteur", "dans", "sud", "nord", "est", "ouest"}
ARTICLES = {"la", "le", "les", "l"}  # an introducer's article: "de la Haute-Vienne", "dans le Var"
OF = {"de", "d", "du", "des"}  # "la CCI de la Drôme" says which organisation, "près de Lille" where one is
ARTICLE_IN = {"au": "le", "du": "le", "aux": "les", "des": "les"}  # "au Mans" is "à Le Mans"
SHORTEST_IN_QUESTION = 3  # letters of a one-word place after an introducer ("Pau", "Gap")
SHORTEST_IN_NAME = 4  # in an organisation's name, where no introducer says a place comes ("EU", "LE")…
SHORTEST_DEPARTEMENT = 3  # …but a département's name says one ("CCI DU VAR", "… DE L'AIN")
EARTH_KM = 6371.0
SPECIFIC = {"commune": 0, "departement": 1, "ancienne_region": 2, "region": 3}


@dataclass(frozen=True)
class Place:
    kind: str  # "commune", "departement" (at its prefecture), "ancienne_region" (a région of before 2016) or "region"
    name: str
    latitude: float | None
    longitude: float | None
    region: str
    departement: str = ""


@cache
def _places() -> tuple[dict[tuple[str, ...], list[Place]], int]:
    """Places by their folded words, and the most words a name has."""
    by_words: dict[tuple[str, ...], list[Place]] = {}
    with SOURCE.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            place = Place(row["kind"], row["name"], float(row["latitude"]) if row["latitude"] else None,
                          float(row["longitude"]) if row["longitude"] else None, row["region"], row["departement"])
            by_words.setdefault(tuple(words(place.name)), []).append(place)
            if place.kind in ("region", "ancienne_region"):  # "PAYS DE LOIRE" for "Pays de la Loire"
                bare = tuple(w for w in words(place.name) if w not in ARTICLES)
                by_words.setdefault(bare, []).append(place)
    for found in by_words.values():
        found.sort(key=lambda p: SPECIFIC[p.kind])
    return by_words, max(len(key) for key in by_words)


def _longest_at(tokens: list[str], start: int, shortest: int) -> tuple[int, list[Place]]:
    by_words, longest = _places()
    for end in range(min(len(tokens), start + longest), start, -1):
        key = tuple(tokens[start:end])
        places = by_words.get(key, [])
        if end - start == 1 and len(key[0]) < shortest:
            places = [p for p in places if p.kind != "commune" and len(key[0]) >= SHORTEST_DEPARTEMENT]
        if places:
            return end, places
    return start, []


def places_asked(question: str, where_from: bool = False) -> list[Place]:
    """The places a question names, the most specific first (a town before its région: "en Nouvelle-Aquitaine,
    côté Angoulême" is asked from Angoulême). `where_from`: only those said as where the candidate is ("à
    Angers", "en Alsace", "près de Lille"), not those of an organisation ("la CCI de la Drôme")."""
    tokens = words(question)
    found: list[Place] = []
    introducers = INTRODUCERS - OF if where_from else INTRODUCERS
    for position in range(1, len(tokens)):
        before = tokens[position - 1]
        if before in ARTICLES and position > 1:
            before = tokens[position - 2]
        if before not in introducers and not (where_from and _near_of(tokens, position)):
            continue
        candidates = [tokens[position:]]
        if before in ARTICLE_IN:
            candidates.append([ARTICLE_IN[before], *tokens[position:]])
        for candidate in candidates:
            end, places = _longest_at(candidate, 0, SHORTEST_IN_QUESTION)
            if places:
                found.append(places[0])
                break
    return sorted(dict.fromkeys(found), key=lambda p: SPECIFIC[p.kind])


def _near_of(tokens: list[str], position: int) -> bool:
    """"près de Lille", "autour d'Angers": a "de" that says where, after a word of nearness."""
    start = position - 1 - (tokens[position - 1] in ARTICLES)
    return start >= 1 and tokens[start] in OF and tokens[start - 1] in {"pres", "proche", "autour", "cote"}


DIRECTIONS = {"nord", "sud", "est", "ouest"}


OVERSEAS_REGIONS = frozenset(OVERSEAS.values())  # Guadeloupe, Martinique, Guyane, La Réunion, Mayotte


def is_overseas(place: Place) -> bool:
    """Whether a place is in an overseas région (outre-mer), as the INSEE codes them."""
    return place.region in OVERSEAS_REGIONS


def places_in_name(name: str) -> list[Place]:
    """The places an organisation's name holds ("LEGTPA LIMOGES LES VASEIX": Limoges). A direction right
    after a place says which part of it ("GRETA LORRAINE NORD"), not the département Nord."""
    tokens = words(name)
    found: list[Place] = []
    position = found_end = 0
    while position < len(tokens):
        end, places = _longest_at(tokens, position, SHORTEST_IN_NAME)
        if places and found and position == found_end and end == position + 1 and tokens[position] in DIRECTIONS:
            places = []
        if places:
            found_end = end
            found.append(places[0])
            position = end
        else:
            position += 1
    return found


def distance_km(asked: Place, other: Place) -> float | None:
    """How far apart two places are: kilometres between towns or prefectures; 0 when one is a région (of
    today or of before 2016) the other lies in; None when they cannot be compared (a région and a place
    outside it is far: None too)."""
    if asked.kind == "region" or other.kind == "region":
        return 0.0 if asked.region == other.region else None
    if "ancienne_region" in (asked.kind, other.kind):
        return 0.0 if departements_of(asked) & departements_of(other) else None
    if None in (asked.latitude, asked.longitude, other.latitude, other.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (asked.latitude, asked.longitude, other.latitude, other.longitude))
    haversine = (math.sin((lat2 - lat1) / 2) ** 2
                 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(math.sqrt(haversine))


def departements_of(place: Place) -> frozenset[str]:
    """The départements a place lies in: its own, those of a former région, a town's nearest prefecture (the
    file does not say a town's département; the nearest prefecture is it but near some borders)."""
    if place.kind == "ancienne_region":
        return frozenset(place.departement.split())
    if place.kind == "departement":
        return frozenset({place.departement})
    return frozenset({_nearest_departement(place.latitude, place.longitude)}) if place.latitude is not None \
        else frozenset()


@cache
def _prefectures() -> tuple[Place, ...]:
    by_words, _ = _places()
    return tuple(dict.fromkeys(p for found in by_words.values() for p in found if p.kind == "departement"))


@cache
def _nearest_departement(latitude: float, longitude: float) -> str:
    here = Place("commune", "", latitude, longitude, "", "")
    return min(_prefectures(), key=lambda p: _or_far(distance_km(here, p))).departement


def _or_far(distance: float | None) -> float:
    return math.inf if distance is None else distance


def without_places(question: str, places: list[Place]) -> str:
    """The question's words less those of the places it names (folded): what is left names the rest."""
    said = {word for place in places for word in words(place.name)}
    return " ".join(word for word in words(question) if word not in said)


ADJECTIVE_STEM = 6  # letters a place and the adjective of its people share ("martiniq-ue", "martiniq-uais"), or
# the whole of a shorter place ("douai", "DOUAISIS")


def named_after(name: str, place: Place) -> bool:
    """Whether a name that holds no place is named after this one by the adjective of its people or its
    country ("INSTITUT MARTINIQUAIS DE FORMATION" for Martinique, "… ARTOIS-DOUAISIS" for Douai)."""
    if places_in_name(name):
        return False
    own = [w for w in words(place.name) if len(w) >= SHORTEST_IN_NAME]
    return any(word != stem and word[:shared] == stem[:shared]
               for word in words(name) for stem in own
               for shared in [min(ADJECTIVE_STEM, len(stem))] if len(word) >= shared)
