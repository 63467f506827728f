"""What the web app shares between all its users: the index opened once, and the faces over it.

Everything here is read-only at request time, so concurrent sessions share it safely (the embedder has
its own lock; SQLite reads are serialised by the library).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from assistant import Assistant, ExperienceMapper, SearchIndex, Settings
from assistant.answering.llm import writer_from_settings
from assistant.answering.organisations import prepare_names
from assistant.index.background_fill import BackgroundFill
from assistant.index.vector_fill import read_state
from assistant.render.status import name_with_status, status_tag


@dataclass
class Services:
    index: SearchIndex
    assistant: Assistant
    mapper: ExperienceMapper
    settings: Settings = field(default_factory=Settings)
    fill: BackgroundFill | None = None
    prepared: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def open(cls, settings: Settings) -> Services:
        index = SearchIndex(settings)
        return cls(index=index, assistant=Assistant(index, writer_from_settings(settings)),
                   mapper=ExperienceMapper(index), settings=settings)

    def start_background(self) -> None:
        """Once the page is served (loading the model meanwhile would slow the first page on two cores)."""
        threading.Thread(target=self._prepare, name="warm-up", daemon=True).start()

    def _prepare(self) -> None:
        """Load the model and Chroma before the first question; then complete the vectors a run left
        missing (`index --no-vectors`), while answering from BM25 and the vectors already there."""
        try:
            self.index.warm_up()
            prepare_names(self.index)
            state = read_state(self.settings.index)
            if self.index.missing_vectors or (state is not None and not state.complete):
                self.fill = BackgroundFill(self.settings, self.index.embedder).start()
        finally:
            self.prepared.set()

    @property
    def settled(self) -> bool:
        """Nothing left for the page to follow: warmed up, and no fill running here."""
        return self.prepared.is_set() and (self.fill is None or not self.fill.thread.is_alive())

    def semantic_status(self) -> str:
        """"index sémantique : 34 %, environ 40 min restantes" while vectors are missing, else empty."""
        state = read_state(self.settings.index)
        return state.describe() if state is not None else ""

    def close(self) -> None:
        if self.fill is not None:
            self.fill.stop()

    def choices(self) -> list[tuple[str, str]]:
        """The certifications as a person searches them, by code or by title, each with its status when a
        candidate can no longer obtain it; those still open first."""
        tags = {code: self._status(code) for code in self.index.titles}
        ordered = sorted(self.index.titles.items(), key=lambda item: (bool(tags[item[0]]), item[0]))
        return [(name_with_status(code, title, tags[code]), code) for code, title in ordered]

    def about(self, code: str) -> str:
        """A certification's code, title and status, for the line above an answer about it."""
        title = self.index.titles.get(code)
        if title is None:
            return ""
        return name_with_status(code, title, self._status(code))

    def _status(self, code: str) -> str:
        """From the cards, in memory: reading every fiche's status from the catalog took 0.4 s at 10 000."""
        card = self.index.cards.get(code)
        return status_tag(card.active, card.registration_end) if card else ""

    @property
    def updated(self) -> str:
        return self.index.catalog.get("updated") or ""

    @property
    def export_date(self) -> str:
        return self.index.catalog.get("export_date") or ""
