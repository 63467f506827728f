"""The 12 real fiches of the France Compétences export, read from ../shared/rncp-sample."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.certification import Route

# code: (title start, European level, active, fiche state, end of registration, open routes FI CA FC CQ CL VAE,
#        ROME codes, NSF codes, certifiers, promotions, number of blocs, last bloc title start)
EXPECTED = {
    "RNCP34762": ("Programme Grande Ecole", 7, False, "Publiée", date(2024, 8, 31), "111101",
                  ["M1202", "M1205", "M1705", "M1402", "M1707"], ["313", "310", "315p"], 2, 2, 5,
                  "Mobilisation d’une expertise métier"),
    "RNCP35809": ("Finition, aménagement des bâtiments", 5, True, "Publiée", date(2026, 8, 31), "111111",
                  ["F1201", "F1202"], ["233"], 1, 0, 4, "Conduire des travaux"),
    "RNCP35625": ("Diplôme Arts et Techniques du Théâtre", 7, False, "Modifications à valider par le ministère",
                  date(2026, 3, 25), "101011", ["L1504"], ["323n", "133"], 2, 2, 10,
                  "Adapter la création lumière"),
    "RNCP35419": ("Expert en ingénierie du logiciel", 7, False, "Publiée", date(2026, 3, 17), "111111",
                  ["M1802", "M1805", "M1803"], ["326"], 1, 3, 4, "Conception avancée de l'architecture"),
    "RNCP37488": ("Cybersécurité", 4, True, "Publiée", date(2028, 8, 31), "111111",
                  ["M1810", "M1802", "M1801"], ["326"], 1, 0, 2, "Cybersécurité"),
    "RNCP40344": ("Auxiliaire spécialisé vétérinaire", 4, True, "Modifications à valider", date(2028, 3, 28),
                  "010101", ["A1500", "M1601", "D1210", "A1504"], ["212t"], 2, 3, 4,
                  "Assister le vétérinaire en soins et en chirurgie"),
    "RNCP36612": ("Assistant en ressources humaines", 5, True, "Publiée", date(2027, 7, 1), "111101",
                  ["M1604", "M1501", "M1203"], ["315t"], 1, 2, 4, "Participation au développement des compétences"),
    "RNCP37674": ("Développeur web et web mobile", 5, True, "Publiée", date(2028, 9, 1), "011101",
                  ["M1805"], ["326t"], 1, 1, 2, "Développer la partie back-end"),
    "RNCP36490": ("Concepteur développeur d'applications", 6, True, "Publiée", date(2027, 6, 1), "111111",
                  ["M1805", "M1802"], ["326t", "326"], 1, 2, 4, "Manager les équipes et les projets"),
    "RNCP35959": ("Développeur web", 5, True, "Publiée", date(2026, 10, 15), "111111",
                  ["E1103", "E1104", "E1205"], ["326t", "320t", "320m"], 1, 2, 5, "Développer une application web"),
    "RNCP37873": ("Concepteur développeur d'applications", 6, True, "Publiée", date(2028, 12, 18), "011101",
                  ["M1805"], ["326t"], 1, 1, 3, "Préparer le déploiement d'une application"),
    "RNCP39568": ("Diplôme d’études supérieures en management", 7, True, "Publiée", date(2029, 8, 31), "111101",
                  ["M1202", "M1205", "M1402", "M1705", "M1707"], ["310", "312", "313"], 2, 2, 6,
                  "Conduire des études approfondies"),
}
ROUTE_ORDER = [Route.FORMATION_INITIALE, Route.APPRENTISSAGE, Route.FORMATION_CONTINUE,
               Route.CONTRAT_PROFESSIONNALISATION, Route.CANDIDATURE_INDIVIDUELLE, Route.VAE]


def test_all_twelve_fiches_are_read(sample):
    assert sorted(sample) == sorted(EXPECTED)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_fiche_fields(sample, code):
    (title, level, active, state, end, routes, rome, nsf, certifiers, promotions, blocs, last_bloc) = EXPECTED[code]
    c = sample[code]
    assert c.title.startswith(title)
    assert c.level_european == level
    assert c.active is active
    assert c.fiche_state == state
    assert c.registration.end == end
    assert "".join("1" if c.route(r).open else "0" for r in ROUTE_ORDER) == routes
    assert [r.code for r in c.rome] == rome and all(r.label for r in c.rome)
    assert [n.code for n in c.nsf] == nsf
    assert len(c.certifiers) == certifiers and all(x.name for x in c.certifiers)
    assert len(c.statistics) == promotions
    assert [b.code for b in c.blocs] == [f"{code}BC{n:02d}" for n in range(1, blocs + 1)]
    assert c.blocs[-1].title.startswith(last_bloc)
    assert all(b.competences and b.evaluation for b in c.blocs)
    assert [u.code for u in c.units] == [b.code for b in c.blocs]
    assert c.sources["blocs"].format == "rncp-xml"


def test_liste_competences_split_on_runs_of_spaces(sample):
    bloc = sample["RNCP37674"].bloc(1)
    assert bloc.competences == [
        "Installer et configurer son environnement de travail en fonction du projet web ou web mobile",
        "Maquetter des interfaces utilisateur web ou web mobile",
        "Réaliser des interfaces utilisateur statiques web ou web mobile",
        "Développer la partie dynamique des interfaces utilisateur web ou web mobile",
    ]


def test_liste_competences_split_on_dashes_and_stars(sample):
    assert sample["RNCP35809"].bloc(1).competences[:2] == [
        "Analyser le dossier de l'affaire",
        "Proposer une ou plusieurs solutions esthétiques et techniques répondant aux attentes",
    ]
    assert sample["RNCP37488"].bloc(1).competences == [
        "Valider le fonctionnement d’un réseau", "Coder", "Installer une infrastructure réseau",
        "Exploiter une installation réseau", "Maintenir un réseau",
    ]


def test_a_line_that_wrapped_inside_a_bulleted_item_stays_in_it(sample):
    # "- Valider une solution   technique  - Renseigner…": the export wrapped the first item, then flattened it
    competences = sample["RNCP35809"].bloc(2).competences
    assert "Valider une solution technique" in competences
    assert "technique" not in competences and "Valider une solution" not in competences
    assert "Prévenir les risques professionnels" in competences
    assert sample["RNCP35625"].bloc(3).competences == [
        "Identifier, sélectionner et analyser avec esprit critique diverses ressources spécialisées pour documenter "
        "un sujet et synthétiser ces données en vue de leur exploitation",
        "Communiquer à des fins de formation ou de transfert de connaissances, par oral et par écrit, en français "
        "et dans au moins une langue étrangère",
    ]
    # a run of spaces before a capital still begins an item, bullet or not
    assert len(sample["RNCP34762"].bloc(3).competences) >= 10


def test_numbered_competences_keep_their_numbers(sample):
    competences = sample["RNCP34762"].bloc(1).competences
    assert len(competences) == 7
    assert competences[0].startswith("A1C1. Evaluer, depuis son périmètre")
    assert competences[1].startswith("A1C2.Apprécier")


def test_jury_composition_and_vae(sample):
    vae = sample["RNCP35419"].route(Route.VAE)
    assert vae.open is True
    assert vae.jury.splitlines() == [
        "Le responsable de la VAE Intech",
        "Le responsable de la filière ingénierie du logiciel",
        '2 experts professionnels du secteur "Ingénierie du logiciel"',
    ]
    assert sample["RNCP40344"].route(Route.FORMATION_INITIALE).open is False
    assert sample["RNCP40344"].route(Route.FORMATION_INITIALE).jury == ""


def test_dates_links_and_history(sample):
    c = sample["RNCP40344"]
    assert c.registration.decision == date(2025, 3, 28)
    assert c.registration.duration_years == 3
    assert c.registration.issuing_deadline == date(2032, 3, 28)
    assert c.registration.type == "Enregistrement sur demande"
    assert c.links == ["https://devenir-asv.com/", "https://apform.fr/espace-candidat/"]
    assert c.previous == ["RNCP37507"] and c.next == []
    assert sample["RNCP34762"].next == ["RNCP39568"]
    assert "70 heures minimum" in c.prerequisites
    assert "L 243-3 du Code Rural" in c.regulations


def test_statistics_by_promotion(sample):
    stats = sample["RNCP35419"].statistics
    assert all(s.year for s in stats)
    assert any(s.certified_by_vae is not None for s in stats)


def test_overseas_accessibility(sample):
    assert sample["RNCP35809"].accessible_new_caledonia is True
    assert sample["RNCP34762"].accessible_french_polynesia is False


def test_round_bullets_are_dropped_from_jobs(sample):
    jobs = sample["RNCP35419"].jobs
    assert jobs[:2] == ["Analyste-Programmeur", "Architecte logiciel"]
    assert not any(job.startswith("●") for c in sample.values() for job in c.jobs)


def test_partners_are_read_and_said_where_to_prepare(sample):
    from assistant.answering.drafts import places
    from assistant.chunking import chunk_certification

    c = sample["RNCP35419"]
    names = [p.name for p in c.partners]
    assert {"ISCOD", "VISIPLUS"} <= set(names)
    assert all(p.authorisation == "HABILITATION_ORGA_FORM" and p.active for p in c.partners)
    lieux = [chunk.text for chunk in chunk_certification(c) if chunk.section == "partenaires"]
    assert lieux and "ISCOD" in lieux[0] and "habilités à former et à organiser l'évaluation" in lieux[0]
    drafted = places(c)
    assert drafted is not None and "- ISCOD" in drafted.text and drafted.citations[0].section == "partenaires"


def test_a_long_list_of_partners_is_cut_in_the_answer_not_in_the_fiche(sample):
    from assistant.answering.drafts import MAX_PARTNERS, places

    c = max(sample.values(), key=lambda c: len(c.partners))
    assert len(c.partners) > MAX_PARTNERS
    text = places(c).text
    listed = [line for line in text.split("\n") if line.startswith("- ")]
    cut = [int(line.split()[2]) for line in text.split("\n") if line.startswith("… et ")]
    assert cut and len(listed) + sum(cut) == len({(p.authorisation, p.name) for p in c.partners if p.active})
