"""Each unit's own passage as a second opinion on which unit an experience proves (hashed vectors: the
logic, not the model's judgement)."""

from __future__ import annotations

import numpy as np

from assistant.mapping.bank import RequirementBank
from assistant.mapping.unit_passages import unit_retrieval


def _vector(index, text: str) -> np.ndarray:
    vector = np.asarray(index.embedder.embed_query(text), dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_the_unit_whose_passage_holds_the_experience_words_stands_out(fast_index):
    passages = RequirementBank.of(fast_index).unit_passages("RNCP36612")
    text = "Chaque mois j'établissais les bulletins de paie et la DSN, et je contrôlais les cotisations sociales."
    found = unit_retrieval(fast_index, passages, text, _vector(fast_index, text))
    assert set(found) == {unit.code for unit in fast_index.certification("RNCP36612").units}
    by_words = {unit: words for unit, (words, _) in found.items()}
    assert max(by_words, key=by_words.get) == "RNCP36612BC02"  # the payroll bloc, among the four
    # standardised against the certification's other units: says which unit, never whether any
    assert abs(sum(by_words.values())) < 1e-6


def test_an_experience_no_passage_shares_a_word_with_gets_no_opinion_by_words(fast_index):
    passages = RequirementBank.of(fast_index).unit_passages("RNCP37674")
    text = "xyzzy plugh"  # no word any passage holds
    found = unit_retrieval(fast_index, passages, text, _vector(fast_index, text))
    assert found and all(words == 0.0 for words, _ in found.values())


def test_the_unit_passages_are_read_once_per_certification(fast_index):
    bank = RequirementBank.of(fast_index)
    first = bank.unit_passages("RNCP36612")
    assert first is not None and first.complete and bank.unit_passages("RNCP36612") is first
    assert set(first.unit_of.values()) == {unit.code for unit in fast_index.certification("RNCP36612").units}
