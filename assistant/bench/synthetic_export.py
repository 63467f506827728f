"""Full-size synthetic exports in the official format, for benchmarks: the 12 real sample fiches recombined.

Each generated fiche is a real fiche of the sample under a new code (RNCP9xxxxx, bloc codes following).
Sizes vary the way the real register's do, where many fiches are short: one fiche in four gets the blocs
of another sample fiche appended, two in four are cut down to their first bloc and the opening of their
long texts. Written as a stream: 10 000 fiches never sit in memory at once.

`revised` rewrites a chosen share of fiches (a sentence added to their objectives), which is what a new
export looks like to the indexer: same codes, some contents changed.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

FIRST_CODE = 900_000
LONG_TEXTS = ("ACTIVITES_VISEES", "CAPACITES_ATTESTEES", "OBJECTIFS_CONTEXTE")
SHORT_KEEPS_BLOCS = 1
REVISED_SENTENCE = " Cette fiche a été révisée dans l'export suivant."


def _templates(sample: Path) -> list[etree._Element]:
    return list(etree.parse(str(sample)).getroot().iter("FICHE"))


def _recode(fiche: etree._Element, old: str, new: str) -> None:
    for element in fiche.iter():
        if element.text and old in element.text:
            element.text = element.text.replace(old, new)


def _append_donor_blocs(fiche: etree._Element, donor: etree._Element, code: str) -> None:
    blocs, extra = fiche.find("BLOCS_COMPETENCES"), donor.find("BLOCS_COMPETENCES")
    if blocs is None or extra is None:
        return
    count = len(blocs)
    for offset, bloc in enumerate(extra, start=1):
        added = copy.deepcopy(bloc)
        bloc_code = added.find("CODE")
        if bloc_code is not None:
            bloc_code.text = f"{code}BC{count + offset:02d}"
        blocs.append(added)


def _shorten(fiche: etree._Element) -> None:
    blocs = fiche.find("BLOCS_COMPETENCES")
    if blocs is not None:
        for bloc in list(blocs)[SHORT_KEEPS_BLOCS:]:
            blocs.remove(bloc)
    for tag in LONG_TEXTS:
        element = fiche.find(tag)
        if element is not None and element.text:
            element.text = element.text[: len(element.text) // 8]


def synthetic_fiche(templates: list[etree._Element], number: int, revised: bool = False) -> etree._Element:
    base = templates[number % len(templates)]
    fiche = copy.deepcopy(base)
    old = fiche.findtext("NUMERO_FICHE") or ""
    new = f"RNCP{FIRST_CODE + number}"
    _recode(fiche, old, new)
    identifier = fiche.find("ID_FICHE")
    if identifier is not None:
        identifier.text = str(FIRST_CODE + number)
    donor = templates[(number // len(templates) + number + 1) % len(templates)]
    if number % 4 == 1 and donor is not base:
        _append_donor_blocs(fiche, donor, new)
    elif number % 4 >= 2:
        _shorten(fiche)
    if revised:
        objectives = fiche.find("OBJECTIFS_CONTEXTE")
        if objectives is not None:
            objectives.text = (objectives.text or "") + REVISED_SENTENCE
    return fiche


def write_synthetic_export(sample: Path, out: Path, fiches: int, revised: Iterable[int] = ()) -> Path:
    """Write `fiches` fiches to `out`; the numbers in `revised` carry a changed objective."""
    templates = _templates(sample)
    changed = set(revised)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as target:
        target.write(b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<FICHES>\n'
                     b"  <VERSION_FLUX>4.1</VERSION_FLUX>\n")
        for number in range(fiches):
            target.write(etree.tostring(synthetic_fiche(templates, number, number in changed), encoding="utf-8"))
            target.write(b"\n")
        target.write(b"</FICHES>\n")
    return out


def revised_numbers(fiches: int, share: float, seed: int = 11) -> list[int]:
    """`share` of the fiche numbers (at least one), drawn at random (seeded) so that long and short
    fiches are changed in their usual proportions: the fiches a new export changes."""
    count = max(1, round(fiches * share))
    return sorted(random.Random(seed).sample(range(fiches), count))
