"""The two seed fiches must come out of the CNCP text reader complete and exact."""

from __future__ import annotations

from datetime import date

from assistant.certification import Route, UnitKind


def test_31168_identity_and_levels(seeds):
    c = seeds["RNCP31168"]
    assert c.title == "Responsable de production de projets culturels"
    assert (c.level_old, c.level_european) == ("II", 6)
    assert [x.name for x in c.certifiers] == ["ECAD Consultants - IESA"]
    assert c.certifiers[0].signatory_role == "Directeur"
    assert [n.code for n in c.nsf] == ["323"]
    assert [r.code for r in c.rome] == ["K1602", "K1206", "L1302", "L1303"]
    assert c.rome[2].label == "Production et administration spectacle, cinéma et audiovisuel"
    assert c.active is None and c.accessible is None  # the fiche does not say


def test_31168_has_its_five_blocs_with_titles(seeds):
    blocs = seeds["RNCP31168"].blocs
    assert [b.code for b in blocs] == [f"RNCP31168BC0{n}" for n in range(1, 6)]
    assert [b.title for b in blocs] == [
        "Assurer la promotion et la communication du projet",
        "Gérer le budget et l’administration juridique et réglementaire du projet",
        "Définir et monter le projet culturel",
        "Produire et mettre en œuvre les actions et les outils de médiation",
        "Organiser et mettre en œuvre la production et la diffusion du projet",
    ]


def test_31168_bloc_competences_are_whole_lines(seeds):
    c = seeds["RNCP31168"]
    assert c.bloc(2).competences == [
        "Suivre, gérer et négocier le budget et la trésorerie",
        "Rédiger les dossiers de financement",
        "Gérer administrativement et socialement les différents intervenants",
        "Assurer la conformité et la sécurité du projet avec le droit et la réglementation",
    ]
    assert c.bloc("BC04").competences[-1] == (
        "Mettre en place et animer des actions de médiation seul ou à l’aide de médiateurs"
    )
    assert len(c.bloc(5).competences) == 2


def test_31168_bloc_evaluation_is_joined_prose(seeds):
    bloc = seeds["RNCP31168"].bloc(1)
    assert bloc.evaluation.startswith("cas pratique et mise en situation professionfelle dans le cadre de la")
    assert "plan média presse et web" in bloc.evaluation
    assert bloc.evaluation.endswith("Présentation et soutenance orale.")
    assert "\n" not in bloc.evaluation
    assert seeds["RNCP31168"].bloc(3).evaluation.endswith("Présentation et soutenance orale")


def test_31168_jury_validity_and_partial_validation(seeds):
    c = seeds["RNCP31168"]
    vae = c.route(Route.VAE)
    assert vae.open is True
    assert vae.note == "dispositif VAE prévu en 2012"
    assert vae.jury.splitlines()[0].startswith("Le/la Président/e du jury professionnel/le extérieur")
    assert "40 % sontmembres extérieurs" in vae.jury
    assert c.route(Route.APPRENTISSAGE).open is False
    assert c.route(Route.CANDIDATURE_INDIVIDUELLE).open is False
    assert c.validity.unlimited and c.validity.text == "illimitée"
    assert "restent acquis définitivement (validité illimitée)" in c.partial_validation
    assert "l’ensemble des 5 blocs de compétences" in c.partial_validation
    assert "livret 2" in c.vae_rules


def test_31168_words_cut_by_the_pdf_are_rejoined(seeds):
    c = seeds["RNCP31168"]
    assert "la production d’événements" in c.summary
    assert "livrets pédagogiques" in c.summary and "arts plastiques" in c.summary
    assert "agences événementielles" in c.summary
    assert "spectacle-vivant" in c.summary  # a real compound stays
    assert "mise en situation professionnelle" in c.partial_validation


def test_31168_jobs_components_and_dates(seeds):
    c = seeds["RNCP31168"]
    assert c.jobs[0] == "Responsable de diffusion/distribution"
    assert "Chargée des relations exposants" in c.jobs
    assert "Médiateur culturel/socio culturel" in c.jobs
    assert len(c.jobs) == 15
    assert c.components[0] == "Définition du projet" and len(c.components) == 5
    assert c.registration.end == date(2022, 8, 7)
    assert c.registration.effective == date(2017, 3, 17)
    assert c.registration.duration_years == 4
    assert c.statistics[0].text == "15 titrés par an environ"
    assert c.previous == ["Spécialiste-conseil en biens et services culturels"]
    assert c.capacities[-1].endswith("(communiqués de presse, publicité, site internet)")
    assert len(c.capacities) == 5


def test_14437_is_closed_with_seven_activities(seeds):
    c = seeds["RNCP14437"]
    assert c.title == "Chargé de production de projets artistiques"
    assert c.status_note == "L'accès à la certification n'est plus possible"
    assert c.accessible is False and c.active is False
    assert (c.level_old, c.level_european) == ("III", 5)
    assert c.blocs == []
    assert [u.kind for u in c.units] == [UnitKind.ACTIVITY] * 7
    assert [u.title for u in c.units][:5] == [
        "Positionnement du projet",
        "Organisation du processus de production",
        "Communication, promotion et commercialisation",
        "Gestion budgétaire",
        "Gestion juridique",
    ]
    assert c.units[5].title == "Pilotage de projets européens ou internationaux"
    assert c.units[5].description.endswith("les partenariats et les possibilités d’exploitation du spectacle")
    assert c.units[5].note == "Deux activités d’approfondissement aux choix"
    assert c.units[0].note == ""


def test_14437_capacities_jury_and_validity(seeds):
    c = seeds["RNCP14437"]
    assert len(c.capacities) == 8
    assert c.capacities[0].startswith("réaliser le repérage exhaustif")
    assert c.capacities[6] == "élaborer une tournée dans un pays européen"
    assert c.validity.years == 5 and c.validity.text == "5 ans"  # the fiche says "5 an(s)"
    assert c.route(Route.FORMATION_INITIALE).open is False
    assert c.route(Route.FORMATION_CONTINUE).open is True
    vae = c.route(Route.VAE)
    assert vae.jury == (
        "Président : Membre de la direction de la NACRe +2 à 4 personnes dont toujours 2 professionnels "
        "extérieurs à la structure (parité employeur, salarié)"
    )
    assert vae.note == "dispositif VAE prévu en 2007"


def test_14437_components_evaluation_and_vae_rules_are_kept_apart(seeds):
    c = seeds["RNCP14437"]
    assert len(c.components) == 7
    assert c.components[0] == "Positionnement d’un projet artistique"
    assert c.evaluation.splitlines()[-1].startswith("- Une mini-étude de cas")
    assert "les 6 composantes par le biais de deux expériences" in c.vae_rules
    assert "mini-étude" not in c.vae_rules


def test_14437_urls_in_the_middle_of_lists_become_links(seeds):
    c = seeds["RNCP14437"]
    assert "http://recrutement.pole-emploi.fr/fichesrome/ficherome?codeRome=L1302" in c.links
    assert not any("http" in component for component in c.components)
    assert c.more_information == ["Centre national du Théâtre", "Hors les Murs", "IRMA"]


def test_14437_codes_dates_and_statistics(seeds):
    c = seeds["RNCP14437"]
    rome = [(r.code, r.label) for r in c.rome]
    assert rome == [("L1302", "Production et administration spectacle, cinéma et audiovisuel")]
    assert c.jobs == ["Chargé de production", "Chargé de diffusion", "Attaché de production",
                      "Attaché de diffusion", "Administrateur de production"]
    assert c.registration.end == date(2017, 4, 14)
    assert c.legal_texts[0].kind == "creation" and c.legal_texts[0].published == date(2009, 11, 21)
    assert c.statistics[0].certified == 10
    assert c.next == ["Chargé de production de projets artistiques"]
    assert "Villeurbanne" in c.certification_places


def test_every_field_records_where_it_came_from(seeds):
    c = seeds["RNCP31168"]
    assert c.sources["blocs"].format == "cncp-text"
    assert c.sources["blocs"].file.endswith("RNCP31168.txt")
    assert c.sources["title"].location == "lignes 4-5"
    assert c.bloc(1).source.location.startswith("lignes ")
    for name in ("rome", "validity", "access_routes", "legal_texts", "summary"):
        assert name in c.sources
