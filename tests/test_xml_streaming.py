"""The national export is hundreds of MB: reading it must not hold the whole tree in memory."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLE_EXPORT

PEAK_MEMORY_OF_READING = """
import resource, sys
from pathlib import Path
from assistant.readers.xml_export import read_xml_export
count = sum(1 for _ in read_xml_export(Path(sys.argv[1]), lambda e: print(e, file=sys.stderr)))
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def write_export(path: Path, copies: int) -> Path:
    """An export of `copies` × 12 real fiches, each copy renumbered so every code is distinct."""
    text = SAMPLE_EXPORT.read_text(encoding="utf-8")
    fiches = re.findall(r"<FICHE>.*?</FICHE>", text, flags=re.DOTALL)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<FICHES><VERSION_FLUX>4.1</VERSION_FLUX>\n')
        for copy in range(copies):
            prefix = f"RNCP{copy:02d}"
            for fiche in fiches:
                out.write(re.sub(r"RNCP\d*(\d{4})", rf"{prefix}\1", fiche) + "\n")
        out.write("</FICHES>\n")
    return path


def peak_mb(path: Path) -> tuple[int, int]:
    result = subprocess.run([sys.executable, "-c", PEAK_MEMORY_OF_READING, str(path)],
                            capture_output=True, text=True, check=True)
    assert result.stderr == ""
    count, peak = result.stdout.split()[-2:]
    return int(count), int(peak)


def test_memory_stays_flat_as_the_export_grows(tmp_path):
    small = write_export(tmp_path / "small.xml", 5)
    large = write_export(tmp_path / "large.xml", 50)
    small_count, small_peak = peak_mb(small)
    large_count, large_peak = peak_mb(large)
    assert (small_count, large_count) == (60, 600)
    grown_file_mb = (large.stat().st_size - small.stat().st_size) / 2**20
    assert grown_file_mb > 25
    # The whole tree of the large file would cost several times its size; streaming costs ~nothing more.
    assert large_peak - small_peak < 15, (small_peak, large_peak, grown_file_mb)
