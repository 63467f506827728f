"""French text compared the way people type it: no case, no accents, single spaces."""

from __future__ import annotations

import re
import unicodedata

WORDS = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without accents or ligatures ('Œuvre Élaborée' -> 'oeuvre elaboree')."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return WORDS.findall(fold(text))


# How candidates shorten words in a chat, spelt out before a question is read ("cb de blocs" is "combien de
# blocs", "ya" is "il y a"). Only shortenings of ordinary French: names of certifications are learnt from
# the fiches (`index/names.py`).
CHAT_SHORTENINGS: dict[str, str] = {
    "cb": "combien", "cbn": "combien", "combien": "combien", "ya": "il y a", "yen": "il y en", "koi": "quoi",
    "kel": "quel", "kels": "quels", "kelle": "quelle", "c": "c'est", "g": "j'ai", "jai": "j'ai", "jsuis": "je suis",
    "chui": "je suis", "pk": "pourquoi", "pq": "pourquoi", "qd": "quand", "tjs": "toujours", "tjrs": "toujours",
    "bcp": "beaucoup", "pr": "pour", "ds": "dans", "vs": "vous", "stp": "s'il te plait", "svp": "s'il vous plait",
    "mm": "meme", "certif": "certification", "certifs": "certifications", "niv": "niveau", "dipl": "diplome",
    "diplo": "diplome", "exam": "examen", "exams": "examens", "infos": "informations", "info": "information",
    "qqun": "quelqu'un", "qqch": "quelque chose", "bosser": "travailler", "boulot": "travail", "taf": "travail",
    "dev": "developpeur", "applis": "applications", "appli": "application", "dispo": "disponible",
    "dispos": "disponibles", "mtn": "maintenant", "rdv": "rendez-vous", "ajd": "aujourd'hui", "ok": "ok",
    # words of the trade shortened the way people write them in a chat ("la secu des applis", "les stats",
    # "la treso"); not "promo", which is a cohort as often as a promotion
    "secu": "securite", "archi": "architecture", "perso": "personnel", "eval": "evaluation",
    "evals": "evaluations", "stat": "statistique", "stats": "statistiques",
    "treso": "tresorerie", "reno": "renovation", "docu": "documentaire", "docus": "documentaires",
    "asso": "association", "assos": "associations", "compta": "comptabilite", "resp": "responsable",
    "prod": "production", "admin": "administration", "reco": "recommandation", "recos": "recommandations",
}
_SHORTENED = re.compile(r"(?<![\w'])(" + "|".join(sorted(map(re.escape, CHAT_SHORTENINGS), key=len, reverse=True))
                        + r")(?![\w'])")


# "cb" is "combien", except in a list, where it is a bank card ("(cb, cheque, especes)", "cb/cheque")
_NOT_HOW_MANY = re.compile(r"(?<![\w'])cb(?=\s*[,/)])|(?<=[(,/])\s*cb(?![\w'])")


def spell_out(folded: str) -> str:
    """A folded question with chat shortenings written out."""
    folded = _NOT_HOW_MANY.sub("carte bancaire", folded)
    return _SHORTENED.sub(lambda m: CHAT_SHORTENINGS[m.group(1)], folded)
