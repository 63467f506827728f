"""Text from fiches and from people turned into HTML that can show nothing but text.

Fiche text comes from outside (an export, a PDF) and a message is whatever someone typed: either may hold
a Markdown image, an HTML tag or a link. Every character of them is escaped here, and the only markup on
the page is what this module writes itself: headings, lists, quotes, bold and italics of the app's own
Markdown, the [n] anchors to numbered sources, and the links the app makes to France compétences. So no
image is ever loaded from elsewhere and no link in a fiche leads anywhere.

The output holds no blank line: a chat message that starts with a tag is passed through the chatbot's
Markdown renderer as one raw HTML block, never parsed again as Markdown.
"""

from __future__ import annotations

import html
import re

FRANCE_COMPETENCES = "https://www.francecompetences.fr/"

_MARKER = re.compile(r"\[(\d{1,3})\]")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?![\w*])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^(\s*)[-*•]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")
# A labelled clause opens a new sentence: "… ». Compétences : a ; b ; c."
_CLAUSE_BREAK = re.compile(r"(?<=[.»])\s+(?=[A-ZÉÈÀÂÎÔ][\w'’ -]{0,60} : )")
_LIST_LABEL = re.compile(r"^(?P<lead>.*?[\w»)]\s?:)\s+(?P<items>.+)$")
_EXTERNAL_LINK = 'target="_blank" rel="noopener noreferrer"'


def escape(text: str) -> str:
    """For element content (all this module writes text into); attributes use `html.escape` in full."""
    return html.escape(text, quote=False)


def own_link(url: str, label: str) -> str:
    """A link the app itself makes; only to France compétences, the source of every fiche."""
    if not url.startswith(FRANCE_COMPETENCES):
        return escape(label)
    return f'<a href="{html.escape(url, quote=True)}" {_EXTERNAL_LINK}>{escape(label)}</a>'


def inline(text: str, anchors: str | None = None, count: int = 0) -> str:
    """One line of text, escaped, with the app's bold and italics; "[n]" becomes a link to source n."""
    out = _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", escape(text)))
    if anchors:
        def link(match: re.Match) -> str:
            number = int(match.group(1))
            if not 1 <= number <= count:
                return match.group(0)
            return (f'<a class="cite" href="#{anchors}-{number}" title="Source {number}" '
                    f'aria-label="source {number}">[{number}]</a>')

        out = _MARKER.sub(link, out)
    return out


def with_lists(text: str) -> str:
    """Enumerations written inline ("Compétences : a ; b ; c.") put one item a line, as a Markdown list."""
    lines = []
    for line in text.splitlines():
        for clause in _CLAUSE_BREAK.split(line):
            labelled = _LIST_LABEL.match(clause)
            items = labelled.group("items").split(" ; ") if labelled else []
            if len(items) < 2 or len(labelled.group("lead")) > 80:
                lines.append(clause)
                continue
            items[-1] = re.sub(r"\.$", "", items[-1])
            lines += [labelled.group("lead"), *[f"- {item.strip()}" for item in items if item.strip()], ""]
    return "\n".join(lines)


def markdown_html(text: str, anchors: str | None = None, count: int = 0) -> str:
    """The app's own Markdown subset (headings, lists one level deep, quotes, tables, paragraphs) as safe
    HTML."""
    # an italic paragraph over several lines ("_…\n…_") is italic line by line: each line is rendered alone
    text = re.sub(r"(?m)^_([^_\n][^_]*?)_$", lambda m: "\n".join(f"_{line}_" if line.strip() else line
                                                               for line in m.group(1).split("\n")), text)
    out: list[str] = []
    paragraph: list[str] = []
    quote: list[str] = []
    lists: list[str] = []  # open list tags, outermost first

    def close_paragraph() -> None:
        if paragraph:
            out.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()
        if quote:
            out.append("<blockquote>" + "<br>".join(quote) + "</blockquote>")
            quote.clear()

    def close_lists(depth: int = 0) -> None:
        while len(lists) > depth:
            out.append(f"</li></{lists.pop()}>")

    def item(tag: str, depth: int, content: str) -> None:
        close_paragraph()
        if len(lists) > depth + 1:
            close_lists(depth + 1)
        if len(lists) == depth + 1 and lists[-1] != tag:
            close_lists(depth)
        if len(lists) == depth + 1:
            out.append("</li>")
        else:
            out.append(f"<{tag}>")
            lists.append(tag)
        out.append("<li>" + inline(content, anchors, count))

    table: list[list[str]] = []

    def close_table() -> None:
        if table:
            head, *body = table
            cells = "".join(f"<th>{inline(c, anchors, count)}</th>" for c in head)
            rows = "".join("<tr>" + "".join(f"<td>{inline(c, anchors, count)}</td>" for c in row) + "</tr>"
                           for row in body)
            out.append(f'<div class="table-wrap"><table><thead><tr>{cells}</tr></thead><tbody>{rows}</tbody>'
                       "</table></div>")
            table.clear()

    for line in text.splitlines():
        if _TABLE_ROW.match(line):
            close_paragraph()
            close_lists()
            if not _TABLE_RULE.match(line):
                table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        close_table()
        if not line.strip():
            close_paragraph()
            close_lists()
            continue
        heading, bullet, numbered, quoted = (pattern.match(line) for pattern in (_HEADING, _BULLET, _NUMBERED,
                                                                                  _QUOTE))
        if heading:
            close_paragraph()
            close_lists()
            level = min(len(heading.group(1)) + 1, 6)
            out.append(f"<h{level}>{inline(heading.group(2), anchors, count)}</h{level}>")
        elif bullet:
            depth = 1 if len(bullet.group(1).expandtabs(4)) >= 2 and lists else 0
            item("ul", depth, bullet.group(2))
        elif numbered:
            item("ol", 0, numbered.group(2))
        elif quoted:
            if paragraph:
                close_paragraph()
            close_lists()
            quote.append(inline(quoted.group(1), anchors, count))
        elif lists and line.startswith((" ", "\t")):
            out.append("<br>" + inline(line.strip(), anchors, count))
        else:
            if quote:
                close_paragraph()
            close_lists()
            paragraph.append(inline(line.strip(), anchors, count))
    close_table()
    close_paragraph()
    close_lists()
    return "".join(out)
