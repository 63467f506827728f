"""`vae-assistant serve`: the index opened once, the page served on 127.0.0.1 unless told otherwise.

Analytics off, no share link, fonts and scripts from the installed package only; a queue with a
concurrency limit so several users are served without one slow request holding the others; optional
login from `VAE_AUTH` ("user:password" pairs separated by commas) for a deployment that faces the internet.
"""

from __future__ import annotations

import logging

from assistant.embeddings import EmbedderError
from assistant.errors import UsageError
from assistant.index.dense import DenseStoreError
from assistant.index.errors import CatalogError, IndexMismatchError, IndexMissingError
from assistant.settings import Settings
from assistant.web.app import CSS, build_app, missing_index_app
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


def create_app(settings: Settings):
    """The full app, or the page that says how to build the index when it cannot be opened."""
    try:
        services = Services.open(settings)
    except (IndexMissingError, IndexMismatchError, CatalogError, EmbedderError, DenseStoreError) as error:
        return missing_index_app(str(error))
    return build_app(services)


def launch(app, host: str, port: int, auth: list[tuple[str, str]] | None, block: bool = True):
    """Start serving; with `block=False` return at once (tests), the caller then calls `app.close()`."""
    logging.getLogger("httpx").setLevel(logging.WARNING)  # request lines carry no content, but keep logs lean
    app.queue(default_concurrency_limit=CONCURRENCY, max_size=QUEUE_SIZE)
    return app.launch(server_name=host, server_port=port, auth=auth, share=False, show_error=False,
                      ssr_mode=False, mcp_server=False, pwa=False, prevent_thread_lock=not block, quiet=True,
                      footer_links=[], enable_monitoring=False, css=CSS)
