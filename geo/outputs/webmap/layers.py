"""The map's layers: uncertainty circles, the route, the other places named, the numbered stops; the tiles' source.

Layers are added in this order (the stops on top); the context layer
(datelines, governments, past visits…) is off at first. The online tiles
are not a folium layer: ``storymap.js`` offers them in the layer control
and fetches none until the reader ticks them (:func:`tile_source`), so an
offline page makes no request at all and logs no error. Layer names speak the page's language.
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element

from geo.model import AREA_TYPES, Certainty, PlaceType, Role
from geo.outputs.webmap.elements import RoutePath, SafePopup, TextDivIcon, TextMarker
from geo.outputs.webmap.html_text import escape
from geo.outputs.webmap.labels import stop_label
from geo.outputs.webmap.popups import context_popup, stop_popup
from geo.outputs.words import word
from geo.story.document import ArticleDoc, PlaceDoc, StopDoc

__all__ = ["tile_source", "add_uncertainty", "add_route", "add_context", "add_stops", "popup_size"]

# Tiles: CARTO's light basemap of OpenStreetMap data; drawn over the offline outlines when online.
_TILES = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
_TILES_ATTR = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
    '&copy; <a href="https://carto.com/attributions">CARTO</a>'
)
_ROUTE_COLOR = "#0b4f8a"
_CONTEXT_COLOR = "#6b7280"
_CIRCLE_KM = 20.0  # a point this vague gets a circle whatever its type
#: Roles that say no more than "the articles name this area": such an area stays out of the context layer.
_AREA_ROLES = frozenset({Role.COUNTRY, Role.REGION, Role.WATER, Role.MENTIONED})


def tile_source(lang: str = "en", *, show: bool = False) -> dict[str, Any]:
    """The online street map (CARTO, OpenStreetMap data) for ``storymap.js``: its URL, attribution, its name in
    the layer control, and whether it shows at once (``show``; else only when the reader ticks it)."""
    return {
        "url": _TILES,
        "show": show,
        "attribution": _TILES_ATTR,
        "subdomains": "abcd",
        "maxZoom": 19,
        "name": word(lang, "layer_tiles"),
    }


def popup_size(*, max_width: int, min_width: int, max_height: int) -> dict[str, Any]:
    """A popup's size options; ``storymap.js`` narrows them to a small screen."""
    return {"maxWidth": max_width, "minWidth": min_width, "maxHeight": max_height, "autoPanPadding": [16, 16]}


def _needs_circle(stop: StopDoc) -> bool:
    return stop.place_type == PlaceType.RELATIVE or stop.place_type in AREA_TYPES or stop.uncertainty_km >= _CIRCLE_KM


def add_uncertainty(m: folium.Map, stops: list[StopDoc], lons: dict[int, float], *, lang: str = "en") -> None:
    """A dashed circle around each relative, area or vague stop: how far the place may be."""
    circles = folium.FeatureGroup(name=word(lang, "layer_circles"), show=True)
    for stop in stops:
        if _needs_circle(stop) and stop.uncertainty_km > 0:
            folium.Circle(
                location=[stop.lat, lons[stop.seq]],
                radius=stop.uncertainty_km * 1000.0,
                color=_ROUTE_COLOR,
                weight=1.5,
                dash_array="4 6",
                fill=True,
                fill_color=_ROUTE_COLOR,
                fill_opacity=0.07,
                interactive=False,
                class_name="sm-uncertainty",
            ).add_to(circles)
    circles.add_to(m)


def add_route(m: folium.Map, legs: list[dict[str, Any]], *, lang: str = "en") -> RoutePath | None:
    """The route as a marching ant path in its own layer; ``None`` when there is no leg."""
    if not legs:
        return None
    route = RoutePath(
        [leg["path"] for leg in legs],
        color=_ROUTE_COLOR,
        pulse_color="#ffffff",
        weight=4,
        opacity=0.9,
        delay=900,
        dash_array=[12, 24],
        interactive=False,
    )
    route_layer = folium.FeatureGroup(name=word(lang, "layer_route"), show=True)
    route.add_to(route_layer)
    route_layer.add_to(m)
    return route


def _is_context(place: PlaceDoc) -> bool:
    """Places drawn in the context layer: points, or areas with a telling role (not just "a country")."""
    return place.place_type not in AREA_TYPES or bool(set(place.roles) - _AREA_ROLES)


def add_context(m: folium.Map, places: list[PlaceDoc], articles: dict[str, ArticleDoc], *, lang: str = "en") -> None:
    """The other places the articles name, each with its popup, in a layer that is off at first."""
    context = folium.FeatureGroup(name=word(lang, "layer_context"), show=False)
    for place in places:
        if not _is_context(place):
            continue
        marker = folium.CircleMarker(
            location=[place.lat, place.lon],
            radius=5,
            color="#ffffff",
            weight=1.5,
            fill=True,
            fill_color=_CONTEXT_COLOR,
            fill_opacity=0.75,
            class_name="sm-context",
        )
        marker.add_child(
            SafePopup(
                context_popup(place, articles, lang=lang), **popup_size(max_width=340, min_width=220, max_height=360)
            )
        )
        marker.add_to(context)
    context.add_to(m)


def _stop_marker(stop: StopDoc, total: int, lon: float, articles: dict[str, ArticleDoc], lang: str) -> TextMarker:
    """A numbered marker (a ``DivIcon``, no icon font or image) with the stop's label for screen readers."""
    label = stop_label(stop, total, lang=lang)
    kind = stop.date_certainty if stop.date_start else Certainty.UNKNOWN
    icon = TextDivIcon(
        html=f'<span class="sm-pin-n" aria-hidden="true">{stop.seq}</span><span class="sm-sr">{escape(label)}</span>',
        icon_size=(30, 30),
        icon_anchor=(15, 15),
        popup_anchor=(0, -12),
        class_name=f"sm-stop sm-stop-{kind}",
    )
    marker = TextMarker(
        location=[stop.lat, lon],
        icon=icon,
        title=f"{stop.seq}. {stop.name}",
        keyboard=True,
        rise_on_hover=True,
        z_index_offset=(2000 if stop.date_start else 1000) + stop.seq,
    )
    marker.add_child(
        SafePopup(
            stop_popup(stop, total, articles, lang=lang),
            className="sm-popup",
            **popup_size(max_width=360, min_width=240, max_height=380),
        )
    )
    return marker


def add_stops(
    m: folium.Map,
    stops: list[StopDoc],
    lons: dict[int, float],
    articles: dict[str, ArticleDoc],
    *,
    lang: str = "en",
) -> list[Element]:
    """The numbered stop markers, each with its popup, in one layer; returns the markers in ``seq`` order."""
    stops_layer = folium.FeatureGroup(name=word(lang, "stops"), show=True)
    markers: list[Element] = []
    for stop in stops:
        marker = _stop_marker(stop, len(stops), lons[stop.seq], articles, lang)
        marker.add_to(stops_layer)
        markers.append(marker)
    stops_layer.add_to(m)
    return markers
