"""How each unit's own passage of the fiche retrieves an experience: a second opinion on which unit it proves.

A requirement is a short phrase; a unit's passage holds all of them together with the words of its
evaluation, often the concrete ones candidates use ("dossier de projet", "bulletins", "mise en situation").
Both halves of the index read it (BM25, whose rarity counts over every passage of the corpus, and the
embedder), and each unit's best passage is set against the other units of the same certification
(a z-score). So the signal says which unit, never whether any: it ranks the units the links already
evidence and makes no link of its own. Measured on the labelled dev sets, the strongest unit is the
right one for 0.81 of the experiences with it, 0.74 without.
"""

from __future__ import annotations

import numpy as np

from assistant.certification import Certification


def _standardised(best: dict[str, float], units: list[str]) -> dict[str, float]:
    """Each unit's score against the others of its certification; a unit no passage of which was found
    scores as the weakest found."""
    if not best:
        return {}
    floor = min(best.values())
    values = np.array([best.get(unit, floor) for unit in units], dtype=np.float64)
    spread = values.std()
    if len(units) < 2 or spread < 1e-9:
        return dict.fromkeys(units, 0.0)
    return {unit: float((value - values.mean()) / spread) for unit, value in zip(units, values, strict=True)}


def unit_retrieval(index, certification: Certification, text: str, vector) -> dict[str, tuple[float, float]]:
    """Per unit of the certification: (BM25 z-score, embedder z-score) of its best passage for `text`, whose
    query vector is `vector` (already computed: the candidate's words are embedded once)."""
    units = [unit.code for unit in certification.units]
    ids = index.lexical.ids_of([certification.code])
    chunks = index.catalog.chunks(ids)
    unit_of = {chunk_id: chunk.bloc for chunk_id, chunk in chunks.items() if chunk.bloc in units}
    if len(units) < 2 or not unit_of:
        return {}
    lexical: dict[str, float] = {}
    for chunk_id, score in index.lexical.search(text, len(ids), [certification.code]):
        if chunk_id in unit_of:
            lexical[unit_of[chunk_id]] = max(lexical.get(unit_of[chunk_id], 0.0), score)
    dense: dict[str, float] = {}
    for chunk_id, similarity in index.dense.similarities(vector, list(unit_of)):
        dense[unit_of[chunk_id]] = max(dense.get(unit_of[chunk_id], -1.0), similarity)
    by_words = _standardised(lexical, units) if lexical else dict.fromkeys(units, 0.0)
    by_meaning = _standardised(dense, units) if dense else dict.fromkeys(units, 0.0)
    return {unit: (by_words[unit], by_meaning[unit]) for unit in units}
