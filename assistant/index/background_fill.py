"""`serve` completes the dense vectors itself while it answers, when `index --no-vectors` (or an
interrupted run) left passages without one.

The fill holds the index folder's lock like `index` does, so it never runs beside another writer; when an
`index` already holds it, the server only shows that run's progress (`vectors.json`). It embeds small
batches, so a question's own vector never waits long behind the fill for the shared model.
"""

from __future__ import annotations

import logging
import threading

from assistant.embeddings import NamedEmbeddings
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore
from assistant.index.lock import IndexBusyError, index_lock
from assistant.index.vector_fill import fill_vectors
from assistant.settings import Settings

BATCH = 16  # about two seconds of the default model on two cores: a question waits at most that long
log = logging.getLogger(__name__)


class BackgroundFill:
    """A daemon thread filling the missing vectors; `stop()` ends it between two batches."""

    def __init__(self, settings: Settings, embedder: NamedEmbeddings) -> None:
        self.settings = settings
        self.embedder = embedder
        self.written = 0
        self.error: str | None = None
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="vector-fill", daemon=True)

    def start(self) -> BackgroundFill:
        self.thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self.thread.is_alive():
            self.thread.join(timeout)

    def _run(self) -> None:
        try:
            with index_lock(self.settings.index):
                catalog = Catalog(self.settings.index)
                try:
                    dense = DenseStore(self.settings.index, self.embedder, self.settings.chroma_url,
                                       passages=catalog.count("chunks"))
                    self.written = fill_vectors(dense, self.embedder, catalog, self.settings.index,
                                                should_stop=self._stop.is_set, batch=BATCH)
                finally:
                    catalog.close()
        except IndexBusyError:
            log.info("index sémantique : un autre processus écrit l'index, le serveur montre son avancement")
        except Exception as error:  # the server keeps answering from BM25 and the vectors already there
            self.error = f"{error.__class__.__name__} : {error}"
            log.warning("index sémantique : le calcul des vecteurs s'est arrêté (%s)", self.error)
        else:
            if self.written:
                log.info("index sémantique : %d passage(s) vectorisé(s) en tâche de fond", self.written)
