"""The web app. Every module here imports Gradio, so the package first arranges a quicker import of it."""

from assistant.web import quick_gradio

quick_gradio.install()
