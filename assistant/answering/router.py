"""Which entry of the registry a question asks for: every entry scored, the best kept only when it is
clearly best.

Two signals, added:
- lexical: the entry's cues found in the folded question (the strongest cue, plus a quarter of the others);
- semantic: the embedder's similarity between the question and the entry's example questions (the best
  example), as a z-score against the other entries for this question, so that the model's habit of giving
  every French question a cosine of 0.8 does not count, only how much nearer this entry is than the rest.
The example vectors are computed once per embedder and kept in the user's cache folder.
The weights and thresholds are calibrated on the dev question sets (`vae-assistant eval --json` prints the
scores of every case): see `docs/ARCHITECTURE.md`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answering.fields import ENTRIES, FieldEntry
from assistant.index.french_analyser import analyse

SEMANTIC_WEIGHT = 0.25  # one standard deviation nearer than the other entries is worth a quarter of a cue
THRESHOLD = 0.55  # below this, no entry is asked for: the passages answer
SEMANTIC_ALONE = 3.0  # an entry none of whose cues the question holds must be this many deviations nearer
MARGIN = 0.12  # entries of one scope within two margins of the best are asked too


# "relève-t-elle du bloc", "fait-il partie": the subject put after the verb, as French asks, stands between
# a cue's words; it is read without it too ("relève du bloc", "fait partie")
INVERTED_SUBJECT = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous)\b")


@dataclass(frozen=True)
class Scored:
    entry: FieldEntry
    score: float
    lexical: float
    semantic: float


# the endings a short word takes in French ("cher", "chère", "chers"; "exam", "examen"; "dure", "durée",
# "durent"): a cue of one short word matches those, not every longer word it starts ("chercher", "agence")
SHORT_CUE = 4
INFLECTED = r"(?:s|x|e|es|ee|ees|en|ens|r|er|nt|ent)?\b"
# words that begin with a cue but are another word: "visio" is no "vision", "périmé" no "périmètre",
# "ancien" no "ancienneté", "passe" no "passerelle", "programme" no "programmeur"; a course "dispensé en
# anglais, par l'école, dans le centre" is taught there, nobody is exempted
OTHER_WORDS = ("vision", "perimetre", "anciennete", "avantage", "passerelle", "programmeur", "traiteur",
               "parcoursup", *(f"dispense{end} {word}" for end in ("", "e", "s", "es")
                               for word in ("en", "par", "dans", "a distance")))


# "l'autorité certificatrice", "une examinatrice": a cue naming who does a thing matches its feminine form
FEMININE_AGENT = re.compile(r"teur(?=s?(?:\[|$))")


def _cue_pattern(cue: str) -> re.Pattern[str]:
    """A cue matches at the start of a word ("evalu" in "évaluation"); "^" anchors it to the question's start;
    a cue of one short word matches it inflected, not as the start of another word."""
    start = r"^\s*" if cue.startswith("^") else r"(?<![a-z0-9])"
    bare = cue.lstrip("^").strip()
    words = FEMININE_AGENT.sub(r"t(?:eur|rice)", re.escape(bare).replace(r"\ ", r"[\s'-]+"))
    others = [word for word in OTHER_WORDS if word.startswith(bare) and word != bare]
    if others:
        start += "(?!" + "|".join(others) + ")"
    if cue.endswith(" "):
        end = r"\b"
    elif " " not in bare and bare.isalpha() and len(bare) <= SHORT_CUE:
        end = INFLECTED
    else:
        end = ""
    return re.compile(start + words + end)


class Router:
    def __init__(self, embedder_of: Callable[[], Any] | None, entries: tuple[FieldEntry, ...] = ENTRIES) -> None:
        """`embedder_of` gives the embedder when the examples' vectors are first needed: opening the app or
        the index does not load the model."""
        self.entries = entries
        self._embedder_of = embedder_of
        self._cues = {entry.name: [(cue, _cue_pattern(cue), weight) for cue, weight in entry.cues.items()]
                      for entry in entries}
        self._requires = [re.compile(entry.requires) if entry.requires else None for entry in entries]
        self._owner: list[int] = [i for i, entry in enumerate(entries) for _ in entry.examples]
        self._examples: np.ndarray | None = None

    # -- the examples' vectors, computed once per embedder ----------------------------------------------
    def _example_vectors(self) -> np.ndarray:
        if self._examples is None:
            texts = [example for entry in self.entries for example in entry.examples]
            self._examples = cached_vectors(self._embedder_of(), texts)
        return self._examples

    # -- scoring ----------------------------------------------------------------------------------------
    def lexical(self, folded: str) -> list[float]:
        scores = []
        plain = INVERTED_SUBJECT.sub("", folded)
        for entry in self.entries:
            found = sorted((weight for _, weight in self.cues_found(entry, folded, plain)), reverse=True)
            scores.append(min(1.5, found[0] + 0.25 * sum(found[1:])) if found else 0.0)
        return scores

    def cues_found(self, entry: FieldEntry, folded: str, plain: str | None = None) -> list[tuple[str, float]]:
        """The cues of one entry the folded question holds, with their weights (`plain`: the question
        without its inverted subjects, when already made)."""
        plain = INVERTED_SUBJECT.sub("", folded) if plain is None else plain
        return [(cue, weight) for cue, pattern, weight in self._cues[entry.name]
                if pattern.search(folded) or pattern.search(plain)]

    def patterns_found(self, entry: FieldEntry, folded: str) -> list[tuple[str, re.Pattern[str]]]:
        """The cues of one entry the folded question holds, with their patterns: to find the same words
        elsewhere, inflected as the cue allows ("financ" in "financières")."""
        found = {cue for cue, _ in self.cues_found(entry, folded)}
        return [(cue, pattern) for cue, pattern, _ in self._cues[entry.name] if cue in found]

    def semantic(self, vector: list[float] | None) -> list[float]:
        if vector is None or self._embedder_of is None:
            return [0.0] * len(self.entries)
        examples = self._example_vectors()
        query = np.asarray(vector, dtype=np.float32)
        similarities = examples @ query / (np.linalg.norm(examples, axis=1) * (np.linalg.norm(query) or 1.0))
        best = np.full(len(self.entries), -1.0, dtype=np.float32)
        for owner, similarity in zip(self._owner, similarities, strict=True):
            best[owner] = max(best[owner], similarity)
        # an entry without examples is neither near nor far: the others' z-scores are as without it
        shown = np.asarray([bool(entry.examples) for entry in self.entries])
        mean, spread = float(best[shown].mean()), float(best[shown].std()) or 1.0
        return [float((x - mean) / spread) if has else 0.0 for x, has in zip(best, shown, strict=True)]

    def score(self, folded: str, vector: list[float] | None) -> list[Scored]:
        """Every entry with its score, best first."""
        lexical, semantic = self.lexical(folded), self.semantic(vector)
        scored = [Scored(entry, lex + SEMANTIC_WEIGHT * sem, lex, sem)
                  for entry, lex, sem, needed in zip(self.entries, lexical, semantic, self._requires, strict=True)
                  if needed is None or needed.search(folded)]
        return sorted(scored, key=lambda s: -s.score)


def cue_stems(cues) -> set[str]:
    """The analysed words of cues (an entry's, or those found in a question): what asks, not what is asked."""
    return {stem for cue in cues for stem in analyse(cue.lstrip("^"))}


def _eligible(s: Scored) -> bool:
    """A decline needs a cue of its own, and so does the ranking of certifications for a person's job: mapping
    what someone says of themselves is asked in words ("viser", "me correspond", "mon poste"), not guessed
    from a question that merely speaks of them ("mon chien part en Espagne, quel vaccin ? jsuis asv en
    formation"). Any other entry needs a cue, or a semantic closeness far above the rest."""
    return s.lexical > 0 or (s.entry.scope not in ("decline", "fits_me") and s.semantic >= SEMANTIC_ALONE)


def decide_all(scored: list[Scored], allowed=lambda entry: True, most: int = 2) -> list[Scored]:
    """What the question asks, best first: the best entry, and the others of its scope that the question also
    asks for by their own words ("c'est encore actif ? jusqu'à quand ?") within two margins and with a cue of their own.
    The embedder's closeness alone never refuses a question, and rarely answers one (`_eligible`)."""
    kept = [s for s in scored if allowed(s.entry) and _eligible(s)]
    if not kept or kept[0].score < THRESHOLD:
        return []
    best = kept[0]
    also = [s for s in kept[1:] if s.entry.scope == best.entry.scope and s.lexical >= 0.5
            and s.score >= max(THRESHOLD, best.score - 2 * MARGIN)]
    return [best, *also][:most]


def cached_vectors(embedder, texts: list[str]) -> np.ndarray:
    """Vectors of fixed texts, computed once per embedder and kept in the user's cache folder."""
    digest = hashlib.sha256("\n".join([embedder.name, *texts]).encode("utf-8")).hexdigest()[:20]
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vae-assistant"
    path = folder / f"router-{digest}.npy"
    if path.exists():
        try:
            return np.load(path)
        except (OSError, ValueError):
            pass
    vectors = np.asarray([embedder.embed_query(text) for text in texts], dtype=np.float32)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(partial, vectors)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only home: the vectors are simply computed again next time
    return vectors
