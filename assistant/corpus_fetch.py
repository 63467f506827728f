"""`vae-assistant corpus fetch`: the latest France Compétences RNCP export, downloaded, verified, unpacked.

The dataset "Répertoire national des certifications professionnelles et répertoire spécifique" on
data.gouv.fr lists its resources through the platform's API; the newest RNCP zip among them is the export
(the RS export beside it is left alone). `--url` gives a zip directly instead.

Nothing already in the corpus is touched until the new export is complete and verified: the download and
the unpacking go to hidden temporary files beside the target, a bad zip, a missing or malformed XML, or
an interrupted transfer removes them and raises; only then does one rename put the new XML in place, and
the previous export file is removed. `EXPORT.json` records the file, its date and where it came from, for
the attribution the app shows (Licence Ouverte: "France compétences" and the export date).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import urllib.request
import zipfile
from dataclasses import asdict, dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path

from assistant.atomic_files import write_atomically
from assistant.corpus import EXPORT_RECORD
from assistant.errors import AssistantError

DATASET_API = ("https://www.data.gouv.fr/api/1/datasets/"
               "repertoire-national-des-certifications-professionnelles-et-repertoire-specifique/")
EXPORT_XML = re.compile(r"export[-_]fiches[-_]rncp.*\.xml$", re.IGNORECASE)
RNCP_ZIP = re.compile(r"rncp", re.IGNORECASE)
DATE_IN_NAME = re.compile(r"(20\d{2})[-_]?(\d{2})[-_]?(\d{2})")
CHUNK = 1 << 20
USER_AGENT = "vae-assistant (corpus fetch)"


class FetchError(AssistantError):
    """The export could not be fetched or is not a usable RNCP export; the corpus is unchanged."""


@dataclass
class FetchReport:
    file: str
    export_date: str
    url: str
    sha256: str
    bytes: int
    fetched: str


def _open(url: str, timeout: float):
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - http(s) URLs from the user or the API
    except OSError as error:
        raise FetchError(f"téléchargement impossible depuis {url} ({error})") from error


def latest_export_url(api_url: str = DATASET_API, timeout: float = 30) -> str:
    """The newest RNCP zip the dataset lists."""
    with _open(api_url, timeout) as response:
        try:
            dataset = json.loads(response.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise FetchError(f"réponse illisible de {api_url} ({error})") from error
    zips = [r for r in dataset.get("resources", [])
            if str(r.get("format", "")).lower() == "zip"
            and RNCP_ZIP.search(f"{r.get('title', '')} {r.get('url', '')}")
            and not re.search(r"(^|[^a-z])rs([^a-z]|$)|specifique", str(r.get("title", "")).lower())]
    if not zips:
        raise FetchError(f"aucun export RNCP (zip) dans le jeu de données {api_url}")
    newest = max(zips, key=lambda r: str(r.get("last_modified") or r.get("created_at") or ""))
    return str(newest["url"])


def _download(url: str, target: Path, timeout: float) -> tuple[str, int, str]:
    """Stream to `target`; return (sha256, size, Last-Modified)."""
    digest, size = hashlib.sha256(), 0
    with _open(url, timeout) as response, target.open("wb") as out:
        expected = response.headers.get("Content-Length")
        while block := response.read(CHUNK):
            digest.update(block)
            size += len(block)
            out.write(block)
        modified = response.headers.get("Last-Modified", "")
    if expected is not None and int(expected) != size:
        raise FetchError(f"téléchargement interrompu ({size} octets reçus sur {expected})")
    return digest.hexdigest(), size, modified


def _check_export(xml: Path) -> None:
    """The file opens as the RNCP export: a FICHES root whose first FICHE carries a NUMERO_FICHE."""
    from lxml import etree

    try:
        for _, element in etree.iterparse(str(xml), events=("end",), tag="FICHE", huge_tree=True):
            if element.findtext("NUMERO_FICHE"):
                return
            break
    except etree.XMLSyntaxError as error:
        raise FetchError(f"le XML de l'export est mal formé ({error})") from error
    raise FetchError("le fichier ne ressemble pas à l'export RNCP (pas de <FICHE> avec un NUMERO_FICHE)")


def _export_date(name: str, modified: str) -> str:
    found = DATE_IN_NAME.search(name)
    if found:
        return "-".join(found.groups())
    if modified:
        try:
            return parsedate_to_datetime(modified).date().isoformat()
        except (TypeError, ValueError):
            pass
    return date.today().isoformat()


def fetch_export(out: Path, url: str | None = None, api_url: str = DATASET_API, timeout: float = 120) -> FetchReport:
    out.mkdir(parents=True, exist_ok=True)
    url = url or latest_export_url(api_url, timeout)
    handle, raw = tempfile.mkstemp(dir=out, prefix=".fetch-", suffix=".zip")
    os.close(handle)
    archive, unpacked = Path(raw), None
    try:
        sha256, size, modified = _download(url, archive, timeout)
        if not zipfile.is_zipfile(archive):
            raise FetchError(f"le fichier téléchargé n'est pas un zip complet ({size} octets)")
        with zipfile.ZipFile(archive) as zipped:
            names = [n for n in zipped.namelist() if EXPORT_XML.search(Path(n).name)]
            if not names:
                raise FetchError("le zip ne contient pas de fichier export_fiches_RNCP…xml")
            name = names[0]
            if zipped.testzip() is not None:
                raise FetchError("le zip est endommagé (somme de contrôle fausse)")
            handle, extracted = tempfile.mkstemp(dir=out, prefix=".fetch-", suffix=".xml")
            os.close(handle)
            unpacked = Path(extracted)
            with zipped.open(name) as source, unpacked.open("wb") as target:
                while block := source.read(CHUNK):
                    target.write(block)
        _check_export(unpacked)
        final = out / Path(name).name
        previous = [p for p in out.glob("*.xml") if EXPORT_XML.search(p.name) and p != final]
        os.replace(unpacked, final)
        unpacked = None
        for old in previous:
            old.unlink(missing_ok=True)
        report = FetchReport(file=final.name, export_date=_export_date(Path(name).name, modified), url=url,
                             sha256=sha256, bytes=size, fetched=date.today().isoformat())
        write_atomically(out / EXPORT_RECORD, json.dumps(asdict(report), ensure_ascii=False, indent=2).encode())
        return report
    except (zipfile.BadZipFile, OSError) as error:
        raise FetchError(f"export inutilisable ({error})") from error
    finally:
        archive.unlink(missing_ok=True)
        if unpacked is not None:
            unpacked.unlink(missing_ok=True)
