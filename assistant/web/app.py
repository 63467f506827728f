"""The Gradio page: Chat, Mes expériences, Livret 2, Fiches, and a footer naming the data source.

A thin face: every handler calls the library (`Assistant.ask`, `ExperienceMapper`, the outline builder,
the fiche renderer) that the CLI and the evaluation runner call too. Everything a fiche or a person wrote
reaches the page escaped (`assistant.render.safe_html`); the conversation read back for follow-ups and the
CV's experiences live in the session's state, in memory.
"""

from __future__ import annotations

import gradio as gr

from assistant.index.vector_fill import MEANWHILE
from assistant.mapping.experiences import ExperienceError
from assistant.render.fiche_html import fiche_html
from assistant.render.safe_html import escape, markdown_html
from assistant.web.chat import respond
from assistant.web.experiences import analyse_and_keep, gather, progress, read_cv
from assistant.web.french import french_number
from assistant.web.livret import build_feasibility_file, build_files
from assistant.web.private_files import PrivateFiles
from assistant.web.services import Services

EXAMPLES = [
    "Combien de blocs compte la certification ?",
    "Comment est évalué le bloc 2 ?",
    "Qui compose le jury pour la VAE ?",
    "Que reste-t-il acquis après une validation partielle ?",
    "J'ai organisé la tournée d'une compagnie en Allemagne, ça correspond à quel bloc ?",
]
ALL = ""
STATUS_EVERY_SECONDS = 10
PICK = "Toutes les certifications si vide ; tapez un code ou des mots du titre pour chercher"


def footer(updated: str, exported: str = "") -> str:
    when = f", export du {exported}" if exported else ""
    when += f", fiches indexées le {updated}" if updated else ""
    return ("Données : **France compétences**, Répertoire national des certifications professionnelles (RNCP), "
            f"Licence Ouverte 2.0{when}. L'assistant informe à partir des fiches ; il ne décide pas à la place "
            "du jury, seul juge de la validation.")


def _notice(text: str) -> str:
    return f'<p role="alert">{escape(text)}</p>' if text else ""


def _chat_tab(services: Services, choices: list[tuple[str, str]]) -> None:
    limit = services.settings.question_max_chars
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=300):
            certification = gr.Dropdown(choices=choices, value=None, label="Certification", info=PICK,
                                        filterable=True, elem_id="chat-certification", elem_classes="picker")
            chatbot = gr.Chatbot(label="Conversation", height="52vh", min_height=260, elem_id="chat",
                                 buttons=["copy"], feedback_options=None, latex_delimiters=[],
                                 sanitize_html=True, allow_tags=False, group_consecutive_messages=False,
                                 placeholder="Posez une question sur une certification : blocs, évaluation, "
                                             "jury, VAE, validation partielle…")
            turns = gr.State([])
            with gr.Row(equal_height=True):
                question = gr.Textbox(label=f"Votre question ({french_number(limit, 0)} caractères au plus)",
                                      lines=1, max_lines=6, placeholder="Comment est évalué le bloc 2 ?", scale=5,
                                      min_width=200, elem_id="question")
                send = gr.Button("Envoyer", variant="primary", scale=1, min_width=90, elem_id="send")
            notice = gr.HTML(elem_id="question-notice")
            restart = gr.Button("Nouvelle conversation", size="sm", elem_id="restart")
            with gr.Column(elem_id="examples"):
                gr.Examples(examples=EXAMPLES, inputs=question, label="Exemples de questions")
        with gr.Column(scale=2, elem_id="sources-column"):
            gr.Markdown("#### Sources de la dernière réponse")
            sources = gr.HTML(elem_id="sources")

    def ask(text: str, shown: list[dict], selected: str | None, said: list[dict]):
        for step in respond(services.assistant, text, shown, selected, said, limit, services.about):
            yield (step.shown, step.question_box, gr.skip() if step.sources is None else step.sources,
                   step.turns, _notice(step.notice))

    gr.on([send.click, question.submit], ask, inputs=[question, chatbot, certification, turns],
          outputs=[chatbot, question, sources, turns, notice], api_name="ask", show_progress="hidden")
    restart.click(lambda: ([], "", "", [], ""), outputs=[chatbot, question, sources, turns, notice],
                  api_name="restart", show_progress="hidden")
    chatbot.clear(lambda: ("", [], ""), outputs=[sources, turns, notice], api_name=False)


def _experience_tabs(services: Services, choices: list[tuple[str, str]], files: PrivateFiles) -> None:
    with gr.Tab("Mes expériences", id="experiences"):
        cv = gr.State(None)  # the CV's experiences, in memory for the session; never a file
        kept = gr.State(None)  # the last mapping, in memory for the session: the Livret 2 tab reuses it
        gr.Markdown("Décrivez vos expériences (une par paragraphe : poste, structure, période, missions), "
                    "déposez votre CV, ou les deux : tout est utilisé. Rien n'est enregistré : le texte sert le "
                    "temps de l'analyse.")
        target = gr.Dropdown(choices=[("Toutes : classer les certifications", ALL), *choices], value=None,
                             label="Certification visée", info=PICK, filterable=True,
                             elem_id="map-certification", elem_classes="picker")
        with gr.Row():
            text = gr.Textbox(label="Vos expériences", lines=8, elem_id="experiences-text",
                              placeholder="2019-2023 : chargée de production, Compagnie …")
            with gr.Column():
                upload = gr.File(label=f"Votre CV à téléverser (texte ou PDF, {services.settings.upload_max_mb} Mo "
                                       "au plus)", file_types=[".txt", ".md", ".pdf"], type="filepath",
                                 elem_id="cv")
                cv_note = gr.HTML(elem_id="cv-note")
        run = gr.Button("Analyser mes expériences", variant="primary", elem_id="analyse")
        details = gr.HTML(elem_id="mapping")
        coverage = gr.HTML(elem_id="coverage")

        def take_cv(path: str | None):
            experiences, said = read_cv(path)
            return experiences, _notice(said) if said.startswith("⚠️") else f"<p>{escape(said)}</p>"

        upload.upload(take_cv, inputs=upload, outputs=[cv, cv_note], api_name="cv", show_progress="hidden")
        upload.clear(lambda: (None, ""), outputs=[cv, cv_note], api_name=False)

        def map_experiences(certification: str | None, experiences: str, from_cv):
            yield progress(services.mapper, certification), "", None
            yield analyse_and_keep(services.mapper, certification, experiences, from_cv)

        run.click(map_experiences, inputs=[target, text, cv], outputs=[details, coverage, kept], api_name="map",
                  show_progress="hidden")

    with gr.Tab("Livret 2", id="livret"):
        gr.Markdown("Le plan du dossier de validation, bloc par bloc, à partir des expériences de l'onglet "
                    "« Mes expériences » et de la certification visée. Téléchargez-le en Word ou en Markdown "
                    "pour le compléter.")
        build = gr.Button("Construire le plan du livret 2", variant="primary", elem_id="build-outline")
        with gr.Row():
            word = gr.DownloadButton("Télécharger (Word)", visible=False, elem_id="download-docx")
            markdown = gr.DownloadButton("Télécharger (Markdown)", visible=False, elem_id="download-md")
        preview = gr.HTML(elem_id="outline-preview")

        def outline(certification: str | None, experiences: str, from_cv, mapped, request: gr.Request):
            hidden = gr.DownloadButton(visible=False)
            if not certification:
                yield markdown_html("⚠️ Choisissez d'abord la certification visée."), hidden, hidden
                return
            yield '<p class="progress">Je construis le plan du livret 2…</p>', hidden, hidden
            try:
                merged, _ = gather(experiences, from_cv)
            except ExperienceError as error:  # the message is for the candidate
                yield markdown_html(f"⚠️ {error}"), hidden, hidden
                return
            shown, word_file, markdown_file = build_files(services, certification, experiences, None,
                                                          files.working_folder(), experiences=merged, kept=mapped)
            served = [files.hand_out(path, request.username, request.session_hash) if path else None
                      for path in (word_file, markdown_file)]
            yield (markdown_html(shown), gr.DownloadButton(value=served[0], visible=bool(served[0])),
                   gr.DownloadButton(value=served[1], visible=bool(served[1])))

        build.click(outline, inputs=[target, text, cv, kept], outputs=[preview, word, markdown], api_name="outline",
                    show_progress="hidden")

        feasibility = gr.Button("Pré-remplir le dossier de faisabilité", elem_id="build-feasibility")
        feasibility_word = gr.DownloadButton("Télécharger le dossier de faisabilité (Word)", visible=False,
                                             elem_id="download-feasibility")
        feasibility_note = gr.HTML(elem_id="feasibility-note")

        def prefill(certification: str | None, experiences: str, from_cv, mapped, request: gr.Request):
            try:
                merged, _ = gather(experiences, from_cv) if certification else ([], "")
            except ExperienceError as error:
                return markdown_html(f"⚠️ {error}"), gr.DownloadButton(visible=False)
            note, word_file = build_feasibility_file(services, certification, experiences, None,
                                                     files.working_folder(), experiences=merged or None,
                                                     kept=mapped)
            served = files.hand_out(word_file, request.username, request.session_hash) if word_file else None
            return markdown_html(note), gr.DownloadButton(value=served, visible=bool(served))

        feasibility.click(prefill, inputs=[target, text, cv, kept], outputs=[feasibility_note, feasibility_word],
                          api_name="feasibility", show_progress="hidden")


def _fiches_tab(services: Services, choices: list[tuple[str, str]]):
    picked = gr.Dropdown(choices=choices, value=choices[0][1] if choices else None,  # open ones come first
                         label="Certification", info="Tapez un code ou des mots du titre pour chercher",
                         filterable=True, elem_id="fiche-certification", elem_classes="picker")
    shown = gr.HTML(elem_id="fiche")

    def fiche(code: str | None) -> str:
        certification = services.index.certification(code) if code else None
        if certification is None:
            return "<p>Choisissez une certification.</p>"
        return fiche_html(certification)

    picked.change(fiche, inputs=picked, outputs=shown, api_name="fiche", show_progress="hidden")
    return picked, shown, fiche


def _semantic_status(services: Services) -> None:
    """While the vectors are being computed, how far they are ("index sémantique : 34 %, environ 40 min
    restantes"), refreshed every few seconds; the line and its timer go once there is nothing to follow."""
    status = gr.HTML(_status_html(services.semantic_status()), elem_id="semantic-status")
    timer = gr.Timer(STATUS_EVERY_SECONDS)

    def refresh():
        text = services.semantic_status()
        return _status_html(text), gr.Timer(active=bool(text) or not services.settled)

    timer.tick(refresh, outputs=[status, timer], api_visibility="private", show_progress="hidden")


def _status_html(text: str) -> str:
    return f'<p class="progress" role="status">{escape(text)} ; {MEANWHILE}.</p>' if text else ""


def build_app(services: Services, files: PrivateFiles | None = None) -> gr.Blocks:
    files = files or PrivateFiles()
    files.use_for_gradio()
    choices = services.choices()
    with gr.Blocks(title="Assistant VAE", analytics_enabled=False, delete_cache=(900, 3600)) as app:
        gr.Markdown("# Assistant VAE\nComprendre une certification RNCP et préparer son dossier de validation.",
                    elem_id="title")
        _semantic_status(services)
        with gr.Tabs():
            with gr.Tab("Chat", id="chat-tab"):
                _chat_tab(services, choices)
            _experience_tabs(services, choices, files)
            with gr.Tab("Fiches", id="fiches"):
                picked, shown, fiche = _fiches_tab(services, choices)
        gr.Markdown(footer(services.updated, services.export_date), elem_id="footer")
        app.load(fiche, inputs=picked, outputs=shown, api_visibility="private", show_progress="hidden")

        def forget(request: gr.Request) -> None:
            files.forget_session(request.session_hash)

        app.unload(forget)
    app.private_files = files  # removed by `serve` when the app stops
    app.services = services
    return app


def missing_index_app(problem: str) -> gr.Blocks:
    """What a visitor sees when the index is missing or unusable: how to build it, not a stack trace."""
    with gr.Blocks(title="Assistant VAE — index absent", analytics_enabled=False) as app:
        gr.Markdown(f"# Assistant VAE\n\n**L'index des fiches n'est pas prêt.**\n\n{problem}\n\n"
                    "Pour le construire à partir du dossier `corpus/` : `vae-assistant index` (ou `make run`), "
                    "puis relancez `vae-assistant serve`.", elem_id="missing-index")
        gr.Markdown(footer(""))
    return app


def release(app: gr.Blocks) -> None:
    """When the server stops: candidates' files removed, the vector fill ended between two batches."""
    files = getattr(app, "private_files", None)
    if files is not None:
        files.remove()
    services = getattr(app, "services", None)
    if services is not None:
        services.close()
