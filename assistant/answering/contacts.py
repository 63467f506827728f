"""Contact details a fiche itself gives: the telephone and e-mail of the places that deliver or prepare the
certification, and the web pages the fiche links to.

Most fiches give none, which is why "contacts" is a topic the assistant declines; but a candidate who asks
for the IESA's number in Lyon should get it when the fiche has it. Details are found by their shape (a
French telephone number, an e-mail address, a web address), not by a word: the fiche writes "Tél :", a
bullet, or nothing at all before them.
"""

from __future__ import annotations

import re

from assistant.answer import cite
from assistant.answering.drafts import Draft, bullets, named
from assistant.certification import Certification
from assistant.contact_shapes import EMAIL, PHONE, WEB
from assistant.first_of_each import first_of_each
from assistant.index.french_analyser import analyse
from assistant.text_normalise import fold

# pages about the register itself, not ways to reach the certifier or a school
REGISTER_PAGE = re.compile(r"rncp\.cncp\.gouv|francecompetences\.fr")
NOT_A_CONTACT = re.compile(rf"{REGISTER_PAGE.pattern}|pole-emploi\.fr|francetravail\.fr|legifrance")
MAX_PAGES = 6
# a question about the register's own page of the fiche ("sa page sur l'ancien site de la CNCP", "le lien de la
# fiche sur France Compétences"): those pages are what it asks for
REGISTER_ASKED = re.compile(r"\bcncp\b|commission nationale|france competences|\brncp\b.{0,20}\b(?:page|site|lien)"
                            r"|\b(?:page|lien|url|adresse|site)\b.{0,40}\bfiches?\b")


def _places(text: str) -> list[tuple[str, list[str]]]:
    """(the place, its telephones and e-mails), read from a places text: a line without any detail names
    a place, the details on the lines after it belong to it."""
    found: list[tuple[str, list[str]]] = []
    place = ""
    for line in text.split("\n"):
        if not line.strip():
            place = ""  # a blank line ends a place's block
            continue
        details = PHONE.findall(line) + EMAIL.findall(line)
        rest = EMAIL.sub("", PHONE.sub("", line)).strip(" •-–:;,\t").removesuffix("Tél").strip(" :")
        if rest and not details:
            place = rest if not place or found and found[-1][0] == place else f"{place}, {rest}"
            continue
        if details:
            name = rest or place
            if found and found[-1][0] == name:
                found[-1][1].extend(d for d in details if d not in found[-1][1])
            else:
                found.append((name, list(dict.fromkeys(details))))
    return found


def contact_details(c: Certification, question: str) -> Draft | None:
    """The fiche's contact details, those of the place the question names first (a city, a school)."""
    places = [item for text in (c.certification_places, c.preparation_places) for item in _places(text)]
    places = first_of_each(places, key=lambda place: tuple(place[1]))  # the same details given twice, once
    register = REGISTER_ASKED.search(fold(question)) is not None
    pages = [url for url in dict.fromkeys(c.links + [u for line in c.more_information for u in WEB.findall(line)])
             if register or not NOT_A_CONTACT.search(url)]
    if register:  # the register's pages first: they are what was asked
        pages.sort(key=lambda url: not REGISTER_PAGE.search(url))
    if not places and not pages:
        return None
    asked = set(analyse(question))
    shared = [len(asked & set(analyse(name))) for name, _ in places]
    if shared and max(shared) > 0:  # "le numéro de l'IESA à Lyon": the places the question names the most
        places = [place for place, count in zip(places, shared, strict=True) if count == max(shared)]
    d = Draft()
    if places:
        quote = "\n".join(f"{name} : {', '.join(details)}" for name, details in places)
        d.say(f"Coordonnées indiquées par la fiche {named(c)} {d.cite(cite(c, 'lieux', quote))} :")
        d.lines += bullets([f"{name} : {', '.join(details)}" if name else ", ".join(details)
                            for name, details in places])
    if pages:
        shown = pages[:MAX_PAGES]
        d.say(f"Pages indiquées par la fiche {d.cite(cite(c, 'liens', chr(10).join(shown)))} :")
        d.lines += bullets(shown)
    if register:
        d.say(f"La fiche à jour est publiée par France Compétences : {c.fiche_url}")
    else:
        d.say("Les inscriptions et les rendez-vous se font auprès de ces organismes ; la fiche ne les décrit pas.")
    return d
