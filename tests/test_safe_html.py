"""The HTML the app writes from fiche text, answers and messages: text stays text, [n] leads to source n."""

from __future__ import annotations

from assistant.answer import Answer, Citation
from assistant.render.answer_html import answer_html, question_html
from assistant.render.safe_html import markdown_html, with_lists
from assistant.render.status import status_tag
from assistant.web.chat import respond
from assistant.web.french import french_number

HOSTILE = '![x](http://198.51.100.1/x.png) <img src="http://198.51.100.1/y.png"> [site](http://198.51.100.1/)'


def citation(code: str, bloc: str, quote: str) -> Citation:
    return Citation(code=code, section="bloc", section_label="Bloc de compétences", bloc=bloc, quote=quote)


def test_images_tags_and_links_in_text_stay_words():
    shown = markdown_html(f"- {HOSTILE}\n\n{HOSTILE}")
    assert "<img" not in shown and "<a " not in shown and "&lt;img" in shown
    assert shown.count("http://198.51.100.1/x.png") == 2  # visible as text


def test_markers_link_to_the_numbered_sources_in_order():
    cited = [citation("RNCP31168", "RNCP31168BC01", "Promotion"), citation("RNCP31168", "RNCP31168BC02", "Budget")]
    shown = answer_html("Le bloc 1 [1] et le bloc 2 [2], pas [3].", cited, "t4")
    assert '<a class="cite" href="#t4-1"' in shown and '<a class="cite" href="#t4-2"' in shown
    assert 'href="#t4-3"' not in shown and "[3]" in shown  # no source 3: the marker stays plain text
    assert shown.index('id="t4-1"') < shown.index('id="t4-2"')
    assert '<li id="t4-2" value="2"><strong>[2] RNCP31168 · Bloc de compétences · RNCP31168BC02' in shown
    assert 'href="https://www.francecompetences.fr/recherche/rncp/31168/"' in shown


def test_inline_enumerations_become_lists():
    text = "Le bloc s'intitule « Budget ». Compétences : suivre le budget ; négocier ; rendre compte."
    assert with_lists(text).splitlines()[1:5] == ["Compétences :", "- suivre le budget", "- négocier",
                                                   "- rendre compte"]
    assert markdown_html(with_lists(text)).count("<li>") == 3


def test_a_message_is_shown_as_typed():
    assert question_html("**gras** <b>x</b>") == '<div class="question">**gras** &lt;b&gt;x&lt;/b&gt;</div>'


def test_status_words():
    from datetime import date

    today = date(2026, 11, 25)
    assert status_tag(True, "2028-08-31", today) == ""
    assert status_tag(False, None, today) == "inactive"
    assert status_tag(None, "2022-08-07", today) == "enregistrement terminé le 7 août 2022"


def test_a_ranked_certification_whose_registration_ended_is_not_called_active():
    from datetime import date

    from assistant.mapping.models import CertificationStatus
    from assistant.render.mapping import status_label

    ended = status_label(CertificationStatus(active=True, registration_end=date(2021, 10, 15), vae_open=True))
    assert ended == "enregistrement terminé le 15/10/2021, VAE ouverte"
    running = status_label(CertificationStatus(active=True, registration_end=date(2099, 1, 31), vae_open=False))
    assert running == "active, enregistrée jusqu'au 31/01/2099, VAE fermée"


def test_french_numbers():
    assert french_number(0.79) == "0,79" and french_number(2000, 0) == "2\u202f000"


class _Assistant:
    def __init__(self) -> None:
        self.asked = 0

    def ask(self, question, selected=None, history=None) -> Answer:
        self.asked += 1
        return Answer(text="Réponse [1].", citations=[citation("RNCP31168", "", "x")], certification="RNCP31168")


def test_empty_and_too_long_questions_never_reach_the_assistant():
    assistant = _Assistant()
    empty = list(respond(assistant, "  ", [], None, [], 2000, lambda code: code))
    long = list(respond(assistant, "x" * 2001, [], None, [], 2000, lambda code: code))
    assert assistant.asked == 0 and empty[-1].shown == [] and long[-1].shown == []
    assert "2\u202f001 caractères" in long[-1].notice and long[-1].question_box == "x" * 2001
    steps = list(respond(assistant, "Et le bloc 2 ?", [], None, [], 2000, lambda code: code))
    assert assistant.asked == 1 and steps[-1].turns[-1] == {"role": "assistant", "content": "Réponse [1]."}


def test_an_italic_paragraph_over_several_lines():
    shown = markdown_html("_Blocs les mieux couverts : BC01.\nPar blocs : le jury décide._")
    assert "_" not in shown and shown.count("<em>") == 2


def test_a_table_is_a_table_and_its_cells_stay_text():
    shown = markdown_html("| Structure | Poste |\n| --- | --- |\n| à préciser | <img src=x> |")
    assert shown.startswith('<div class="table-wrap"><table><thead><tr><th>Structure</th>')
    assert "<td>&lt;img src=x&gt;</td>" in shown and "---" not in shown
