"""Reader for the old CNCP "résumé descriptif" fiches, as text extracted from their PDFs.

The text is cut into sections at the fiche's fixed headings; each section is then read by a small
function. URL lines scattered by the PDF (in the middle of lists) are lifted out first and kept as links.
The OUI/NON columns of the tables were flattened into a stray "X": a voie d'accès counts as open when the
fiche gives its jury (the only column the flattening keeps apart), and the overseas rows stay unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.certification import (
    AccessRoute,
    Bloc,
    Certification,
    Certifier,
    CodedLabel,
    LegalText,
    Registration,
    Route,
    Source,
    SourceFormat,
    Statistic,
    Unit,
    UnitKind,
    Validity,
)
from assistant.readers.fiche_tidy import tidy_fiche
from assistant.readers.french_dates import WORDED_DATE, parse_worded_date
from assistant.readers.problems import FicheError
from assistant.readers.text_cleanup import (
    dehyphenate,
    is_bullet,
    is_url,
    join_prose,
    join_wrapped,
    paragraphs,
    split_sentences,
    squash_spaces,
    strip_bullet,
    vocabulary,
)

MARKER = re.compile(r"R[ée]sum[ée] descriptif de la certification\s+Code RNCP\s*:")

# (section key, heading pattern); a heading may carry its value after the colon ("inline").
HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (key, re.compile(pattern, re.IGNORECASE))
    for key, pattern in [
        ("code", r"^R[ée]sum[ée] descriptif de la certification\s+Code RNCP\s*:(?P<inline>.*)$"),
        ("title", r"^Intitul[ée]\s*$"),
        ("authority", r"^AUTORIT[ÉE] RESPONSABLE DE LA CERTIFICATION"),
        ("level", r"^Niveau et/ou domaine d'activit[ée]\s*$"),
        ("conventions", r"^Convention\(s\)\s*:(?P<inline>.*)$"),
        ("nsf", r"^Code\(s\) NSF\s*:(?P<inline>.*)$"),
        ("formacodes", r"^Formacode\(s\)\s*:(?P<inline>.*)$"),
        ("summary", r"^R[ée]sum[ée] du r[ée]f[ée]rentiel d'emploi"),
        ("sectors", r"^Secteurs d'activit[ée] ou types d'emplois accessibles"),
        ("rome", r"^Codes des fiches ROME les plus proches\s*:(?P<inline>.*)$"),
        ("access", r"^Modalit[ée]s d'acc[èe]s [àa] cette certification\s*$"),
        ("components", r"^Descriptif des composantes de la certification\s*:(?P<inline>.*)$"),
        ("blocs", r"^Blocs? de comp[ée]tences?\s*:\s*$"),
        ("validity", r"^Validit[ée] des composantes acquises\s*:(?P<inline>.*)$"),
        ("routes", r"^CONDITIONS D'INSCRIPTION"),
        ("overseas", r"^OUI\s*NON\s*$"),
        ("other_certifications", r"^LIENS AVEC D'AUTRES CERTIFICATIONS"),
        ("legal", r"^Base l[ée]gale\s*$"),
        ("legal_general", r"^R[ée]f[ée]rence du d[ée]cret g[ée]n[ée]ral\s*:(?P<inline>.*)$"),
        ("legal_creation", r"^R[ée]f[ée]rence arr[êe]t[ée] cr[ée]ation[^:]*:(?P<inline>.*)$"),
        ("legal_vae", r"^R[ée]f[ée]rence du d[ée]cret et/ou arr[êe]t[ée] VAE\s*:(?P<inline>.*)$"),
        ("legal_other", r"^R[ée]f[ée]rences autres\s*:(?P<inline>.*)$"),
        ("more", r"^Pour plus d'informations\s*$"),
        ("statistics", r"^Statistiques\s*:(?P<inline>.*)$"),
        ("information", r"^Autres sources d'information\s*:(?P<inline>.*)$"),
        ("certification_places", r"^Lieu\(x\) de certification\s*:(?P<inline>.*)$"),
        ("preparation_places", r"^Lieu\(x\) de pr[ée]paration[^:]*:(?P<inline>.*)$"),
        ("history", r"^Historique de la certification\s*:(?P<inline>.*)$"),
        ("previous", r"^Certification pr[ée]c[ée]dente\s*:(?P<inline>.*)$"),
        ("next", r"^Certification suivante\s*:(?P<inline>.*)$"),
    ]
]
# Lines that belong to the page, not to the fiche: repeated table headers and their wrapped halves.
FURNITURE = re.compile(
    r"^(?:Le R[ée]pertoire National des Certifications Professionnelles \(RNCP\)"
    r"|INTITUL[ÉE] DESCRIPTIF ET MODALIT[ÉE]S D'[ÉE]VALUATION"
    r"|CERTIFICATION OUI\s*NON COMPOSITION DES JURYS"
    r"|OU INTERNATIONAUX"
    r"|Page \d+( sur| /) ?\d+)\s*$",
    re.IGNORECASE,
)


@dataclass
class Line:
    number: int
    text: str


@dataclass
class Section:
    key: str
    inline: str
    lines: list[Line] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        values = [self.inline] if self.inline.strip() else []
        return values + [line.text for line in self.lines]

    def span(self, first: int) -> str:
        numbers = [first] + [line.number for line in self.lines if line.text.strip()]
        return f"lignes {min(numbers)}-{max(numbers)}"


def looks_like_cncp_fiche(text: str) -> bool:
    return bool(MARKER.search(text))


def read_cncp_text(text: str, file: str, source_format: SourceFormat = "cncp-text") -> Certification:
    """Read one CNCP fiche; raises FicheError naming the file when it is not one or has no code."""
    if not text.strip():
        raise FicheError(file, "fichier vide")
    if not looks_like_cncp_fiche(text):
        raise FicheError(file, "ce n'est pas une fiche CNCP reconnue (pas de « Code RNCP : »)")
    return _FicheParser(text, file, source_format).parse()


class _FicheParser:
    def __init__(self, text: str, file: str, source_format: SourceFormat) -> None:
        self.file = file
        self.format: SourceFormat = source_format
        self.words = vocabulary(text)
        self.links: list[str] = []
        self.sections: dict[str, tuple[int, Section]] = {}
        self._split(text.replace("\r\n", "\n").replace("\f", "\n").split("\n"))

    # -- splitting -------------------------------------------------------------------------------------
    def _split(self, raw_lines: list[str]) -> None:
        current: Section | None = None
        for number, raw in enumerate(raw_lines, start=1):
            text = raw.replace("\u00a0", " ").rstrip()
            if is_url(text):
                url = text.strip()
                if url not in self.links:
                    self.links.append(url)
                continue
            if FURNITURE.match(text.strip()):
                continue
            heading = self._heading(text.strip())
            if heading:
                key, inline = heading
                current = Section(key, inline.strip())
                self.sections.setdefault(key, (number, current))
                continue
            if current is not None:
                current.lines.append(Line(number, text))

    @staticmethod
    def _heading(text: str) -> tuple[str, str] | None:
        for key, pattern in HEADINGS:
            match = pattern.match(text)
            if match:
                return key, match.groupdict().get("inline") or ""
        return None

    def texts(self, key: str) -> list[str]:
        return self.sections[key][1].texts if key in self.sections else []

    def source(self, key: str) -> Source | None:
        if key not in self.sections:
            return None
        first, section = self.sections[key]
        return Source(file=self.file, format=self.format, location=section.span(first))

    def clean(self, text: str) -> str:
        return dehyphenate(squash_spaces(text), self.words)

    def prose(self, key: str) -> str:
        """A section as paragraphs, one per line, wrapped lines joined and cut words rejoined."""
        return "\n".join(self.clean(p) for p in paragraphs(self.texts(key)))

    # -- reading ---------------------------------------------------------------------------------------
    def parse(self) -> Certification:
        code_text = " ".join(self.texts("code"))
        code_match = re.search(r"\d+", code_text)
        if not code_match:
            raise FicheError(self.file, "fiche sans code RNCP")
        code = f"RNCP{code_match.group(0)}"
        title, new_title, status_note = self._title()
        if not title:
            raise FicheError(self.file, f"{code} : fiche sans intitulé")
        closed = "plus possible" in status_note
        units, activities, summary, capacities = self._summary(code)
        sectors, jobs = self._sectors()
        components, evaluation, vae_rules, partial = self._components()
        legal_texts = self._legal_texts()
        certification = Certification(
            code=code,
            title=title,
            new_title=new_title,
            status_note=status_note,
            active=False if closed else None,
            accessible=False if closed else None,
            level_old=self._level(r"^\s*([IV]+)\s*\(Nomenclature de 1969\)"),
            level_european=_int(self._level(r"^\s*(\d)\s*\(Nomenclature Europe\)")),
            certifiers=self._certifiers(),
            nsf=self._coded("nsf", r"^\s*(\d{3}[a-z]?)\s+(.+)$"),
            rome=self._coded("rome", r"^\s*([A-Z]\d{4})\s*:\s*(.+)$"),
            formacodes=self._coded("formacodes", r"^\s*(\d{5})\s*:?\s*(.*)$"),
            summary=summary,
            activities=activities,
            capacities=capacities,
            sectors=sectors,
            jobs=jobs,
            blocs=self._blocs(code),
            components=components,
            units=units,
            evaluation=evaluation,
            access_routes=self._routes(),
            vae_rules=vae_rules,
            validity=self._validity(),
            partial_validation=partial,
            legal_texts=legal_texts,
            registration=_registration(legal_texts),
            statistics=self._statistics(),
            certification_places=self._lines_kept("certification_places"),
            preparation_places=self._lines_kept("preparation_places"),
            history=self.prose("history"),
            other_certifications=self.prose("other_certifications"),
            previous=[self.clean(t) for t in self.texts("previous") if t.strip()][:1],
            next=[self.clean(t) for t in self.texts("next") if t.strip()][:1],
            links=self.links,
            more_information=[squash_spaces(t) for t in self.texts("information") if t.strip()],
            sources={},
        )
        certification.sources = self._sources(certification)
        return tidy_fiche(certification)

    def _sources(self, certification: Certification) -> dict[str, Source]:
        by_field = {
            "code": "code", "title": "title", "status_note": "title", "certifiers": "authority",
            "level_old": "level", "level_european": "level", "nsf": "nsf", "formacodes": "formacodes",
            "summary": "summary", "activities": "summary", "capacities": "summary", "units": "summary",
            "sectors": "sectors", "jobs": "sectors", "rome": "rome", "components": "components",
            "evaluation": "components", "vae_rules": "components", "partial_validation": "components",
            "blocs": "blocs", "validity": "validity", "access_routes": "routes",
            "accessible_new_caledonia": "overseas", "other_certifications": "other_certifications",
            "legal_texts": "legal", "registration": "legal", "statistics": "statistics",
            "certification_places": "certification_places", "preparation_places": "preparation_places",
            "history": "history", "previous": "previous", "next": "next",
        }
        sources = {}
        for name, key in by_field.items():
            source = self.source(key)
            if source is not None:
                sources[name] = source
        if certification.blocs and "blocs" in sources:
            sources["units"] = sources["blocs"]
        legal = [self.source(k) for k in ("legal_general", "legal_creation", "legal_vae", "legal_other")]
        if any(legal):
            spans = [s.location for s in legal if s]
            sources["legal_texts"] = Source(file=self.file, format=self.format, location=", ".join(spans))
            sources["registration"] = sources["legal_texts"]
        return {k: v for k, v in sources.items() if v is not None}

    def _title(self) -> tuple[str, str | None, str]:
        title_lines, new_title, status = [], None, ""
        for line in self.texts("title"):
            text = line.strip()
            if not text:
                continue
            if re.search(r"acc[èe]s [àa] la certification n'est plus possible", text, re.IGNORECASE):
                status = text
            elif text.lower().startswith("nouvel intitulé"):
                new_title = text.split(":", 1)[1].strip() or None
            else:
                title_lines.append(text)
        return squash_spaces(" ".join(title_lines)), new_title, status

    def _certifiers(self) -> list[Certifier]:
        certifiers = []
        for line in self.texts("authority"):
            text = squash_spaces(line)
            if not text:
                continue
            role_match = re.search(
                r"\s+(Directeur|Directrice|Président|Présidente|Recteur|Rectrice|Ministre|Gérant|Gérante|"
                r"Directeur général|Directrice générale)\s*$",
                text,
            )
            role = role_match.group(1) if role_match else None
            name = text[: role_match.start()] if role_match else text
            certifiers.append(Certifier(name=name.strip(), signatory_role=role))
        return certifiers

    def _level(self, pattern: str) -> str | None:
        for line in self.texts("level"):
            match = re.match(pattern, line)
            if match:
                return match.group(1)
        return None

    def _coded(self, key: str, pattern: str) -> list[CodedLabel]:
        coded = []
        for line in self.texts(key):
            match = re.match(pattern, line.strip())
            if match:
                coded.append(CodedLabel(code=match.group(1), label=squash_spaces(match.group(2))))
        return coded

    def _summary(self, code: str) -> tuple[list[Unit], list[str], str, list[str]]:
        """The résumé: prose, then numbered activities (older fiches), then the capacités attestées."""
        prose: list[str] = []
        units: list[Unit] = []
        capacities_lines: list[str] = []
        note = ""
        in_capacities = False
        current: Unit | None = None
        for line in self.texts("summary"):
            text = line.strip()
            if re.match(r"^(Les )?capacit[ée]s attest[ée]es\s*:?", text, re.IGNORECASE):
                in_capacities, current = True, None
                continue
            if in_capacities:
                capacities_lines.append(text)
                continue
            activity = re.match(r"^(\d{1,2})\s*-\s*(.+)$", text)
            if activity:
                current = Unit(
                    code=f"{code}-A{activity.group(1)}",
                    kind=UnitKind.ACTIVITY,
                    number=int(activity.group(1)),
                    title=self.clean(activity.group(2)),
                    note=note,
                )
                units.append(current)
                continue
            if current is not None and text:
                if not current.description or not text[0].isupper():
                    current.description = self.clean(f"{current.description} {text}")
                else:
                    note, current = self.clean(text), None
                continue
            if note and text:
                note = self.clean(f"{note} {text}")
                continue
            prose.append(line)
        capacities = [self.clean(item) for item in join_wrapped(capacities_lines)]
        activities = [f"{u.number} - {u.title} : {u.description}".rstrip(" :") for u in units]
        summary = "\n".join(self.clean(p) for p in paragraphs(prose))
        return units, activities, summary, capacities

    def _sectors(self) -> tuple[str, list[str]]:
        """Sector prose and the jobs: ';' lists after a colon, or else the short lines after the first."""
        sector_paragraphs = [self.clean(p) for p in paragraphs(self.texts("sectors"))]
        jobs: list[str] = []
        if any(";" in p and ":" in p for p in sector_paragraphs):
            sector_parts = []
            for paragraph in sector_paragraphs:
                if ";" in paragraph and ":" in paragraph:
                    head, listed = paragraph.split(":", 1)
                    sector_parts.append(head.strip() + " :")
                    jobs.extend(j.strip() for j in listed.split(";") if j.strip())
                else:
                    sector_parts.append(paragraph)
            return "\n".join(sector_parts), jobs
        lines = [squash_spaces(t) for t in self.texts("sectors") if t.strip()]
        if not lines:
            return "", []
        for line in lines[1:]:
            jobs.extend(j.strip() for j in re.split(r"-(?=[A-ZÀ-Þ])", line) if j.strip())
        return self.clean(lines[0]), [self.clean(j) for j in jobs]

    def _components(self) -> tuple[list[str], str, str, str]:
        """Composantes (bullets after a '…composantes… :' line), then evaluation, VAE and partial rules."""
        lines = self.texts("components")
        components: list[str] = []
        rest: list[str] = []
        index = 0
        while index < len(lines):
            text = lines[index].strip()
            if re.search(r"composantes", text, re.IGNORECASE) and text.endswith(":"):
                intro_index = index
                index += 1
                while index < len(lines) and (is_bullet(lines[index]) or not lines[index].strip()):
                    if lines[index].strip():
                        components.append(self.clean(strip_bullet(lines[index])))
                    index += 1
                if not re.match(r"^Composantes de la certification", text, re.IGNORECASE):
                    rest.append(lines[intro_index])
                continue
            rest.append(lines[index])
            index += 1
        evaluation, vae, partial = [], [], []
        for segment in paragraphs(rest, leads=COMPONENT_LEADS):
            kept = {"evaluation": [], "vae": [], "partial": []}
            for sentence in split_sentences(self.clean(segment)):
                if re.search(r"partiel|^Par blocs", sentence, re.IGNORECASE):
                    kept["partial"].append(sentence)
                elif re.search(r"\bVAE\b", sentence):
                    kept["vae"].append(sentence)
                else:
                    kept["evaluation"].append(sentence)
            for name, target in (("evaluation", evaluation), ("vae", vae), ("partial", partial)):
                if kept[name]:
                    target.append(" ".join(kept[name]))
        return components, "\n".join(evaluation), "\n".join(vae), "\n".join(partial)

    def _blocs(self, code: str) -> list[Bloc]:
        if "blocs" not in self.sections:
            return []
        _, section = self.sections["blocs"]
        starts = [
            i for i, line in enumerate(section.lines)
            if re.match(r"^\s*Blocs? de comp[ée]tences? n°\s*\d+", line.text, re.IGNORECASE)
        ]
        blocs = []
        for position, start in enumerate(starts):
            end = starts[position + 1] if position + 1 < len(starts) else len(section.lines)
            blocs.append(self._bloc(code, section.lines[start:end]))
        return blocs

    def _bloc(self, code: str, lines: list[Line]) -> Bloc:
        heading, descriptif, evaluation = [], [], []
        target = heading
        for line in lines:
            text = line.text.strip()
            if re.match(r"^Descriptif\s*:", text, re.IGNORECASE):
                target = descriptif
                text = text.split(":", 1)[1]
            elif re.match(r"^Modalit[ée]s? d.[ée]valuation\s*:", text, re.IGNORECASE):
                target = evaluation
                text = text.split(":", 1)[1]
            target.append(text)
        heading_text = join_prose(heading)
        match = re.match(
            r"^Blocs? de comp[ée]tences? n°\s*(\d+)\s+de\s+la\s+fiche\s+n°\s*\d+\s*-\s*(.+)$",
            heading_text, re.IGNORECASE,
        )
        if not match:
            raise FicheError(self.file, f"{code} : bloc illisible ({heading_text[:60]}…)")
        number = int(match.group(1))
        return Bloc(
            code=f"{code}BC{number:02d}",
            number=number,
            title=self.clean(match.group(2)),
            competences=[self.clean(c) for c in join_wrapped(descriptif)],
            evaluation=self.clean(join_prose(evaluation)),
            source=Source(
                file=self.file, format=self.format, location=f"lignes {lines[0].number}-{lines[-1].number}"
            ),
        )

    def _validity(self) -> Validity | None:
        text = squash_spaces(" ".join(self.texts("validity")))
        if not text:
            return None
        years = re.search(r"(\d+)\s*an", text)
        return Validity(
            text=text,
            years=int(years.group(1)) if years else None,
            unlimited=bool(re.search(r"illimit", text, re.IGNORECASE)),
        )

    def _routes(self) -> list[AccessRoute]:
        if "routes" not in self.sections:
            return []
        _, section = self.sections["routes"]
        text = "\n".join(line.text for line in section.lines)
        offsets = _line_offsets(section.lines)
        found = []
        for route, pattern in ROUTE_PATTERNS:
            match = re.search(pattern, text, re.IGNORECASE)
            if match:
                found.append((match.start(), match.end(), route, match))
        found.sort(key=lambda item: item[0])
        routes = []
        for position, (start, end, route, match) in enumerate(found):
            stop = found[position + 1][0] if position + 1 < len(found) else len(text)
            body = text[end:stop]
            body_lines = [strip_x(line) for line in body.split("\n")]
            jury = "\n".join(self.clean(item.lstrip("•").strip()) for item in join_wrapped(body_lines))
            note = f"dispositif VAE prévu en {match.group('year')}" if match.groupdict().get("year") else ""
            routes.append(
                AccessRoute(
                    route=route,
                    open=bool(jury),
                    jury=jury,
                    note=note,
                    source=Source(
                        file=self.file,
                        format=self.format,
                        location=f"lignes {offsets(start)}-{offsets(max(stop - 1, start))}",
                    ),
                )
            )
        return routes

    def _legal_texts(self) -> list[LegalText]:
        texts = []
        for key, kind in (("legal_general", "general"), ("legal_creation", "creation"),
                          ("legal_vae", "vae"), ("legal_other", "autre")):
            paragraphs: list[list[str]] = []
            for line in self.texts(key):
                text = line.strip()
                if not text:
                    continue
                if re.match(r"^(Arr[êe]t[ée]|D[ée]cret|Loi|Ordonnance|Circulaire)\b", text) or not paragraphs:
                    paragraphs.append([])
                paragraphs[-1].append(text)
            for paragraph in paragraphs:
                texts.append(_legal_text(kind, self.clean(join_prose(paragraph))))
        return texts

    def _statistics(self) -> list[Statistic]:
        lines = [squash_spaces(t) for t in self.texts("statistics") if t.strip()]
        statistics = []
        for line in lines:
            number = re.search(r"(\d+)\s+(certifi|titr|dipl)", line, re.IGNORECASE)
            statistics.append(Statistic(text=line, certified=int(number.group(1)) if number else None))
        return statistics

    def _lines_kept(self, key: str) -> str:
        """Addresses keep their lines; bullets and indentation are dropped."""
        return "\n".join(squash_spaces(strip_bullet(t) if is_bullet(t) else t)
                         for t in self.texts(key) if t.strip())


ROUTE_PATTERNS: list[tuple[Route, str]] = [
    (
        Route.FORMATION_INITIALE,
        r"Apr[èe]s\s+un\s+parcours\s+de\s+formation\s+sous\s+statut\s+d.[ée]l[èe]ve\s+ou\s+d.[ée]tudiant",
    ),
    (Route.APPRENTISSAGE, r"En\s+contrat\s+d.apprentissage"),
    (Route.FORMATION_CONTINUE, r"Apr[èe]s\s+un\s+parcours\s+de\s+formation\s+continue"),
    (Route.CONTRAT_PROFESSIONNALISATION, r"En\s+contrat\s+de\s+professionnalisation"),
    (Route.CANDIDATURE_INDIVIDUELLE, r"Par\s+candidature\s+individuelle"),
    (Route.VAE, r"Par\s+exp[ée]rience\s+dispositif\s+VAE(?:\s+pr[ée]vu\s+en\s+(?P<year>\d{4}))?"),
]


COMPONENT_LEADS = re.compile(
    r"^(Par blocs|En cas d|La VAE|Par une d[ée]marche|Apr[èe]s un parcours|Le jury|R[ée]alisation)", re.IGNORECASE
)


def strip_x(line: str) -> str:
    """Drop the stray 'X' left by a flattened OUI/NON column."""
    return re.sub(r"^\s*X(\s+|$)", "", line).strip()


def _line_offsets(lines: list[Line]):
    """Map a character offset of the joined section text back to the fiche's line number."""
    starts = []
    offset = 0
    for line in lines:
        starts.append((offset, line.number))
        offset += len(line.text) + 1

    def line_at(position: int) -> int:
        number = lines[0].number if lines else 0
        for start, line_number in starts:
            if start <= position:
                number = line_number
        return number

    return line_at


NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                "huit": 8, "neuf": 9, "dix": 10}


def _legal_text(kind: str, text: str) -> LegalText:
    published = re.search(r"publi[ée] au Journal Officiel du\s+(.{6,25}?\d{4})", text, re.IGNORECASE)
    effective = re.search(r"avec\s+effet\s+(?:au|du)\s+(.{6,25}?\d{4})", text, re.IGNORECASE)
    until = re.search(r"jusqu.(?:au|à)\s+(.{6,25}?\d{4})", text, re.IGNORECASE)
    first = WORDED_DATE.search(text)
    return LegalText(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        published=parse_worded_date(published.group(1)) if published else (
            parse_worded_date(first.group(0)) if first else None),
        effective=parse_worded_date(effective.group(1)) if effective else None,
        until=parse_worded_date(until.group(1)) if until else None,
    )


def _registration(legal_texts: list[LegalText]) -> Registration:
    """The latest registration the fiche cites: the arrêté whose 'jusqu'au' date is the latest."""
    dated = [t for t in legal_texts if t.until]
    if not dated:
        return Registration()
    latest = max(dated, key=lambda t: t.until)  # type: ignore[arg-type, return-value]
    duration = re.search(r"Enregistrement pour (\w+) ans?", latest.text, re.IGNORECASE)
    return Registration(
        effective=latest.effective,
        publication=latest.published,
        end=latest.until,
        duration_years=NUMBER_WORDS.get(duration.group(1).lower()) if duration else None,
    )


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
