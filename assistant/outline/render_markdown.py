"""The livret 2 outline as Markdown: readable as plain text, editable anywhere."""

from __future__ import annotations

from assistant.outline.model import Outline


def source_line(number: int, citation) -> str:
    bloc = f", {citation.bloc}" if citation.bloc else ""
    return f"[{number}] Fiche {citation.code}, {citation.section_label or citation.section}{bloc}"


def render_markdown(outline: Outline) -> str:
    lines = [f"# {outline.title}", "", f"*{outline.subtitle}*", "", f"> {outline.notice}", ""]
    for section in outline.sections:
        lines += [f"{'#' * (section.level + 1)} {section.heading}", ""]
        for part in section.parts:
            if part.kind == "paragraph":
                lines += [part.text, ""]
            elif part.kind == "prompts":
                lines += [f"- {item}" for item in part.items] + [""]
            else:
                quoted = [f"> {line}" for line in part.text.splitlines() if line.strip()]
                quoted[-1] += f" [{part.source}]"
                lines += quoted + [""]
    lines += ["## Sources", ""]
    lines += [f"- {source_line(n, c)}" for n, c in enumerate(outline.sources, start=1)]
    return "\n".join(lines).rstrip() + "\n"


