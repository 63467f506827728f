"""Test PDFs written with fpdf2: a text layer from given lines, or a "scan" with none."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def write_pdf(path: Path, text: str | None) -> Path:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    if text is None:  # a "scan": only a drawn rectangle, no text layer
        pdf.rect(20, 20, 100, 150, style="F")
    else:
        if FONT.exists():
            pdf.add_font("DejaVu", fname=str(FONT))
            pdf.set_font("DejaVu", size=8)
        else:
            pdf.set_font("Helvetica", size=8)
        for line in text.splitlines():
            pdf.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
