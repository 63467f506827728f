"""The Gradio page: Chat, Mes expériences, Livret 2, Fiches, and a footer naming the data source.

A thin face: every handler calls the library (`Assistant.ask`, `ExperienceMapper`, the outline builder,
the fiche renderer) that the CLI and the evaluation runner call too.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import gradio as gr

from assistant.render.fiche_text import render_fiche
from assistant.web.chat import respond
from assistant.web.experiences import analyse
from assistant.web.livret import build_feasibility_file, build_files
from assistant.web.services import Services

EXAMPLES = [
    "Combien de blocs compte la certification ?",
    "Comment est évalué le bloc 2 ?",
    "Qui compose le jury pour la VAE ?",
    "Que reste-t-il acquis après une validation partielle ?",
    "J'ai organisé la tournée d'une compagnie en Allemagne, ça correspond à quel bloc ?",
]
ALL = ""
CSS = ".coverage td { padding: 6px 4px; border-bottom: 1px solid #e0e0e0; vertical-align: top }"


def footer(updated: str, exported: str = "") -> str:
    when = f", export du {exported}" if exported else ""
    when += f", fiches indexées le {updated}" if updated else ""
    return ("Données : **France compétences**, Répertoire national des certifications professionnelles (RNCP), "
            f"Licence Ouverte 2.0{when}. L'assistant informe à partir des fiches ; il ne décide pas à la place "
            "du jury, seul juge de la validation.")


def _chat_tab(services: Services, choices: list[tuple[str, str]]) -> None:
    with gr.Row():
        with gr.Column(scale=3):
            certification = gr.Dropdown(choices=[("Toutes les certifications", ALL), *choices], value=ALL,
                                        label="Certification (tapez un code ou des mots du titre)",
                                        filterable=True, elem_id="chat-certification")
            chatbot = gr.Chatbot(label="Conversation", height=460, elem_id="chat",
                                 placeholder="Posez une question sur une certification : blocs, évaluation, jury, "
                                             "VAE, validation partielle…")
            with gr.Row():
                question = gr.Textbox(label="Votre question", placeholder="Comment est évalué le bloc 2 ?",
                                      scale=5, max_length=4000, elem_id="question")
                send = gr.Button("Envoyer", variant="primary", scale=1, elem_id="send")
            restart = gr.Button("Nouvelle conversation", size="sm", elem_id="restart")
            gr.Examples(examples=EXAMPLES, inputs=question, label="Exemples de questions")
        with gr.Column(scale=2):
            gr.Markdown("#### Sources de la dernière réponse")
            sources = gr.Markdown(elem_id="sources")

    def ask(text: str, history: list[dict], selected: str):
        yield from respond(services.assistant, text, history, selected)

    gr.on([send.click, question.submit], ask, inputs=[question, chatbot, certification],
          outputs=[chatbot, question, sources], api_name="ask")
    restart.click(lambda: ([], "", ""), outputs=[chatbot, question, sources], api_name="restart")


def _experience_tabs(services: Services, choices: list[tuple[str, str]], folder: Path) -> None:
    with gr.Tab("Mes expériences", id="experiences"):
        gr.Markdown("Décrivez vos expériences (une par paragraphe : poste, structure, période, missions) ou "
                    "déposez votre CV. Rien n'est enregistré : le texte sert le temps de l'analyse.")
        target = gr.Dropdown(choices=[("Toutes : classer les certifications", ALL), *choices], value=ALL,
                             label="Certification visée", filterable=True, elem_id="map-certification")
        with gr.Row():
            text = gr.Textbox(label="Vos expériences", lines=8, max_length=20000, elem_id="experiences-text")
            upload = gr.File(label="ou votre CV (texte ou PDF)", file_types=[".txt", ".md", ".pdf"],
                             type="filepath", elem_id="cv")
        run = gr.Button("Analyser mes expériences", variant="primary", elem_id="analyse")
        coverage = gr.HTML(elem_id="coverage")
        details = gr.Markdown(elem_id="mapping")
        def map_experiences(certification: str, experiences: str, cv: str | None):
            return analyse(services.mapper, certification, experiences, cv)

        run.click(map_experiences, inputs=[target, text, upload], outputs=[details, coverage], api_name="map")

    with gr.Tab("Livret 2", id="livret"):
        gr.Markdown("Le plan du dossier de validation, bloc par bloc, à partir des expériences de l'onglet "
                    "« Mes expériences » et de la certification visée. Téléchargez-le en Word ou en Markdown "
                    "pour le compléter.")
        build = gr.Button("Construire le plan du livret 2", variant="primary", elem_id="build-outline")
        with gr.Row():
            word = gr.DownloadButton("Télécharger (Word)", visible=False, elem_id="download-docx")
            markdown = gr.DownloadButton("Télécharger (Markdown)", visible=False, elem_id="download-md")
        preview = gr.Markdown(elem_id="outline-preview")

        def outline(certification: str, experiences: str, cv: str | None):
            shown, word_file, markdown_file = build_files(services, certification, experiences, cv, folder)
            return (shown, gr.DownloadButton(value=word_file, visible=bool(word_file)),
                    gr.DownloadButton(value=markdown_file, visible=bool(markdown_file)))

        build.click(outline, inputs=[target, text, upload], outputs=[preview, word, markdown], api_name="outline")

        feasibility = gr.Button("Pré-remplir le dossier de faisabilité", elem_id="build-feasibility")
        feasibility_word = gr.DownloadButton("Télécharger le dossier de faisabilité (Word)", visible=False,
                                             elem_id="download-feasibility")
        feasibility_note = gr.Markdown(elem_id="feasibility-note")

        def prefill(certification: str, experiences: str, cv: str | None):
            note, word_file = build_feasibility_file(services, certification, experiences, cv, folder)
            return note, gr.DownloadButton(value=word_file, visible=bool(word_file))

        feasibility.click(prefill, inputs=[target, text, upload], outputs=[feasibility_note, feasibility_word],
                          api_name="feasibility")


def _fiches_tab(services: Services, choices: list[tuple[str, str]]):
    picked = gr.Dropdown(choices=choices, value=choices[0][1] if choices else None, label="Certification",
                         filterable=True, elem_id="fiche-certification")
    shown = gr.Markdown(elem_id="fiche")

    def fiche(code: str) -> str:
        certification = services.index.certification(code) if code else None
        if certification is None:
            return "Choisissez une certification."
        return (render_fiche(certification) + f"\n\n[Voir la fiche {code} sur le site de France compétences]"
                                              f"({certification.fiche_url})")

    picked.change(fiche, inputs=picked, outputs=shown, api_name="fiche")
    return picked, shown, fiche


def build_app(services: Services) -> gr.Blocks:
    choices = services.choices()
    folder = Path(tempfile.mkdtemp(prefix="vae-assistant-"))
    with gr.Blocks(title="Assistant VAE", analytics_enabled=False, delete_cache=(900, 3600)) as app:
        gr.Markdown("# Assistant VAE\nComprendre une certification RNCP et préparer son dossier de validation.")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat-tab"):
                _chat_tab(services, choices)
            _experience_tabs(services, choices, folder)
            with gr.Tab("Fiches", id="fiches"):
                picked, shown, fiche = _fiches_tab(services, choices)
        gr.Markdown(footer(services.updated, services.export_date), elem_id="footer")
        app.load(fiche, inputs=picked, outputs=shown, api_visibility="private")
    app.private_folder = folder  # removed by `serve` when the app stops
    return app


def missing_index_app(problem: str) -> gr.Blocks:
    """What a visitor sees when the index is missing or unusable: how to build it, not a stack trace."""
    with gr.Blocks(title="Assistant VAE — index absent", analytics_enabled=False) as app:
        gr.Markdown(f"# Assistant VAE\n\n**L'index des fiches n'est pas prêt.**\n\n{problem}\n\n"
                    "Pour le construire à partir du dossier `corpus/` : `vae-assistant index` (ou `make run`), "
                    "puis relancez `vae-assistant serve`.", elem_id="missing-index")
        gr.Markdown(footer(""))
    return app


def remove_private_folder(app: gr.Blocks) -> None:
    folder = getattr(app, "private_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
