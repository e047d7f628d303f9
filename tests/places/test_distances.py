"""Distances on the globe, and how far a place may lie from its point."""

from __future__ import annotations

import math

import numpy as np
import pytest

from geo.model import Place, PlaceType
from geo.places.distances import haversine_km, nearest_each_km, place_uncertainty_km
from geo.settings import UncertaintySettings


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (0.0, 0.0), 0.0),
        ((0.0, 0.0), (0.0, 1.0), 111.2),  # one degree of the equator
        ((0.0, 0.0), (1.0, 0.0), 111.2),  # one degree of a meridian
        ((0.0, 0.0), (0.0, 180.0), 20_015.1),  # half the globe
        ((90.0, 0.0), (-90.0, 0.0), 20_015.1),
    ],
)
def test_great_circle_distances(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.1)


def _place(kind: PlaceType, population: int = 0) -> Place:
    return Place(id="t:1", name="T", lat=0.0, lon=0.0, place_type=kind, population=population)


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (PlaceType.FACILITY, "facility_km"),
        (PlaceType.ISLAND, "island_km"),
        (PlaceType.REGION, "region_km"),
        (PlaceType.COUNTRY, "country_km"),
        (PlaceType.WATER, "water_km"),
    ],
)
def test_each_kind_has_its_uncertainty(kind: PlaceType, field: str) -> None:
    settings = UncertaintySettings()
    assert place_uncertainty_km(_place(kind), settings=settings) == getattr(settings, field)


def test_a_city_grows_with_its_population() -> None:
    settings = UncertaintySettings()
    small, large = (place_uncertainty_km(_place(PlaceType.CITY, n), settings=settings) for n in (1_000, 4_000_000))
    assert settings.city_km <= small < large


def nearest_km(lat: float, lon: float, *, points: list[tuple[float, float]], within: float) -> float:
    """The nearest point within reach of one place, every pair measured (what nearest_each_km must equal)."""
    near = min((haversine_km(lat, lon, *point) for point in points), default=math.inf)
    return near if near < within else math.inf


_CAIRO, _ALEXANDRIA, _ISTANBUL, _TRIPOLI = (30.04, 31.24), (31.2, 29.92), (41.01, 28.98), (32.89, 13.19)


@pytest.mark.parametrize(
    ("points", "within", "nearest"),
    [
        ([_ALEXANDRIA, _ISTANBUL], 1000.0, _ALEXANDRIA),  # the nearest, measured
        ([_ISTANBUL, _ALEXANDRIA], 1000.0, _ALEXANDRIA),  # whatever the order
        ([_TRIPOLI], 5000.0, _TRIPOLI),  # a point across longitudes only is measured
        ([_ISTANBUL], 2000.0, _ISTANBUL),  # within a wider reach
        ([], 1000.0, None),
    ],
)
def test_the_nearest_point_within_reach(
    points: list[tuple[float, float]], within: float, nearest: tuple[float, float] | None
) -> None:
    expected = math.inf if nearest is None else haversine_km(*_CAIRO, *nearest)
    assert nearest_each_km([_CAIRO], points=points, within=within) == [expected]


@pytest.mark.parametrize("within", [100.0, 500.0, 1000.0])
def test_a_point_beyond_reach_is_not_nearest(within: float) -> None:
    for point in (_ISTANBUL, _TRIPOLI, (31.2, 31.24), (39.0, 31.24), (20.0, 40.0)):
        full = haversine_km(*_CAIRO, *point)
        assert nearest_each_km([_CAIRO], points=[point], within=within) == [full if full < within else math.inf]


@pytest.mark.parametrize("within", [300.0, 1000.0])
@pytest.mark.parametrize("many", [1, 40])
def test_many_places_at_once_measure_as_one_at_a_time(within: float, many: int) -> None:
    """One place or many at once: the very same numbers."""
    rng = np.random.default_rng(7)
    origins = [(float(a), float(b)) for a, b in zip(rng.uniform(10, 50, many), rng.uniform(-20, 60, many), strict=True)]
    points = [_CAIRO, _ALEXANDRIA, _ISTANBUL, _TRIPOLI, (35.0, 20.0)]
    one = [nearest_km(lat, lon, points=points, within=within) for lat, lon in origins]
    assert nearest_each_km(origins, points=points, within=within) == one
    assert nearest_each_km(origins, points=[], within=within) == [math.inf] * many


@pytest.mark.parametrize("many", [2, 40])
def test_a_point_of_an_origins_own_group_is_not_measured(many: int) -> None:
    rng = np.random.default_rng(11)
    origins = [(float(a), float(b)) for a, b in zip(rng.uniform(25, 40, many), rng.uniform(10, 40, many), strict=True)]
    points = [_CAIRO, _ALEXANDRIA, _ISTANBUL, _TRIPOLI]
    mine, theirs = [i % 3 for i in range(many)], [0, 1, 2, 0]
    got = nearest_each_km(origins, points=points, within=1000.0, apart=(mine, theirs))
    for (lat, lon), group, km in zip(origins, mine, got, strict=True):
        others = [p for p, g in zip(points, theirs, strict=True) if g != group]
        assert km == nearest_km(lat, lon, points=others, within=1000.0)
