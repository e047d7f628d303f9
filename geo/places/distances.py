"""Distances on the globe and how far a place may lie from its point: pure functions of coordinates and types."""

from __future__ import annotations

import math

import numpy as np

from geo.model import Place, PlaceType
from geo.settings import UncertaintySettings

__all__ = ["EARTH_RADIUS_KM", "haversine_km", "nearest_each_km", "nearest_km", "place_uncertainty_km"]

#: The Earth's mean radius (IUGG).
EARTH_RADIUS_KM = 6371.0088
#: From how many pairs of places numpy sorts out those out of reach (below, a pair at a time costs less).
_ARRAY_PAIRS = 32


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def nearest_km(lat: float, lon: float, *, points: list[tuple[float, float]], within: float) -> float:
    """The distance to the nearest of ``points`` when one lies within ``within`` km; otherwise infinity.

    A point whose latitude alone puts it farther (a meridian's arc is the shortest way across
    latitudes, less a kilometre for rounding) is not measured: most of an article's places are.

    Examples
    --------
    Cairo to Alexandria and Istanbul, within 1,000 km: the 180 km to Alexandria; Istanbul, 11 degrees of
    latitude north (over 1,200 km), is not measured.
    """
    furthest = math.degrees((within + 1.0) / EARTH_RADIUS_KM)  # in degrees of latitude
    near = math.inf
    for there_lat, there_lon in points:
        if abs(there_lat - lat) <= furthest:
            near = min(near, haversine_km(lat, lon, there_lat, there_lon))
    return near if near < within else math.inf


def nearest_each_km(
    origins: list[tuple[float, float]],
    *,
    points: list[tuple[float, float]],
    within: float,
    apart: tuple[list[int], list[int]] | None = None,
) -> list[float]:
    """:func:`nearest_km` of each of ``origins``: the same numbers, many pairs of places at once.

    ``apart`` gives each origin's and each point's group: a point of an origin's own group is not measured.
    With many pairs, numpy measures them all; a pair more than a kilometre beyond ``within`` (far more than
    rounding) is out of reach, and the others are measured again one by one as :func:`nearest_km` does.
    """
    mine, theirs = apart if apart is not None else ([0] * len(origins), [1] * len(points))
    if len(origins) * len(points) < _ARRAY_PAIRS:
        return [
            nearest_km(lat, lon, points=[p for p, g in zip(points, theirs, strict=True) if g != group], within=within)
            for (lat, lon), group in zip(origins, mine, strict=True)
        ]
    here, there = np.radians(np.array(origins)), np.radians(np.array(points))
    dp = there[None, :, 0] - here[:, None, 0]
    dl = there[None, :, 1] - here[:, None, 1]
    a = np.sin(dp / 2) ** 2 + np.cos(here[:, None, 0]) * np.cos(there[None, :, 0]) * np.sin(dl / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, a)))
    reach = (km <= within + 1.0) & (np.array(mine)[:, None] != np.array(theirs)[None, :])
    near = [math.inf] * len(origins)
    for i, j in zip(*np.nonzero(reach), strict=True):
        (lat, lon), (there_lat, there_lon) = origins[i], points[j]
        near[i] = min(near[i], haversine_km(lat, lon, there_lat, there_lon))
    return [km if km < within else math.inf for km in near]


def place_uncertainty_km(place: Place, *, settings: UncertaintySettings) -> float:
    """How far from its point the place may really lie, in km (see :class:`~geo.settings.UncertaintySettings`)."""
    if place.place_type == PlaceType.CITY:
        return round(settings.city_km + settings.city_km_per_sqrt_population * math.sqrt(max(place.population, 0)), 1)
    by_type = {
        PlaceType.FACILITY: settings.facility_km,
        PlaceType.ISLAND: settings.island_km,
        PlaceType.REGION: settings.region_km,
        PlaceType.COUNTRY: settings.country_km,
        PlaceType.WATER: settings.water_km,
    }
    return by_type.get(place.place_type, settings.other_km)
