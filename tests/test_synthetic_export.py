"""The benchmark's synthetic exports read like the real one: official format, unique codes, blocs following."""

from __future__ import annotations

from assistant.bench.synthetic_export import write_synthetic_export
from assistant.corpus import read_corpus

from .conftest import SAMPLE_EXPORT


def test_a_synthetic_export_reads_without_problems(tmp_path):
    export = write_synthetic_export(SAMPLE_EXPORT, tmp_path / "export_fiches_RNCP_synthetique.xml", 30)
    reading = read_corpus([export])
    assert reading.problems == []
    codes = [c.code for c in reading.certifications]
    assert len(codes) == 30 and len(set(codes)) == 30 and codes[0] == "RNCP900000"
    for certification in reading.certifications:
        assert all(b.code.startswith(certification.code + "BC") for b in certification.blocs)
        assert len({b.code for b in certification.blocs}) == len(certification.blocs)
    sizes = {len(c.blocs) for c in reading.certifications}
    assert len(sizes) > 3  # recombined, not 12 copies over and over
