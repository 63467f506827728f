"""How the page looks and behaves on a phone and a desktop: theme, style sheet, a few lines of script.

- One font family, the system's own (it has every glyph and a real bold): nothing is fetched, no bundled
  face with missing letters.
- Colours chosen for WCAG AA: every text and control at least 4.5:1 against what is behind it (the
  browser test measures them).
- Mobile first: at 390 px the four tabs fit, the conversation leaves room for the question box, the
  sources panel beside the chat (desktop) gives way to the panel under each answer.
- The script does three small things Gradio does not: a click on "[n]" opens the sources panel and shows
  source n; a click in a certification picker selects its text so that typing searches afresh instead of
  appending to the current choice; and Gradio's few English labels that no translation key reaches
  ("More tabs") are said in French.
"""

from __future__ import annotations

import gradio as gr

SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Liberation Sans", "Arial",
                "sans-serif"]
INK = "#1f2328"  # body text: 15.8:1 on white
MUTED = "#4b5563"  # secondary text and placeholders: 7.6:1 on white
ACCENT = "#1d4ed8"  # links, active tab, primary button background (white text: 6.7:1)
ACCENT_DARK = "#1e3a8a"


def theme() -> gr.themes.Base:
    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=["ui-monospace", "DejaVu Sans Mono", "monospace"],
                             primary_hue=gr.themes.colors.blue, neutral_hue=gr.themes.colors.gray).set(
        body_text_color=INK,
        body_text_color_subdued=MUTED,
        block_label_text_color=INK,
        block_title_text_color=INK,
        block_info_text_color=MUTED,
        input_placeholder_color=MUTED,
        link_text_color=ACCENT,
        link_text_color_visited=ACCENT_DARK,
        link_text_color_hover=ACCENT_DARK,
        button_primary_background_fill=ACCENT,
        button_primary_background_fill_hover=ACCENT_DARK,
        button_primary_text_color="#ffffff",
        button_primary_text_color_hover="#ffffff",
        button_primary_border_color=ACCENT,
        button_secondary_background_fill="#eef0f3",
        button_secondary_background_fill_hover="#e2e5e9",
        button_secondary_text_color=INK,
        button_secondary_text_color_hover=INK,
        color_accent_soft="#dbeafe",
        checkbox_label_text_color=INK,
    )


CSS = f"""
#title h1 {{ font-size: 1.6rem; margin: 0.2rem 0; }}
#title p {{ margin: 0 0 0.4rem; color: {MUTED}; }}
.tab-container button {{ color: {INK} !important; font-size: 15px !important; padding: 6px 10px !important; }}
button[role=tab][aria-selected=true], button[role=tab].selected {{
    color: {ACCENT} !important; font-weight: 700; border-bottom: 3px solid {ACCENT} !important; }}
textarea::placeholder, input::placeholder {{ color: {MUTED} !important; opacity: 1; }}
.answer, .fiche, #mapping, #outline-preview, #sources {{ overflow-wrap: anywhere; }}
.answer p, .answer ul, .answer ol {{ margin: 0.3rem 0; }}
.answer ul, .answer ol, .fiche ul {{ padding-left: 1.3rem; list-style: revert; }}
.answer li, .fiche li {{ margin: 0.15rem 0; }}
.answer .about, .status-tag {{ font-size: 0.9em; color: {MUTED}; margin-bottom: 0.3rem; }}
.status-tag {{ color: #8a1c00; font-weight: 700; }}
.answer .progress, .progress {{ color: {MUTED}; font-style: italic; }}
a.cite {{ color: {ACCENT}; font-weight: 700; text-decoration: underline; padding: 0 1px; }}
details.sources {{ margin-top: 0.5rem; border-top: 1px solid #d0d5dc; padding-top: 0.3rem; }}
details.sources summary {{ cursor: pointer; color: {ACCENT}; font-weight: 700; min-height: 32px; line-height: 32px; }}
.answer .source-list, .source-list {{ list-style: none; padding-left: 0.2rem; }}
.source-list li {{ margin: 0.4rem 0; scroll-margin-top: 80px; }}
.source-list li:target, .source-list li.shown {{ background: #fff3bf; outline: 2px solid #8a6d00; }}
.source-list blockquote, #sources blockquote {{ margin: 0.2rem 0 0.2rem 0.2rem; padding-left: 0.6rem;
    border-left: 3px solid #c5cad3; color: {INK}; }}
#question-notice p {{ color: #8a1c00; font-weight: 700; margin: 0.2rem 0; }}
.coverage-wrap, .table-wrap {{ overflow-x: auto; padding: 0 4px; }}
.coverage {{ width: 100%; border-collapse: collapse; }}
.coverage th {{ text-align: left; }}
.coverage th.bar {{ width: 45%; }}
.coverage td {{ padding: 6px 4px; border-bottom: 1px solid #e0e0e0; vertical-align: top; }}
.coverage .level {{ font-weight: 700; }}
.used {{ color: {MUTED}; }}
@media (max-width: 700px) {{
    #title h1 {{ font-size: 1.25rem; }}
    #title p {{ display: none; }}
    #sources-column {{ display: none !important; }}
    .tab-container button {{ padding: 6px 7px !important; font-size: 14px !important; }}
    #chat-certification .info-text, #question label span {{ font-size: 13px; }}
    #examples {{ display: none; }}
}}
"""

# Gradio scopes the rules of `css` inside media queries to the app's content; the page margin is outside.
SCRIPT = r"""
<style>@media (max-width: 700px) { .gradio-container .main.fillable { padding: 6px 8px !important; } }</style>
<script>
(() => {
  const FRENCH = {"More tabs": "Autres onglets", "Copy message": "Copier le message", "Share": "Partager",
                  "Clear": "Effacer", "Copy": "Copier", "Copied": "Copié", "Download": "Télécharger",
                  "Remove": "Retirer", "Undo": "Annuler", "Retry": "Réessayer", "Like": "Utile",
                  "Dislike": "Pas utile", "Settings": "Paramètres", "Loading": "Chargement",
                  "Scroll down": "Descendre", "Scroll to bottom": "Aller en bas", "Close": "Fermer",
                  "Clear all": "Tout effacer", "Expand": "Ouvrir", "Collapse": "Fermer"};
  // Where Gradio's own French file says "télécharger" for a file going up, or has no French at all.
  const WORDS = {"Cliquez pour télécharger un fichier": "Touchez ou cliquez pour choisir un fichier",
                 "Click to Upload": "Touchez ou cliquez pour choisir un fichier",
                 "Drop File Here": "Déposez le fichier ici", "Téléchargement...": "Téléversement…",
                 "Uploading...": "Téléversement…", "Loading": "Chargement",
                 "En attente de la fin du téléchargement des fichier(s), veuillez réessayer.":
                   "Le fichier est encore en cours de téléversement : réessayez dans un instant."};
  const PATTERNS = [
    [/^File\(s\) exceed the maximum allowed size of ([\d.]+) ?Mb: (.*)$/,
     (m, size, name) => `Fichier trop volumineux : ${name} dépasse ${size.replace(".0", "").replace(".", ",")} Mo.`],
    [/^(\d+(?:\.\d+)?)\s?(B|KB|kB|MB|GB)(\s⇣)?$/,
     (m, n, unit, arrow) => n.replace(/\.0$/, "").replace(".", ",") + "\u00a0" +
       {B: "o", KB: "ko", kB: "ko", MB: "Mo", GB: "Go"}[unit] + (arrow || "")],
    [/^Error$/, () => "Erreur"], [/^Warning$/, () => "Attention"], [/^Info$/, () => "Information"],
  ];
  const french = (text) => {
    const trimmed = text.trim();
    if (WORDS[trimmed]) return WORDS[trimmed];
    for (const [pattern, say] of PATTERNS) {
      const match = trimmed.match(pattern);
      if (match) return say(...match);
    }
    return null;
  };
  const reword = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    while (walker.nextNode()) {
      const said = french(walker.currentNode.textContent);
      if (said) found.push([walker.currentNode, said]);
    }
    found.forEach(([node, french]) => { node.textContent = french; });
  };
  const relabel = (root) => {
    reword(root.body || root);
    // Gradio labels each message with its raw content: a screen reader would read our markup aloud.
    root.querySelectorAll('[aria-label^="<div class="]').forEach((el) => {
      el.setAttribute("aria-label", (el.textContent || "").trim().slice(0, 300));
    });
    for (const attr of ["aria-label", "title"]) {
      root.querySelectorAll("[" + attr + "]").forEach((el) => {
        const french = FRENCH[el.getAttribute(attr)];
        if (french) el.setAttribute(attr, french);
      });
    }
  };
  new MutationObserver(() => relabel(document)).observe(document.documentElement,
    {subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label", "title"]});
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.cite");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    const panel = target.closest("details");
    if (panel) panel.open = true;
    document.querySelectorAll(".source-list li.shown").forEach((el) => el.classList.remove("shown"));
    target.classList.add("shown");
    target.scrollIntoView({block: "center"});
  }, true);
  document.addEventListener("focusin", (event) => {
    const input = event.target;
    if (input.matches && input.matches(".picker input")) setTimeout(() => input.select(), 0);
  });
})();
</script>
"""
