"""The offline basemap around the route: Natural Earth 1:50m country outlines, cut to the route's region.

The whole world stays drawn from the 1:110m outlines (``world-atlas``'s
``countries-110m``, small); around the route the page also gets the 1:50m
outlines (``countries-50m`` of the same pinned package), decoded from
TopoJSON once (:mod:`geo.outputs.webmap.compiled`), cut to a box around the
route with shapely and rounded, so a stop's zoom still shows its coast, and
the page stays small. The page
paints the box as sea, then the 1:50m land over it. The same route gives
the same bytes.
"""

from __future__ import annotations

import itertools
from typing import Any

from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box, mapping
from shapely.geometry.base import BaseGeometry

from geo.outputs.webmap.compiled import load_layer

__all__ = [
    "region_box",
    "region_outlines",
    "layer_near",
    "cut_to_region",
    "rounded",
]

_PAD_MIN_DEG = 6.0  # the region reaches at least this far beyond the route's outermost points…
_PAD_SHARE = 0.5  # …or this share of the route's extent, whichever is larger
_MAX_LAT = 84.0
_DECIMALS = 3  # about 100 m: finer than the 1:50m data
_TOLERANCE_PER_DEG = 1.0 / 3000.0  # simplification per degree of the region's width (a world tour gets coarser)
_MIN_TOLERANCE = 0.005


def region_box(points: list[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    """``(south, west, north, east)`` around ``(lat, lon)`` points with a margin; ``None`` without points.

    Longitudes may run past ±180 when the route crosses the antimeridian.
    """
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    pad_lat = max(_PAD_MIN_DEG, _PAD_SHARE * (max(lats) - min(lats)))
    pad_lon = max(_PAD_MIN_DEG, _PAD_SHARE * (max(lons) - min(lons)))
    west, east = min(lons) - pad_lon, max(lons) + pad_lon
    if east - west >= 360.0:
        west, east = -180.0, 180.0
    south, north = max(-_MAX_LAT, min(lats) - pad_lat), min(_MAX_LAT, max(lats) + pad_lat)
    return round(south, 2), round(west, 2), round(north, 2), round(east, 2)


def layer_near(asset: str, layer: str, region: tuple[float, float, float, float]) -> list[tuple[str, BaseGeometry]]:
    """``(name, shapely geometry)`` of object ``layer`` of a pinned TopoJSON asset whose box comes near ``region``
    (``(south, west, north, east)``, at its longitudes or a world away), in file order: the only ones that can
    have a part in it. Polygons come valid; a geometry without a name gets ``""``.

    Raises
    ------
    OutputError
        When the package's file is missing or is not TopoJSON with that object.
    """
    compiled = load_layer(asset, layer)
    return compiled.items(compiled.near(region))


def cut_to_region(shape: BaseGeometry, region: tuple[float, float, float, float]) -> list[BaseGeometry]:
    """The parts of ``shape`` inside ``region`` (``(south, west, north, east)``), at the region's longitudes."""
    south, west, north, east = region
    return _cut(shape, south, west, north, east)


def rounded(coords: Any) -> Any:
    """GeoJSON coordinates rounded as the page keeps them (3 decimals, about 100 m)."""
    return _rounded(coords)


def _rounded(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), _DECIMALS)
    return [_rounded(c) for c in coords]


def _cut(shape: BaseGeometry, south: float, west: float, north: float, east: float) -> list[BaseGeometry]:
    """The parts of ``shape`` inside the box, moved to the box's longitudes (boxes past ±180 too)."""
    parts = []
    lo_x, lo_y, hi_x, hi_y = shape.bounds
    for shift in (-360.0, 0.0, 360.0):
        if hi_x < west - shift or lo_x > east - shift or hi_y < south or lo_y > north:
            continue  # not near the box: no box to build, no intersection to test
        frame = box(west - shift, south, east - shift, north)
        if not shape.intersects(frame):
            continue
        part = shape.intersection(frame)
        if not part.is_empty:
            parts.append(affinity.translate(part, xoff=shift) if shift else part)
    return parts


def _on_edge(point: list[float], region: tuple[float, float, float, float]) -> bool:
    south, west, north, east = region
    lon, lat = point
    eps = 10**-_DECIMALS
    return min(abs(lon - west), abs(lon - east), abs(lat - south), abs(lat - north)) <= eps


def _border_lines(rings: list[list[list[float]]], region: tuple[float, float, float, float]) -> list[list[list[float]]]:
    """The rings' coasts and borders: each ring without its runs along the region's edge (the cut)."""
    lines = []
    for ring in rings:
        line: list[list[float]] = []
        for a, b in itertools.pairwise(ring):
            if _on_edge(a, region) and _on_edge(b, region):
                if len(line) > 1:
                    lines.append(line)
                line = []
                continue
            if not line:
                line = [a]
            line.append(b)
        if len(line) > 1:
            lines.append(line)
    return lines


def region_outlines(region: tuple[float, float, float, float] | None) -> dict[str, Any] | None:
    """The 1:50m land inside ``region`` (``(south, west, north, east)``) as GeoJSON, with the box.

    Returns ``{"box": [[south, west], [north, east]], "land": FeatureCollection, "lines": MultiLineString}``:
    each feature a country's land in the box (filled, not stroked), the lines its coasts and borders without
    the cut along the box, ``[lon, lat]`` rounded to 3 decimals; ``None`` without a region.
    """
    if region is None:
        return None
    south, west, north, east = region
    tolerance = max(_MIN_TOLERANCE, (east - west) * _TOLERANCE_PER_DEG)
    features: list[dict[str, Any]] = []
    lines: list[list[list[float]]] = []
    for _name, shape in layer_near("world_atlas_50m", "countries", region):
        for part in _cut(shape, south, west, north, east):
            polygons = [g for g in getattr(part, "geoms", [part]) if isinstance(g, Polygon)]
            simple = MultiPolygon(polygons).simplify(tolerance, preserve_topology=True) if polygons else None
            if simple is None or simple.is_empty:
                continue
            geometry = mapping(simple)
            coords = _rounded(geometry["coordinates"])
            features.append({"type": "Feature", "properties": {}, "geometry": {**geometry, "coordinates": coords}})
            polygons_coords = coords if geometry["type"] == "MultiPolygon" else [coords]
            lines.extend(_border_lines([ring for polygon in polygons_coords for ring in polygon], region))
    return {
        "box": [[south, west], [north, east]],
        "land": {"type": "FeatureCollection", "features": features},
        "lines": {"type": "MultiLineString", "coordinates": lines},
    }
