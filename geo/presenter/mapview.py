"""The story map inside the presenter: where it looks, the map itself, and the route travelled so far.

:func:`view_at` gives the map's centre and zoom for the title view
(:func:`overview_view`, the whole route) or one stop (:func:`stop_view`);
:func:`map_for_app` is the folium map of :func:`~geo.outputs.webmap.build_map`
made to draw offline inside streamlit-folium (:func:`shared_map`: built once for
every session); :func:`progress_layer` is the
layer drawn over it for the current stop.
"""

from __future__ import annotations

import base64
import json
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium

from geo.model import Role
from geo.presenter.mapjs import add_presenter_scripts
from geo.presenter.static import publish_bundle, publish_bytes
from geo.story.document import StopDoc, StoryDoc

__all__ = [
    "MapView",
    "fit_zoom",
    "map_for_app",
    "overview_view",
    "progress_layer",
    "shared_map",
    "stop_at",
    "stop_view",
    "view_at",
]


@dataclass(frozen=True, slots=True)
class MapView:
    """The map's centre ``(lat, lon)`` and zoom."""

    center: tuple[float, float]
    zoom: int


def _mercator_y(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_zoom(bounds: tuple[tuple[float, float], tuple[float, float]], *, width: int, height: int) -> int:
    """The largest zoom (2..7) at which ``((south, west), (north, east))`` fits ``width`` × ``height`` pixels.

    Web Mercator with 256-pixel tiles, keeping a margin of 60 pixels on each side.
    """
    (south, west), (north, east) = bounds
    usable_w, usable_h = max(width - 120, 64), max(height - 120, 64)
    span_x = max(abs(east - west), 1e-6) / 360.0
    span_y = max(abs(_mercator_y(north) - _mercator_y(south)), 1e-6) / (2 * math.pi)
    zoom = math.floor(math.log2(min(usable_w / (256 * span_x), usable_h / (256 * span_y))))
    return max(2, min(7, zoom))


def overview_view(doc: StoryDoc, *, width: int = 900, height: int = 620) -> MapView:
    """The view of the whole route: the centre of the stops' bounds and the zoom that fits them."""
    if not doc.stops:
        return MapView(center=(20.0, 0.0), zoom=2)
    lats = [s.lat for s in doc.stops]
    lons = [s.lon for s in doc.stops]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    center_lat = math.degrees(math.atan(math.sinh((_mercator_y(south) + _mercator_y(north)) / 2)))
    return MapView(
        center=(round(center_lat, 6), round((west + east) / 2, 6)),
        zoom=fit_zoom(((south, west), (north, east)), width=width, height=height),
    )


def stop_view(stop: StopDoc) -> MapView:
    """The view of one stop: centred on it, closer for precise places, wider for vague ones."""
    from geo.outputs.webmap import stop_zoom

    return MapView(center=(stop.lat, stop.lon), zoom=stop_zoom(stop.uncertainty_km))


def view_at(doc: StoryDoc, index: int, *, width: int = 900, height: int = 620) -> MapView:
    """The view for presenter index ``index``: the whole route on the title view (0), else stop ``index``.

    ``width`` and ``height`` are the map's size in pixels, for the overview's zoom.
    """
    if index:
        return stop_view(doc.stops[index - 1])
    return overview_view(doc, width=width, height=height)


#: Hides the map page's own reading panel (the presenter shows its own cards beside the map).
_HIDE_PANEL = (
    "<style>"
    ".sm-panel{display:none!important}"
    ".sm-map{display:none}"  # the page's own map div; streamlit-folium draws into its own #map_div
    "#map_div{width:100%!important;background:#d8e4ec}"  # the sea, as on story.html, beyond the route's region
    ".leaflet-marker-icon.sm-here{filter:none}"
    "html,body{margin:0;height:100%}"
    "#map_div{height:100vh!important}"  # the frame's height is the page's (see geo.presenter.stage)
    "</style>"
)


def _local_url(url: str) -> str:
    """A ``data:`` URL of the pinned local copy of a jsDelivr asset, or ``url`` when there is none."""
    from geo.outputs.webmap import PINNED, assets_dir

    match = re.match(r"^https://cdn\.jsdelivr\.net/npm/([^@/]+)@([^/]+)/(.+)$", url)
    if not match or PINNED.get(match[1]) != match[2]:
        return url
    path = assets_dir() / "node_modules" / match[1] / match[3]
    try:
        data = path.read_bytes()
    except OSError:
        return url
    if path.suffix == ".css":  # relative image URLs would break in a data: URL: embed the images
        text = re.sub(rb"url\(images/([\w.-]+\.png)\)", lambda m: _image_url(path.parent / "images", m[1]), data)
        return "data:text/css;base64," + base64.b64encode(text).decode("ascii")
    return "data:text/javascript;base64," + base64.b64encode(data).decode("ascii")


def _image_url(folder: Path, name: bytes) -> bytes:
    """A CSS ``url(...)`` of the PNG ``name`` in ``folder`` as a ``data:`` URL (empty when it cannot be read)."""
    try:
        data = (folder / name.decode("ascii")).read_bytes()
    except OSError:
        return b"url(data:,)"
    return b"url(data:image/png;base64," + base64.b64encode(data) + b")"


def _walk(element: Any) -> Iterable[Any]:
    """``element`` and all its descendants in the folium tree."""
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def _route_bounds(doc: StoryDoc) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of the stops, in the map's unwrapped longitudes."""
    from geo.outputs.webmap.geometry import bounds, display_lons

    if not doc.stops:
        return [[-60.0, -170.0], [75.0, 170.0]]
    lons = display_lons(doc.stops)
    return bounds([(s.lat, lons[s.seq]) for s in doc.stops])


_SHARED: OrderedDict[tuple[str, str, bool, str], folium.Map] = OrderedDict()
_SHARED_LOCK = threading.Lock()
_SHARED_MAX = 8  # stories × tile settings × languages kept at once


def shared_map(doc: StoryDoc, *, key: str, static: Path | None, tiles: bool = False, lang: str = "en") -> folium.Map:
    """:func:`map_for_app`, built once per story (``key``: its digest), tile setting and language for every
    session of the app: a new visitor's first page does not wait for the map to be built again. Callers hand
    streamlit-folium a copy (it renames the elements of the map it is given).

    Raises
    ------
    OutputError
        As :func:`map_for_app`.
    """
    ident = (key, str(static), tiles, lang)
    with _SHARED_LOCK:
        if ident in _SHARED:
            _SHARED.move_to_end(ident)
            return _SHARED[ident]
    built = map_for_app(doc, static=static, tiles=tiles, lang=lang)
    with _SHARED_LOCK:
        _SHARED[ident] = built
        while len(_SHARED) > _SHARED_MAX:
            _SHARED.popitem(last=False)
    return built


def map_for_app(doc: StoryDoc, *, static: Path | None = None, tiles: bool = False, lang: str = "en") -> folium.Map:
    """The story's folium map (:func:`~geo.outputs.webmap.build_map`) made to work offline inside streamlit-folium.

    streamlit-folium loads each element's ``default_js``/``default_css`` by
    URL: the jsDelivr ones are replaced, on the instances, by ``data:`` URLs
    of the pinned files under ``assets/``, so the map draws with no network;
    with ``static`` (the app's static folder) they are written there once
    and loaded as static files (:func:`geo.presenter.static.publish`). The
    page's own reading panel is hidden (the presenter shows its own cards);
    the presenter's key relay and flights are added
    (:mod:`geo.presenter.mapjs`). Online tiles only when ``tiles`` is set
    (offline, a tile layer would only fail, each tile a console error).
    The map speaks ``lang`` (its names, layers and popups): one map per
    story and interface language. No story text is added to the map here.

    Raises
    ------
    OutputError
        When a pinned package is missing, or a static file cannot be written.
    """
    from geo.outputs.webmap import build_map

    m = build_map(doc, cdn=False, lang=lang, tiles=tiles, show_tiles=tiles)  # built once per story and language
    gathered: dict[str, dict[str, str]] = {"default_js": {}, "default_css": {}}
    for element in _walk(m):
        for attr, found in gathered.items():
            links = getattr(element, attr, None)
            if links:
                local = [(name, _local_url(url)) for name, url in links]
                if static is not None:  # gathered in load order, joined below
                    found.update((name, url) for name, url in local if name not in found)
                    local = []
                setattr(element, attr, local)
    if static is not None:
        for attr, found in gathered.items():  # one script file and one style sheet: fewer round trips
            setattr(m, attr, publish_bundle(list(found.items()), folder=static))
        _outlines_by_url(m, static)
    m.get_root().header.add_child(folium.Element(_HIDE_PANEL), name="presenter_style")
    add_presenter_scripts(m, bounds=_route_bounds(doc), overview=overview_view(doc).center)
    return m


_INLINE_OUTLINES = re.compile(r'<script type="application/json" id="sm-countries">(.*?)</script>', re.S)
_INLINE_REGION = re.compile(r'<script type="application/json" id="sm-region">(.*?)</script>', re.S)
_INLINE_BASEMAP = '"basemap":{"inline":"sm-countries"}'


def _outlines_by_url(m: folium.Map, static: Path) -> None:
    """The world outlines (~100 kB, inline in the map page) and the region's (~90 kB) as static files the map
    fetches: not re-sent with every rerun.

    Left inline when the page does not carry them as expected.
    """
    from geo.outputs.webmap import StoryControls

    for element in _walk(m):
        if not isinstance(element, StoryControls):
            continue
        match = _INLINE_OUTLINES.search(element.panel)
        if match is None or _INLINE_BASEMAP not in element.panel:
            return
        url = publish_bytes(match[1].encode("utf-8"), suffix=".json", folder=static)  # the JSON as it is
        panel = element.panel[: match.start()] + element.panel[match.end() :]
        basemap = {"url": url}
        region = _INLINE_REGION.search(panel)
        if region is not None:  # the 1:50m outlines, rivers and lakes around the route (~90 kB): a file too
            basemap["region"] = publish_bytes(region[1].encode("utf-8"), suffix=".json", folder=static)
            panel = panel[: region.start()] + panel[region.end() :]
        element.panel = panel.replace(_INLINE_BASEMAP, '"basemap":' + json.dumps(basemap, separators=(",", ":")))


def stop_at(doc: StoryDoc, lat: float, lon: float) -> int:
    """The stop (its ``seq``) whose marker is at ``(lat, lon)`` (a clicked marker), or 0 when none is.

    Longitudes are compared modulo 360 (the map may draw a stop one world over).
    """
    for stop in doc.stops:
        dlon = abs((stop.lon - lon + 180.0) % 360.0 - 180.0)
        if abs(stop.lat - lat) < 1e-4 and dlon < 1e-4:
            return stop.seq
    return 0


def progress_layer(doc: StoryDoc, index: int) -> folium.FeatureGroup:
    """The route travelled so far (dated stops up to stop ``index``) and a ring on the current stop.

    The ring is dashed when the stop is a plan. Only coordinates go into this layer (no story text).
    """
    group = folium.FeatureGroup(name="progress", control=False)
    if index < 1 or index > len(doc.stops):
        return group
    from geo.outputs.webmap import route_legs

    for leg in route_legs(list(doc.stops[:index])):
        folium.PolyLine(leg["path"], color="#d9480f", weight=6, opacity=0.85, interactive=False).add_to(group)
    current = doc.stops[index - 1]
    folium.CircleMarker(
        location=[current.lat, current.lon],
        radius=22,
        color="#d9480f",
        weight=4,
        dash_array="6 6" if current.role == Role.PLAN else None,  # a plan: announced, not reported done
        fill=False,
        interactive=False,
    ).add_to(group)
    return group
