"""The last step of every reader: extraction artefacts a candidate would see, removed from the fiche.

- "5 an(s)" reads "5 ans" (and "1 an(s)" "1 an");
- a list announced by a colon keeps its first item on the colon's line, and items lose the ";" that the
  line break already marks, so "composé de :\\n1 docteur…" never renders as "composé de : ; 1 docteur";
  empty items go;
- a certifier named twice ("CCI FRANCE ; CCI FRANCE", once per SIRET) is named once.

A fiche whose text changes here gets a new content hash: the next `index` embeds it again, once.
"""

from __future__ import annotations

import re

from assistant.certification import Certification, Certifier

_YEARS = re.compile(r"\b(\d+)\s*an\(s\)")
_EMPTY_ITEM = re.compile(r"([:;])(\s*;)+")
_ONLY_PUNCTUATION = re.compile(r"^[\s;,.:\-–•]*$")


def years(text: str) -> str:
    return _YEARS.sub(lambda m: f"{m.group(1)} {'an' if m.group(1) == '1' else 'ans'}", text)


def list_text(text: str) -> str:
    """Lines as items: no empty item, no ";" doubling a line break, the colon's first item on its line."""
    lines = [_EMPTY_ITEM.sub(r"\1", line).strip() for line in text.splitlines()]
    lines = [re.sub(r"^;\s*|\s*;$", "", line) for line in lines if not _ONLY_PUNCTUATION.match(line)]
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith(":"):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)


def certifiers(named: list[Certifier]) -> list[Certifier]:
    """One entry a name; of two entries for one name (two SIRETs), the active one, which keeps the other's
    SIRET among its inactive ones when the export marks it so (a candidate's funding file must give the
    right one: "lequel des deux SIRET de CCI France est inactif ?")."""
    by_name: dict[str, list[Certifier]] = {}
    for certifier in named:
        by_name.setdefault(" ".join(certifier.name.casefold().split()), []).append(certifier)
    kept = []
    for same in by_name.values():
        chosen = next((c for c in same if c.active), same[0])
        inactive = [o.siret for o in same
                    if o is not chosen and o.siret and o.active is False and o.siret != chosen.siret]
        kept.append(chosen.model_copy(update={"inactive_sirets": [*chosen.inactive_sirets, *inactive]}))
    return kept


def tidy_fiche(certification: Certification) -> Certification:
    c = certification
    update: dict[str, object] = {}
    if c.validity is not None and "an(s)" in c.validity.text:
        update["validity"] = c.validity.model_copy(update={"text": years(c.validity.text)})
    routes = [r.model_copy(update={"jury": list_text(r.jury)}) if r.jury else r for r in c.access_routes]
    if routes != c.access_routes:
        update["access_routes"] = routes
    kept = certifiers(c.certifiers)
    if len(kept) != len(c.certifiers):
        update["certifiers"] = kept
    for field in ("vae_rules", "partial_validation", "evaluation"):
        value = getattr(c, field)
        if "an(s)" in value:
            update[field] = years(value)
    return c.model_copy(update=update) if update else c
