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

from dataclasses import dataclass

import numpy as np

from assistant.certification import Certification


@dataclass(frozen=True)
class UnitPassages:
    """A certification's unit passages, read once for every experience compared with them (the requirement
    bank keeps them): which unit each passage is of, and the vectors of those that have one."""

    code: str
    units: list[str]
    unit_of: dict[str, str]  # passage id -> unit code
    vector_ids: list[str]
    vectors: np.ndarray  # rows of length 1, in the order of `vector_ids`

    @property
    def complete(self) -> bool:
        """Every passage has its vector (not so while vectors are still being computed behind `serve`)."""
        return len(self.vector_ids) == len(self.unit_of)


def read_unit_passages(index, certification: Certification) -> UnitPassages | None:
    """The passages of the certification's units; None when it has fewer than two units or no such passage:
    there is then nothing to tell apart."""
    units = [unit.code for unit in certification.units]
    chunks = index.catalog.chunks(index.lexical.ids_of([certification.code]))
    unit_of = {chunk_id: chunk.bloc for chunk_id, chunk in chunks.items() if chunk.bloc in units}
    if len(units) < 2 or not unit_of:
        return None
    vector_ids, vectors = index.dense.normalised_vectors(list(unit_of))
    return UnitPassages(certification.code, units, unit_of, vector_ids, vectors)


def _standardised(best: dict[str, float], units: list[str]) -> dict[str, float]:
    """Each unit's score against the others of its certification; a unit no passage of which was found
    scores as the weakest found; nothing found, or all alike, is no opinion (0 for every unit)."""
    floor = min(best.values(), default=0.0)
    values = np.array([best.get(unit, floor) for unit in units], dtype=np.float64)
    spread = values.std()
    if spread < 1e-9:
        return dict.fromkeys(units, 0.0)
    return {unit: float((value - values.mean()) / spread) for unit, value in zip(units, values, strict=True)}


def unit_retrieval(index, passages: UnitPassages, text: str, vector) -> dict[str, tuple[float, float]]:
    """Per unit: (BM25 z-score, embedder z-score) of its best passage for `text`, whose query vector is
    `vector` (already computed: the candidate's words are embedded once)."""
    lexical: dict[str, float] = {}
    for chunk_id, score in index.lexical.search(text, len(index.lexical.ids_of([passages.code])), [passages.code]):
        if chunk_id in passages.unit_of:
            unit = passages.unit_of[chunk_id]
            lexical[unit] = max(lexical.get(unit, 0.0), score)
    dense: dict[str, float] = {}
    if passages.vector_ids:
        similarities = passages.vectors @ np.asarray(vector, dtype=np.float32)
        for chunk_id, similarity in zip(passages.vector_ids, similarities, strict=True):
            unit = passages.unit_of[chunk_id]
            dense[unit] = max(dense.get(unit, -1.0), float(similarity))
    by_words, by_meaning = _standardised(lexical, passages.units), _standardised(dense, passages.units)
    return {unit: (by_words[unit], by_meaning[unit]) for unit in passages.units}
