"""Files the server writes for candidates (livret 2 outlines, uploaded CVs) and who may fetch them.

One folder per server process, readable by its owner only (0700), holds Gradio's upload and download
cache; it is removed on normal exit, Ctrl+C (SIGINT) and SIGTERM (systemd, docker, `kill`). A file in it
is served only to the session that made it (with `VAE_AUTH`, only to the same user): every other request
for it, or for an upload, is refused; files of an earlier server are outside it and Gradio refuses them.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote

FILE_ROUTE = "/file="  # /gradio_api/file=… and any older alias


class PrivateFiles:
    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root or tempfile.mkdtemp(prefix="vae-assistant-")).resolve()
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        self.cache = self.root / "gradio"
        self.cache.mkdir(mode=0o700, exist_ok=True)
        self._owners: dict[str, tuple[str | None, str]] = {}  # served path -> (user, session)
        self._lock = threading.Lock()
        atexit.register(self.remove)

    def use_for_gradio(self) -> None:
        """Gradio keeps uploads and downloads under GRADIO_TEMP_DIR: point it here before building the app."""
        os.environ["GRADIO_TEMP_DIR"] = str(self.cache)

    def working_folder(self) -> Path:
        """A fresh folder for one request's files."""
        return Path(tempfile.mkdtemp(dir=self.root))

    def hand_out(self, path: str, user: str | None, session: str) -> str:
        """The path Gradio will serve `path` from (its cache copy), reserved for this user and session."""
        from gradio.processing_utils import save_file_to_cache

        served = str(Path(save_file_to_cache(path, str(self.cache))).resolve())
        with self._lock:
            self._owners[served] = (user, session)
        if Path(path).resolve() != Path(served):
            Path(path).unlink(missing_ok=True)
        return served

    def may_fetch(self, path: str, user: str | None) -> bool:
        """Files outside this folder are Gradio's business; inside it, only the owner's own downloads."""
        resolved = str(Path(path).resolve())
        if not resolved.startswith(str(self.root) + os.sep):
            return True
        with self._lock:
            owner = self._owners.get(resolved)
        return owner is not None and owner[0] == user

    def forget_session(self, session: str) -> None:
        """The page was closed: its files go at once, not at the next cache sweep."""
        with self._lock:
            gone = [path for path, (_, owner) in self._owners.items() if owner == session]
            for path in gone:
                del self._owners[path]
        for path in gone:
            Path(path).unlink(missing_ok=True)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def remove_on_signals(self) -> None:
        """SIGTERM is turned into a Ctrl+C, so the server stops as it does for a person at the keyboard and
        the folder goes on the same path; must be called from the main thread."""
        def stop(signum, frame):
            self.remove()
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)


class OwnFilesOnly:
    """ASGI middleware: a request for a file of the private folder is served only to its owner."""

    def __init__(self, app, files: PrivateFiles) -> None:
        self.app, self.files = app, files

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and FILE_ROUTE in scope.get("path", ""):
            path = unquote(scope["path"].split(FILE_ROUTE, 1)[1])
            if not self.files.may_fetch(path, _user(scope)):
                await send({"type": "http.response.start", "status": 403,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": "Fichier non autorisé.".encode()})
                return
        await self.app(scope, receive, send)


def _user(scope) -> str | None:
    """The logged-in user, read the way Gradio reads it (its access-token cookie); None without login."""
    app = scope.get("app")
    cookie_id = getattr(app, "cookie_id", None)
    if not cookie_id:
        return None
    cookies = {}
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, item = part.strip().partition("=")
                cookies[key] = item
    token = cookies.get(f"access-token-{cookie_id}") or cookies.get(f"access-token-unsecure-{cookie_id}")
    return getattr(app, "tokens", {}).get(token) if token else None
