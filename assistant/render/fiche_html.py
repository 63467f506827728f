"""A certification as the Fiches tab shows it: the fiche's Markdown view, its figures, as safe HTML.

Everything the fiche says is escaped (see `safe_html`); the only link is the one to the fiche on the
France compétences site.
"""

from __future__ import annotations

from assistant.certification import Certification
from assistant.render.fiche_text import render_fiche, statistic_line
from assistant.render.safe_html import escape, markdown_html, own_link
from assistant.render.status import certification_status


def fiche_html(certification: Certification) -> str:
    c = certification
    tag = certification_status(c)
    markdown = render_fiche(c)
    if c.statistics:
        markdown += "\n## Statistiques\n\n" + "\n".join(f"- {statistic_line(s)}" for s in c.statistics) + "\n"
    status = f'<p class="status-tag">Attention : certification {escape(tag)}.</p>' if tag else ""
    link = own_link(c.fiche_url, f"Voir la fiche {c.code} sur le site de France compétences")
    return f'<div class="fiche">{status}{markdown_html(markdown)}<p>{link}</p></div>'
