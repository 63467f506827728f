"""What the assistant says when the fiches do not hold the answer: plainly, and where to look instead."""

from __future__ import annotations

from itertools import islice

from assistant.answer import Answer, Citation
from assistant.answering.drafts import Draft

COVERED = ("les blocs de compétences et leur évaluation, la composition des jurys, les voies d'accès dont la "
           "VAE, la validité des acquis, le niveau, les certificateurs, les métiers visés et l'enregistrement")
ELSEWHERE = ("adressez-vous au certificateur de la certification ou à France VAE (vae.gouv.fr), qui "
             "accompagne les candidats")


def not_in_fiches(codes: list[str], topic: str = "", nearest: list[Citation] | None = None) -> Answer:
    """The fiches do not hold the answer. With `nearest` (sentences of the certification's fiche closest to
    the question, see `extractive.nearest_sentences`), the decline says it found no passage that answers
    clearly, and shows those sentences as where to look: the question may be asked in other words than the
    fiche's. They are quoted, cited, and said to perhaps not answer; the answer stays a decline."""
    where = f" de {', '.join(codes)}" if codes else ""
    elsewhere = f"Pour le reste (coût, financement, calendrier des sessions, démarches), {ELSEWHERE}."
    certification = codes[0] if len(codes) == 1 else None
    if nearest:
        draft = Draft()
        draft.say(f"Pas dans les fiches, ou pas en ces termes : aucun passage des fiches{where} ne répond clairement "
                  "à cette question.")
        draft.say("Les passages qui s'en approchent le plus, à lire avec prudence car ils n'y répondent peut-être "
                  "pas :" if len(nearest) > 1 else
                  "Le passage qui s'en approche le plus, à lire avec prudence car il n'y répond peut-être pas :")
        for citation in nearest:
            marker = draft.cite(citation)
            part = citation.section_label + (f", {citation.bloc}" if citation.bloc else "")
            draft.say(f"- « {citation.quote} » ({citation.code}, {part}) {marker}")
        draft.say(f"Les fiches décrivent {COVERED}. {elsewhere}")
        return Answer(text=draft.text, citations=draft.citations, declined=True, certification=certification)
    what = f"ne parlent pas {topic}" if topic else "ne contiennent pas la réponse à cette question"
    return Answer(text=f"Pas dans les fiches : les fiches{where} {what}. Elles décrivent {COVERED}. {elsewhere}",
                  declined=True, certification=certification)


def also_asked(topic: str) -> str:
    """One line for an out-of-scope topic asked beside a field the fiche answers ("le formacode ? pour mon
    dossier de financement"): the field is answered, the topic said to be elsewhere."""
    return f"En revanche, les fiches ne parlent pas {topic} : pour cela, {ELSEWHERE}."


def _first_fiches(titles: dict[str, str]) -> str:
    """The first ten fiches of the index, named: what a decline offers to ask about instead."""
    return ", ".join(f"{code} ({title})" for code, title in islice(titles.items(), 10))


def unknown_certification(unknown: list[str], titles: dict[str, str], cited_by: list[str] | None = None) -> Answer:
    known = _first_fiches(titles)
    more = f" (et {len(titles) - 10} autres)" if len(titles) > 10 else ""
    cited = (f" La fiche {cited_by[0]} la cite : je peux dire ce qui relie les deux (correspondances, "
             "historique), pas son contenu." if cited_by else "")
    return Answer(
        text=(f"La certification {', '.join(unknown)} ne fait pas partie des fiches de l'assistant.{cited} "
              f"Fiches disponibles : {known}{more}. Consultez la fiche officielle sur "
              "https://www.francecompetences.fr/recherche/rncp/ ."),
        declined=True,
    )


def which_certification(titles: dict[str, str]) -> Answer:
    known = _first_fiches(titles)
    return Answer(
        text=("De quelle certification parlez-vous ? Donnez son code RNCP ou son intitulé, ou choisissez-la "
              f"dans la liste. Fiches disponibles : {known}."),
        declined=True,
    )


def not_over_the_corpus(titles: dict[str, str]) -> Answer:
    known = _first_fiches(titles)
    return Answer(
        text=("Je ne sais pas faire ce tri sur toutes les certifications à partir des fiches. Posez la question "
              "pour une certification (son code RNCP ou son intitulé), ou choisissez-la dans la liste. Fiches "
              f"disponibles : {known}."),
        declined=True,
    )


EMPTY_QUESTION = Answer(text="Posez une question sur une certification, par exemple : « Comment est évalué le bloc 2 "
                             "du RNCP 31168 ? »", declined=True)


def choice_not_in_fiches(codes: list[str], offered: list[str]) -> Answer:
    """"React ou Angular ?" when the fiche names neither: it cannot say which."""
    names = " ni ".join(f"« {name} »" for name in offered)
    where = f"la fiche {', '.join(codes)}" if len(codes) == 1 else f"les fiches {', '.join(codes)}"
    return Answer(
        text=(f"Pas dans les fiches : {where} ne cite{'nt' if len(codes) > 1 else ''} ni {names} ; "
              f"elle{'s' if len(codes) > 1 else ''} ne dit{'ent' if len(codes) > 1 else ''} donc pas lequel "
              f"choisir. Pour ces précisions, {ELSEWHERE}."),
        declined=True, certification=codes[0] if len(codes) == 1 else None,
    )


def names_not_in_fiches(codes: list[str], names: list[str]) -> Answer:
    """"Faut-il l'AIPR ?" when no fiche names the AIPR: nothing the fiches say can be about it."""
    said = " ni ".join(f"« {name} »" for name in names)
    return Answer(
        text=(f"Pas dans les fiches : aucune fiche ne mentionne {said} ; elles ne disent donc rien de ce que vous "
              f"demandez à ce sujet. Elles décrivent {COVERED}. Pour ces précisions, {ELSEWHERE}."),
        declined=True, certification=codes[0] if len(codes) == 1 else None,
    )
