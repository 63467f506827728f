"""What the web app shares between all its users: the index opened once, and the faces over it.

Everything here is read-only at request time, so concurrent sessions share it safely (the embedder has
its own lock; SQLite reads are serialised by the library).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from assistant import Assistant, ExperienceMapper, SearchIndex, Settings
from assistant.answering.llm import writer_from_settings
from assistant.render.status import name_with_status, status_tag


@dataclass
class Services:
    index: SearchIndex
    assistant: Assistant
    mapper: ExperienceMapper
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def open(cls, settings: Settings) -> Services:
        index = SearchIndex(settings)
        threading.Thread(target=index.warm_up, name="warm-up", daemon=True).start()
        return cls(index=index, assistant=Assistant(index, writer_from_settings(settings)),
                   mapper=ExperienceMapper(index), settings=settings)

    def choices(self) -> list[tuple[str, str]]:
        """The certifications as a person searches them, by code or by title, each with its status when a
        candidate can no longer obtain it; those still open first."""
        statuses = self.index.catalog.statuses()
        tags = {code: status_tag(*statuses.get(code, (None, None))) for code in self.index.titles}
        ordered = sorted(self.index.titles.items(), key=lambda item: (bool(tags[item[0]]), item[0]))
        return [(name_with_status(code, title, tags[code]), code) for code, title in ordered]

    def about(self, code: str) -> str:
        """A certification's code, title and status, for the line above an answer about it."""
        title = self.index.titles.get(code)
        if title is None:
            return ""
        return name_with_status(code, title, status_tag(*self.index.catalog.statuses(code).get(code, (None, None))))

    @property
    def updated(self) -> str:
        return self.index.catalog.get("updated") or ""

    @property
    def export_date(self) -> str:
        return self.index.catalog.get("export_date") or ""
