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


def write_deflate_bomb(path: Path, megabytes: int = 100) -> Path:
    """A one-page PDF whose content stream is ~100 KB on disk and `megabytes` MB once inflated: more than
    pypdf agrees to decompress (75 MB), so reading it raises pypdf's LimitReachedError."""
    import zlib

    compressor = zlib.compressobj(9)
    block = b"0" * (1 << 20)
    data = b"".join(compressor.compress(block) for _ in range(megabytes)) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
