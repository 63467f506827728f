"""A dossier as Markdown: readable as plain text, editable anywhere."""

from __future__ import annotations

from assistant.outline.model import Outline, Source

WRITE_HERE = "_(à rédiger)_"


def source_line(number: int, source: Source) -> str:
    bloc = f", {source.bloc}" if source.bloc else ""
    return f"[{number}] Fiche {source.code}, {source.label}{bloc} : {source.url}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(outline: Outline) -> str:
    lines = [f"# {outline.title}", "", f"*{outline.subtitle}*", "", f"> {outline.notice}", ""]
    for section in outline.sections:
        lines += [f"{'#' * (section.level + 1)} {section.heading}", ""]
        for part in section.parts:
            if part.kind == "paragraph":
                lines += [part.text, ""]
            elif part.kind == "prompts":
                lines += [f"- {item}" for item in part.items] + [""]
            elif part.kind == "checklist":
                lines += [f"- [ ] {item}" for item in part.items] + [""]
            elif part.kind == "table":
                lines += ["| " + " | ".join(_cell(h) for h in part.header) + " |",
                          "|" + " --- |" * len(part.header)]
                lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in part.rows] + [""]
            elif part.kind == "space":
                lines += ([f"**{part.text}**", ""] if part.text else []) + [WRITE_HERE, ""] + [""] * (part.lines // 2)
            elif part.kind == "page_break":
                lines += ["---", ""]
            else:
                quoted = [f"> {line}" for line in part.text.splitlines() if line.strip()]
                quoted[-1] += f" [{part.source}]"
                lines += quoted + [""]
    lines += ["## Sources", ""]
    lines += [f"- {source_line(n, s)}" for n, s in enumerate(outline.sources, start=1)]
    return "\n".join(lines).rstrip() + "\n"
