"""Extraction artefacts removed when fiches are read: on the seeds, the sample export and small cases."""

from __future__ import annotations

from assistant.certification import Certifier
from assistant.readers.fiche_tidy import certifiers, list_text, years


def test_years_read_as_french():
    assert years("5 an(s)") == "5 ans" and years("1 an(s)") == "1 an" and years("illimitée") == "illimitée"


def test_a_list_after_a_colon_has_no_empty_item():
    text = ("Le jury est composé de :\n1 docteur vétérinaire\n;\n1 expert formateur ;\n; un président\n"
            "De membres : ; de la profession")
    assert list_text(text) == ("Le jury est composé de : 1 docteur vétérinaire\n1 expert formateur\nun président\n"
                               "De membres : de la profession")


def test_a_certifier_named_twice_is_named_once():
    named = [Certifier(name="CCI FRANCE", siret="1", active=False),
             Certifier(name="CCI  France", siret="2", active=True), Certifier(name="X")]
    assert [(c.name, c.siret) for c in certifiers(named)] == [("CCI  France", "2"), ("X", None)]
    assert certifiers(named)[0].inactive_sirets == ["1"]  # the other SIRET, marked inactive, is kept as such


def test_the_seeds_read_clean(seeds):
    assert seeds["RNCP14437"].validity.text == "5 ans"


def test_the_sample_reads_clean(sample):
    assert [c.name for c in sample["RNCP36612"].certifiers] == ["CCI FRANCE"]
    juries = {r.route.value: r.jury for r in sample["RNCP40344"].access_routes}
    assert juries["vae"].startswith("Le jury national de certification est composé de : 1 docteur vétérinaire")
    for fiche in sample.values():
        for route in fiche.access_routes:
            shown = route.jury.replace("\n", " ; ")
            assert ": ;" not in shown and "; ;" not in shown, (fiche.code, shown)
            assert not [line for line in route.jury.splitlines() if not line.strip() or line.endswith(";")]
        assert fiche.validity is None or "an(s)" not in fiche.validity.text
        names = [c.name.casefold() for c in fiche.certifiers]
        assert len(names) == len(set(names))
