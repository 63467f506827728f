"""What the web app shares between all its users: the index opened once, and the faces over it.

Everything here is read-only at request time, so concurrent sessions share it safely (the embedder has
its own lock; SQLite reads are serialised by the library).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from assistant.answering.assistant import Assistant
from assistant.answering.llm import writer_from_settings
from assistant.index.search import SearchIndex
from assistant.mapping.mapper import ExperienceMapper
from assistant.settings import Settings


@dataclass
class Services:
    index: SearchIndex
    assistant: Assistant
    mapper: ExperienceMapper

    @classmethod
    def open(cls, settings: Settings) -> Services:
        index = SearchIndex(settings)
        threading.Thread(target=index.warm_up, name="warm-up", daemon=True).start()
        return cls(index=index, assistant=Assistant(index, writer_from_settings(settings)),
                   mapper=ExperienceMapper(index))

    def choices(self) -> list[tuple[str, str]]:
        """The certifications as a person searches them: by code or by title."""
        return [(f"{code} — {title}", code) for code, title in sorted(self.index.titles.items())]

    @property
    def updated(self) -> str:
        return self.index.catalog.get("updated") or ""

    @property
    def export_date(self) -> str:
        return self.index.catalog.get("export_date") or ""
