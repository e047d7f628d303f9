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
