"""Mapping questions in the chat: "J'ai organisé la tournée d'une compagnie en Allemagne, ça correspond à
quel bloc ?" gets the units the experience supports, the fiche's matching phrase quoted and cited.

The experience is used for this answer only; the answer quotes the fiche, not the candidate.
"""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.mapping.experiences import ExperienceError, split_experiences
from assistant.mapping.mapper import ExperienceMapper
from assistant.mapping.ranking import rank_certifications
from assistant.render.mapping import chat_mapping, chat_ranking

_FIRST_PERSON = re.compile(
    r"\b(j['’]\s*(?:ai|étais|etais|avais|organise|anime|encadre|accueille|assure|gère|gere|travaille|occupe)|"
    r"je\s+(?:suis|fais|faisais|gère|gere|gérais|gerais|m['’]occupe|travaille|travaillais|dirige|prépare|"
    r"conçois|réalise|rédige|suis\s+\w+)|"
    r"mon\s+(?:poste|métier|travail|emploi|expérience)|mes\s+(?:missions|expériences|activités))",
    re.IGNORECASE,
)
_MAPPING_ASK = re.compile(
    r"((?:ça|cela|ca|ceci|elle|il)?\s*(?:correspond\w*|rentre\w*|relève\w*|releve\w*|compte\w*|vaut|valide\w*|"
    r"couvr\w*|se\s+rattache\w*)\s+(?:à|a|au|aux|avec|dans|pour)?\s*(?:quel|quelle|quels|quelles|un|des|le|la)?"
    r"\s*(?:bloc|blocs|compétence|compétences|competence|competences|activité|activités|unité|unités|"
    r"certification|certifications|titre|diplôme|partie)\b|"
    r"(?:quel|quels|quelle|quelles)\s+(?:bloc|blocs|compétences?|certifications?|activités?)\s+"
    r"(?:ça|cela|ca|correspond\w*|valid\w*|couvr\w*|pourr\w*|puis|peut|je\s+peux)|"
    r"dans\s+quel\s+bloc|à\s+quel\s+bloc|quel\s+bloc\s+(?:pour|viser)|"
    r"(?:comment|où)\s+(?:valoriser|placer|mettre)\b)",
    re.IGNORECASE,
)


CLOSE_TO_BEST = 0.5  # certifications listed beside the best one must cover at least half as well


def experience_in(question: str) -> str | None:
    """The experience a mapping question describes, without the question itself; None for other questions."""
    asked = _MAPPING_ASK.search(question)
    if not asked or not _FIRST_PERSON.search(question):
        return None
    before, after = question[:asked.start()], question[asked.end():]
    experience = before if len(before.split()) >= len(after.split()) else after
    experience = re.sub(r"[\s,;:?!-]+(?:est-ce\s+que|et|mais|donc)?\s*$", "", experience, flags=re.IGNORECASE)
    return experience.strip(" ,;:?!-") or None


def mapping_answer(mapper: ExperienceMapper, code: str, experience: str) -> Answer:
    try:
        experiences = split_experiences(experience)
    except ExperienceError as error:
        return Answer(text=str(error), declined=True, certification=code)
    return chat_mapping(mapper.map(code, experiences), code)


def ranking_answer(mapper: ExperienceMapper, experience: str) -> Answer:
    """No certification chosen: the certifications of the corpus this experience evidences best."""
    try:
        experiences = split_experiences(experience)
    except ExperienceError as error:
        return Answer(text=str(error), declined=True)
    fits = rank_certifications(mapper, experiences, limit=3)
    fits = [f for f in fits if f.rate >= CLOSE_TO_BEST * fits[0].rate]
    return chat_ranking(fits)
