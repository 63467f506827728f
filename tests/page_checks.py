"""Measurements taken inside the browser page for the web tests: WCAG contrast of every visible text,
the English words Gradio could leave behind, the fonts in use."""

from __future__ import annotations

from playwright.sync_api import Page

# WCAG 2.x relative luminance and contrast; the background is found by walking up until opaque.
CONTRAST_JS = """
(only) => {
  const parse = (c) => {
    const m = c && c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let out = [255, 255, 255];
    for (const c of layers.reverse()) out = over(c, out);
    return out;
  };
  const ratio = (el, pseudo) => {
    const fg = parse(getComputedStyle(el, pseudo || null).color);
    const bg = background(el);
    if (!fg) return {unparsed: getComputedStyle(el, pseudo || null).color};
    const a = luminance(over(fg, bg)), b = luminance(bg);
    return {ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none" && s.opacity !== "0"
      && !el.closest("[aria-hidden=true], .visually-hidden");
  };
  const out = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/)[0] : "");
  for (const el of document.querySelectorAll(only || "body *")) {
    if (!visible(el)) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim())
      .map((n) => n.textContent.trim()).join(" ");
    if (own) out.push({what: name(el), text: own.slice(0, 40), ...ratio(el)});
    if ((el.tagName === "TEXTAREA" || el.tagName === "INPUT") && el.placeholder)
      out.push({what: name(el) + "::placeholder", text: el.placeholder.slice(0, 40), ...ratio(el, "::placeholder")});
  }
  return out;
}
"""

ENGLISH = ["Copy message", "More tabs", "processing", "Share", "Clear", "Copy", "Download", "Drop File Here",
           "Click to Upload", "Upload", "Loading", "Submit", "Like", "Dislike", "Retry", "Undo", "Remove",
           "Built with Gradio", "Settings", "In queue", "queue:", "Type a message", "Chatbot", "Dropdown",
           "Scroll", "Error", "Delete", "Collapse", "Expand", "exceed", "maximum allowed size", "Warning"]

WORDS_JS = """
() => {
  const words = [];
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (el && visible(el) && !el.closest("script, style")) words.push(walker.currentNode.textContent);
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))
    for (const attr of ["aria-label", "title", "placeholder", "alt"])
      if (el.getAttribute(attr)) words.push(el.getAttribute(attr));
  return words.join("\\n");
}
"""


def contrasts(page: Page, selector: str | None = None) -> list[dict]:
    return page.evaluate(CONTRAST_JS, selector)


def below(page: Page, minimum: float = 4.5, selector: str | None = None) -> list[dict]:
    return [c for c in contrasts(page, selector) if "ratio" not in c or c["ratio"] < minimum]


def english_left(page: Page) -> list[str]:
    """English words of Gradio's interface still on the page (text, labels, titles, placeholders)."""
    import re

    text = page.evaluate(WORDS_JS)
    return [word for word in ENGLISH if re.search(rf"(?<![\wÀ-ÿ]){re.escape(word)}(?![\wÀ-ÿ])", text)]


def font_families(page: Page, selectors: list[str]) -> dict[str, str]:
    return page.evaluate("(ss) => Object.fromEntries(ss.map((s) => [s, document.querySelector(s) ? "
                         "getComputedStyle(document.querySelector(s)).fontFamily : null]))", selectors)
