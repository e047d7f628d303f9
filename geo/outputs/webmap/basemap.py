"""The offline basemap around the route: Natural Earth 1:50m country outlines, cut to the route's region.

The whole world stays drawn from the 1:110m outlines (``world-atlas``'s
``countries-110m``, small); around the route the page also gets the 1:50m
outlines (``countries-50m`` of the same pinned package), decoded here from
TopoJSON, cut to a box around the route with shapely and rounded, so a
stop's zoom still shows its coast, and the page stays small. The page
paints the box as sea, then the 1:50m land over it. The same route gives
the same bytes.
"""

from __future__ import annotations

import functools
import itertools
import json
from pathlib import Path
from typing import Any

from shapely import affinity
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box, mapping
from shapely.geometry.base import BaseGeometry

from geo.errors import OutputError
from geo.outputs.webmap.assets import ASSETS, assets_dir

__all__ = ["region_box", "region_outlines", "decode_countries", "decode_layer", "cut_to_region", "rounded"]

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


def _decoded_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def _polygon(rings: list[list[int]], arcs: list[list[tuple[float, float]]]) -> Polygon:
    shell, *holes = (_ring(r, arcs) for r in rings)
    return Polygon(shell, holes)


def _line(indices: list[int], arcs: list[list[tuple[float, float]]]) -> LineString:
    return LineString(_ring(indices, arcs))


def _shape(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> BaseGeometry | None:
    """A TopoJSON geometry as shapely (polygons made valid); ``None`` for kinds the map does not draw."""
    kind, parts = geometry.get("type"), geometry.get("arcs")
    if kind == "Polygon":
        shape: BaseGeometry = _polygon(parts, arcs)
    elif kind == "MultiPolygon":
        shape = MultiPolygon([_polygon(p, arcs) for p in parts])
    elif kind == "LineString":
        return _line(parts, arcs)
    elif kind == "MultiLineString":
        return MultiLineString([_line(p, arcs) for p in parts])
    else:
        return None
    return shape if shape.is_valid else shape.buffer(0)


@functools.cache
def _topology(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def decode_layer(asset: str, layer: str) -> tuple[tuple[str, BaseGeometry], ...]:
    """The geometries of object ``layer`` of a pinned TopoJSON asset as ``(name, shapely geometry)``, in file order.

    Polygons come valid; a geometry without a name gets ``""``.

    Raises
    ------
    OutputError
        When the package's file is missing or is not TopoJSON with that object.
    """
    path = assets_dir() / ASSETS[asset].path
    try:
        topo = _topology(path)
        geometries = topo["objects"][layer]["geometries"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        package = ASSETS[asset].package or asset
        raise OutputError(
            f"front-end package {package} is missing or broken ({path}): run `npm ci --prefix assets`"
        ) from exc
    arcs = _decoded_arcs(topo)
    out = []
    for geometry in geometries:
        shape = _shape(geometry, arcs)
        if shape is not None:
            out.append((str((geometry.get("properties") or {}).get("name", "")), shape))
    return tuple(out)


def decode_countries(name: str = "world_atlas_50m") -> tuple[tuple[str, BaseGeometry], ...]:
    """The countries of a world-atlas TopoJSON asset as ``(name, shapely geometry)``, valid, in file order."""
    return decode_layer(name, "countries")


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
    for _name, shape in decode_countries():
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
