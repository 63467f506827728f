"""`vae-assistant serve`: the index opened once, the page served on 127.0.0.1 unless told otherwise.

Analytics off, no share link, fonts and scripts from the installed package only, no run history kept in
the browser; a queue with a concurrency limit so several users are served without one slow request
holding the others; uploads capped in size (refused by Gradio as they arrive, before being stored);
candidates' files in a private folder served to their session only and removed when the server stops,
SIGTERM included; optional login from `VAE_AUTH` ("user:password" pairs separated by commas) for a
deployment that faces the internet.
"""

from __future__ import annotations

import logging
import threading
import time

from starlette.middleware import Middleware

from assistant import AssistantError, Settings, UsageError
from assistant.web.app import build_app, missing_index_app
from assistant.web.french import french_everywhere
from assistant.web.look import CSS, SCRIPT, theme
from assistant.web.private_files import OwnFilesOnly, PrivateFiles
from assistant.web.services import Services

CONCURRENCY = 4
QUEUE_SIZE = 64


class AuthError(UsageError):
    """VAE_AUTH is not a list of user:password pairs."""


def parse_auth(value: str | None) -> list[tuple[str, str]] | None:
    if not value or not value.strip():
        return None
    pairs = []
    for item in value.split(","):
        user, sep, password = item.strip().partition(":")
        if not sep or not user or not password:
            raise AuthError("VAE_AUTH attend des paires utilisateur:mot_de_passe séparées par des virgules")
        pairs.append((user, password))
    return pairs


def create_app(settings: Settings, files: PrivateFiles | None = None):
    """The full app, or the page that says how to build the index when it cannot be opened."""
    files = files or PrivateFiles()
    files.use_for_gradio()
    try:
        services = Services.open(settings)
    except AssistantError as error:  # a missing, foreign or damaged index, or a model that cannot load
        app = missing_index_app(str(error))
        app.private_files = files
        return app
    app = build_app(services, files)
    app.upload_max_mb = settings.upload_max_mb
    return app


def launch(app, host: str, port: int, auth: list[tuple[str, str]] | None, block: bool = True):
    """Start serving; with `block=False` return at once (tests), the caller then calls `app.close()`."""
    logging.getLogger("httpx").setLevel(logging.WARNING)  # request lines carry no content, but keep logs lean
    files: PrivateFiles | None = getattr(app, "private_files", None)
    middleware = [Middleware(OwnFilesOnly, files=files)] if files else []
    if files and block and threading.current_thread() is threading.main_thread():
        files.remove_on_signals()
    app.queue(default_concurrency_limit=CONCURRENCY, max_size=QUEUE_SIZE)
    launched = app.launch(server_name=host, server_port=port, auth=auth, share=False, show_error=False,
                          ssr_mode=False, mcp_server=False, pwa=False, prevent_thread_lock=True, quiet=True,
                          footer_links=[], enable_monitoring=False, run_history=False,
                          max_file_size=f"{getattr(app, 'upload_max_mb', 5)}mb",
                          app_kwargs={"middleware": middleware}, theme=theme(), css=CSS, head=SCRIPT,
                          i18n=french_everywhere())
    services = getattr(app, "services", None)
    if services is not None:  # the model, Chroma and any missing vectors: after the first page is ready
        services.start_background()
    if block:
        _wait_for_a_stop()
    return launched


def _wait_for_a_stop() -> None:
    """Until Ctrl+C (or SIGTERM, turned into one). Not Gradio's `block_thread`: it closes the server
    gracefully, waiting for every connection to end, and a page or client left open (its event stream)
    kept the process alive past 90 s; the caller removes the candidates' files and leaves at once."""
    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("Arrêt du serveur.", flush=True)
