"""The Livret 2 tab reuses the session's mapping when it is of the same certification and experiences, and
maps again otherwise (another certification, an edited text)."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.mapping.experiences import Experience
from assistant.web.experiences import KeptMapping
from assistant.web.livret import _mapping

EXPERIENCES = [Experience(number=1, text="Régisseuse lumière, Théâtre du Rond-Point, 2018-2023", title="Régisseuse")]


class CountingMapper:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def map(self, certification, experiences):
        self.calls.append(certification)
        return f"new mapping of {certification}"


def test_the_kept_mapping_serves_the_same_certification_and_experiences():
    mapper = CountingMapper()
    services = SimpleNamespace(mapper=mapper)
    kept = KeptMapping("RNCP35625", tuple(e.text for e in EXPERIENCES), mapping="kept mapping")
    assert _mapping(services, "RNCP35625", EXPERIENCES, kept) == "kept mapping"
    assert mapper.calls == []


def test_another_certification_or_an_edited_text_is_mapped_again():
    mapper = CountingMapper()
    services = SimpleNamespace(mapper=mapper)
    kept = KeptMapping("RNCP35625", tuple(e.text for e in EXPERIENCES), mapping="kept mapping")
    edited = [Experience(number=1, text=EXPERIENCES[0].text + " (tournées)", title="Régisseuse")]
    assert _mapping(services, "RNCP31168", EXPERIENCES, kept) == "new mapping of RNCP31168"
    assert _mapping(services, "RNCP35625", edited, kept) == "new mapping of RNCP35625"
    assert _mapping(services, "RNCP35625", EXPERIENCES, None) == "new mapping of RNCP35625"
    assert mapper.calls == ["RNCP31168", "RNCP35625", "RNCP35625"]
