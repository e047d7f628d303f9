"""Distances on the globe and how far a place may lie from its point: pure functions of coordinates and types."""

from __future__ import annotations

import math

from geo.model import Place, PlaceType
from geo.settings import UncertaintySettings

__all__ = ["haversine_km", "place_uncertainty_km"]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


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
