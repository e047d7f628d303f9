"""Where things go on the map: the route's great-circle legs, longitudes across the antimeridian, zooms, bounds.

Each leg between two dated stops is a great circle densified with
``pyproj.Geod.npts``; longitudes are unwrapped along the route, so a
journey across the Pacific is drawn as one continuous line.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from geo.story.document import StopDoc, dated_stops

__all__ = ["display_lons", "route_legs", "leg_paths", "stop_zoom", "bounds"]

_LEG_STEP_M = 25_000.0  # one intermediate great-circle point every 25 km
_LEG_MAX_POINTS = 128
_SAME_PLACE_M = 1_000.0  # two stops closer than this are the same place again: no leg
#: (largest uncertainty in km, zoom to fly to): closer for precise places, wider for vague ones.
_ZOOM_BY_UNCERTAINTY = ((40.0, 7), (120.0, 6), (300.0, 5))
_WIDEST_ZOOM = 4


@functools.cache
def _geod() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _unwrap(lon: float, ref: float) -> float:
    """``lon`` shifted by whole turns to lie within 180° of ``ref`` (routes across the antimeridian)."""
    return lon + 360.0 * round((ref - lon) / 360.0)


def _route_order(stops: list[StopDoc]) -> list[StopDoc]:
    """The dated stops in route order, ``seq`` (an edited story.json may change it; undated stops have no leg)."""
    return sorted(dated_stops(stops), key=lambda s: s.seq)


def display_lons(stops: list[StopDoc]) -> dict[int, float]:
    """Longitude to draw each stop at, by ``seq``: along the route, continuous across the antimeridian."""
    lons = {s.seq: s.lon for s in stops}
    prev: float | None = None
    for stop in _route_order(stops):
        lon = stop.lon if prev is None else _unwrap(stop.lon, prev)
        lons[stop.seq] = prev = lon
    return lons


def route_legs(stops: list[StopDoc]) -> list[dict[str, Any]]:
    """The legs between the dated stops in route order: ``{"from", "to", "path"}``, each path a great
    circle of ``[lat, lon]`` points, continuous across the antimeridian."""
    return leg_paths(stops, display_lons(stops))


def leg_paths(stops: list[StopDoc], lons: dict[int, float]) -> list[dict[str, Any]]:
    """The route's legs drawn from the longitudes ``lons`` (:func:`display_lons`): ``{"from", "to", "path"}``,
    each path a great circle of ``[lat, lon]`` points."""
    geod = _geod()
    legs = []
    for a, b in itertools.pairwise(_route_order(stops)):
        a_lon, b_lon = lons[a.seq], lons[b.seq]
        _, _, metres = geod.inv(a.lon, a.lat, b.lon, b.lat)
        if metres < _SAME_PLACE_M:
            continue
        count = min(_LEG_MAX_POINTS, int(metres // _LEG_STEP_M))
        path = [[round(a.lat, 5), round(a_lon, 5)]]
        prev = a_lon
        for lon, lat in geod.npts(a.lon, a.lat, b.lon, b.lat, count) if count else []:
            prev = _unwrap(lon, prev)
            path.append([round(lat, 5), round(prev, 5)])
        path.append([round(b.lat, 5), round(b_lon, 5)])
        legs.append({"from": a.seq, "to": b.seq, "path": path})
    return legs


def stop_zoom(uncertainty_km: float) -> int:
    """The zoom to fly to for a stop: closer for precise places, wider for vague ones."""
    for limit, zoom in _ZOOM_BY_UNCERTAINTY:
        if uncertainty_km <= limit:
            return zoom
    return _WIDEST_ZOOM


def bounds(points: list[tuple[float, float]]) -> list[list[float]]:
    """The ``[[south, west], [north, east]]`` box around ``(lat, lon)`` points."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
