"""The names the offline map writes around the route: countries, seas and the larger cities, from the gazetteer.

Each name is in the page's language (the Arabic name on an Arabic page when
the gazetteer has one, else the English one), with the zoom from which it
shows; the page hides names that would overlap (stops first, then
countries, seas, cities by population). Cities where a stop already is are
left to the stop's own label. The same route gives the same names.
"""

from __future__ import annotations

import math
import re
from typing import Any

from shapely.geometry import Point, Polygon, box
from shapely.ops import polylabel

from geo.model import Place, PlaceType
from geo.outputs.webmap.basemap import layer_near
from geo.places.gazetteer import Gazetteer
from geo.text.folding import name_key

__all__ = ["map_names", "NAME_KINDS"]

#: The kinds of names, in the order the page keeps them when two overlap.
NAME_KINDS: tuple[str, ...] = ("country", "sea", "river", "lake", "city")

_MAX_COUNTRIES = 30
_MAX_SEAS = 16
_MAX_CITIES = 24
_MIN_CITY_POPULATION = 100_000
_BIG_CITIES = 6  # the most populous cities show from the overview zoom on, the others closer
_ZOOM = {"country": 3, "sea": 3, "city_big": 5, "city": 7}
_NEAR_STOP_KM = 25.0
_LOCAL_CITIES = 3  # at a stop's zoom: this many towns around each stop…
_LOCAL_DEG = 2.0  # …within this many degrees…
_LOCAL_MIN_POPULATION = 15_000  # …of at least this many people
_LOCAL_ZOOM = 6
_MIN_COUNTRY_AREA = 0.6  # square degrees of a country inside the region: smaller slivers go unnamed
_INSET_DEG = 0.8  # a country's name sits this far inside the region's edge
#: Arabic as the page writes it: a name in another Arabic-script alphabet (Uyghur, Persian…) is not used.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670\u0671 \-'’.()]+$")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(lat, lon)`` points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _name(place: Place, lang: str) -> str | None:
    """The place's name in ``lang``; ``None`` on an Arabic page when the gazetteer has no Arabic one."""
    if lang != "ar":
        return place.name
    return place.name_ar if place.name_ar and _ARABIC_NAME.match(place.name_ar) else None


def _entry(place: Place, kind: str, zoom: int, lang: str, centre_lon: float) -> dict[str, Any] | None:
    text = _name(place, lang)
    if text is None:
        return None
    lon = place.lon + 360.0 * round((centre_lon - place.lon) / 360.0)  # beside the route across the antimeridian
    return {"k": kind, "t": text, "lat": round(place.lat, 4), "lon": round(lon, 4), "z": zoom}


def _water_kind(place: Place) -> str:
    words = place.name.lower().split()
    return "river" if "river" in words else "lake" if "lake" in words else "sea"


def _country_place(gazetteer: Gazetteer, name: str, shape: Any) -> Place | None:
    """The gazetteer's country for a Natural Earth outline: by its name, else the one whose point it holds."""
    for hit in gazetteer.lookup(name_key(name)):
        if gazetteer.place_type(hit.row) == PlaceType.COUNTRY:
            return gazetteer.place(hit.row)
    lo_x, lo_y, hi_x, hi_y = shape.bounds
    for place in gazetteer.places_in_box(lo_y, lo_x, hi_y, hi_x, types=(PlaceType.COUNTRY,), limit=8):
        if shape.contains(Point(place.lon, place.lat)):
            return place
    return None


def _countries(gazetteer: Gazetteer, region: tuple[float, float, float, float], lang: str) -> list[dict[str, Any]]:
    """Each country's name at the centre of its largest piece inside the region (the largest first)."""
    south, west, north, east = region
    inner = box(west + _INSET_DEG, south + _INSET_DEG, east - _INSET_DEG, north - _INSET_DEG)
    found = []
    for name, shape in layer_near("world_atlas_50m", "countries", region):
        for shift in (-360.0, 0.0, 360.0):
            frame = box(inner.bounds[0] - shift, inner.bounds[1], inner.bounds[2] - shift, inner.bounds[3])
            if not shape.intersects(frame):
                continue
            pieces = [g for g in getattr(shape.intersection(frame), "geoms", [shape.intersection(frame)])]
            polygons = [g for g in pieces if isinstance(g, Polygon)]
            largest = max(polygons, key=lambda g: g.area, default=None)
            if largest is None or largest.area < _MIN_COUNTRY_AREA:
                continue
            place = _country_place(gazetteer, name, shape)
            text = _name(place, lang) if place is not None else (name if lang != "ar" else None)
            if text:
                at = polylabel(largest, tolerance=0.05)
                found.append((-largest.area, text, at.y, at.x + shift))
    found.sort()
    return [
        {"k": "country", "t": t, "lat": round(lat, 4), "lon": round(lon, 4), "z": _ZOOM["country"]}
        for _, t, lat, lon in found[:_MAX_COUNTRIES]
    ]


def map_names(
    gazetteer: Gazetteer,
    region: tuple[float, float, float, float] | None,
    stops: list[tuple[float, float]],
    *,
    lang: str = "en",
) -> list[dict[str, Any]]:
    """The names to write on the map inside ``region`` (``(south, west, north, east)``).

    Parameters
    ----------
    gazetteer:
        The gazetteer the names come from.
    region:
        The box around the route (:func:`~geo.outputs.webmap.basemap.region_box`); ``None``: no names.
    stops:
        The stops' ``(lat, lon)``: a city at a stop is not named twice.
    lang:
        The page's language.

    Returns
    -------
    list of dict
        ``{"k": kind, "t": text, "lat", "lon", "z": the zoom from which it shows}``, countries, seas, then
        cities, each kind by population (most first).
    """
    if region is None:
        return []
    south, west, north, east = region
    centre = (west + east) / 2.0
    area = (south, west, north, east)
    out = _countries(gazetteer, region, lang)
    waters = [
        _entry(p, _water_kind(p), _ZOOM["sea"], lang, centre)
        for p in gazetteer.places_in_box(*area, types=(PlaceType.WATER,), limit=_MAX_SEAS)
    ]
    out += [w for w in waters if w is not None]
    cities = gazetteer.places_in_box(
        *area, types=(PlaceType.CITY,), limit=_MAX_CITIES * 2, min_population=_MIN_CITY_POPULATION
    )
    cities = [c for c in cities if _name(c, lang) and all(_km((c.lat, c.lon), s) > _NEAR_STOP_KM for s in stops)]
    chosen = cities[:_MAX_CITIES]
    out += [
        _entry(c, "city", _ZOOM["city_big"] if rank < _BIG_CITIES else _ZOOM["city"], lang, centre)
        for rank, c in enumerate(chosen)
    ]
    out += [_entry(c, "city", _LOCAL_ZOOM, lang, centre) for c in _local_cities(gazetteer, stops, chosen, lang)]
    return out


def _local_cities(
    gazetteer: Gazetteer, stops: list[tuple[float, float]], chosen: list[Place], lang: str
) -> list[Place]:
    """The towns around each stop (so a stop's zoom shows where it is), not already chosen nor at a stop."""
    seen = {c.id for c in chosen}
    out = []
    for lat, lon in stops:
        near = gazetteer.places_in_box(
            lat - _LOCAL_DEG, lon - _LOCAL_DEG, lat + _LOCAL_DEG, lon + _LOCAL_DEG,
            types=(PlaceType.CITY,), limit=_LOCAL_CITIES * 4, min_population=_LOCAL_MIN_POPULATION,
        )  # fmt: skip
        picked = [
            c for c in near
            if c.id not in seen and _name(c, lang) and all(_km((c.lat, c.lon), s) > _NEAR_STOP_KM for s in stops)
        ][:_LOCAL_CITIES]  # fmt: skip
        seen.update(c.id for c in picked)
        out.extend(picked)
    return out
