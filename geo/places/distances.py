"""Distances on the globe and how far a place may lie from its point: pure functions of coordinates and types."""

from __future__ import annotations

import math

from geo.model import Place, PlaceType
from geo.settings import UncertaintySettings

__all__ = ["EARTH_RADIUS_KM", "haversine_km", "nearest_each_km", "place_uncertainty_km"]

#: The Earth's mean radius (IUGG).
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    return _haversine(p1, math.cos(p1), p2, math.cos(p2), math.radians(lon2 - lon1))


def _haversine(p1: float, cos1: float, p2: float, cos2: float, dl: float) -> float:
    """:func:`haversine_km` from the latitudes in radians, their cosines and the difference of longitudes."""
    a = math.sin((p2 - p1) / 2) ** 2 + cos1 * cos2 * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def nearest_each_km(
    origins: list[tuple[float, float]],
    *,
    points: list[tuple[float, float]],
    within: float,
    apart: tuple[list[int], list[int]] | None = None,
) -> list[float]:
    """The distance from each of ``origins`` to the nearest of ``points`` when one lies within ``within`` km;
    otherwise infinity.

    ``apart`` gives each origin's and each point's group: a point of an origin's own group is not measured.
    A point whose latitude alone puts it farther (a meridian's arc is the shortest way across latitudes,
    less a kilometre for rounding) is not measured either: most of an article's places are. Each point's
    latitude is turned to radians and its cosine once.

    Examples
    --------
    Cairo to Alexandria and Istanbul, within 1,000 km: the 180 km to Alexandria; Istanbul, 11 degrees of
    latitude north (over 1,200 km), is not measured.
    """
    furthest = math.degrees((within + 1.0) / EARTH_RADIUS_KM)  # in degrees of latitude
    mine, theirs = apart if apart is not None else ([0] * len(origins), [1] * len(points))
    there = []
    for (lat, lon), group in zip(points, theirs, strict=True):
        p2 = math.radians(lat)
        there.append((group, (lat, lon, p2, math.cos(p2))))
    others = {group: [point for theirs_, point in there if theirs_ != group] for group in set(mine)}
    out = []
    for (lat, lon), group in zip(origins, mine, strict=True):
        p1 = math.radians(lat)
        cos1, near = math.cos(p1), math.inf
        for there_lat, there_lon, p2, cos2 in others[group]:
            if abs(there_lat - lat) <= furthest:
                near = min(near, _haversine(p1, cos1, p2, cos2, math.radians(there_lon - lon)))
        out.append(near if near < within else math.inf)
    return out


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
