"""Writers: the story document as RFC 7946 GeoJSON and as a GeoDataFrame.

Every output renders from the :class:`~geo.story.document.StoryDoc`, so an edited
``story.json`` flows to all of them. The GeoJSON is deterministic: stops in
route order, then the other places, coordinates rounded to six decimals,
keys in a fixed order; the same story gives byte-identical files.

Features: stops are Points with ``kind: "stop"``, ``seq``, ``date_start``,
``date_end``, ``date_certainty`` and ``role``; other places are Points with
``kind: "context"``; the route through the dated stops is a LineString with
``kind: "route"``. Every Point lists its ``mentions``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geo.atomic import write_text_atomic
from geo.story.document import PlaceDoc, Quote, StopDoc, StoryDoc, dated_stops

__all__ = ["story_geojson", "write_geojson", "to_geodataframe"]

_PRECISION = 6


def _mentions(quotes: list[Quote]) -> list[dict[str, Any]]:
    return [
        {"article": q.article, "text": q.text, "start": q.start, "end": q.end, "sentence": q.sentence,
         "role": q.role, "why": q.why}
        for q in quotes
    ]  # fmt: skip


def _point(item: StopDoc | PlaceDoc) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(item.lon, _PRECISION), round(item.lat, _PRECISION)]}


def _stop_feature(stop: StopDoc) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": f"stop-{stop.seq}",
        "geometry": _point(stop),
        "properties": {
            "kind": "stop",
            "seq": stop.seq,
            "id": stop.id,
            "name": stop.name,
            "name_ar": stop.name_ar,
            "place_type": stop.place_type,
            "date_start": stop.date_start.isoformat() if stop.date_start else None,
            "date_end": (stop.date_end or stop.date_start).isoformat() if stop.date_start else None,
            "date_certainty": stop.date_certainty,
            "role": stop.role,
            "caption": stop.caption,
            "also": stop.also,
            "uncertainty_km": stop.uncertainty_km,
            "mentions": _mentions(stop.quotes),
        },
    }


def _place_feature(place: PlaceDoc) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": place.id,
        "geometry": _point(place),
        "properties": {
            "kind": "context",
            "id": place.id,
            "name": place.name,
            "name_ar": place.name_ar,
            "place_type": place.place_type,
            "role": ", ".join(place.roles),
            "uncertainty_km": place.uncertainty_km,
            "mentions": _mentions(place.quotes),
        },
    }


def _route(stops: list[StopDoc]) -> dict[str, Any] | None:
    dated = dated_stops(stops)
    if len(dated) < 2:
        return None
    return {
        "type": "Feature",
        "id": "route",
        "geometry": {"type": "LineString", "coordinates": [_point(s)["coordinates"] for s in dated]},
        "properties": {"kind": "route", "stops": [s.seq for s in dated]},
    }


def story_geojson(doc: StoryDoc) -> dict[str, Any]:
    """The story as an RFC 7946 FeatureCollection (stops, other places, route)."""
    features = [_stop_feature(s) for s in doc.stops] + [_place_feature(p) for p in doc.places]
    route = _route(doc.stops)
    if route is not None:
        features.append(route)
    return {"type": "FeatureCollection", "features": features}


def write_geojson(doc: StoryDoc, path: Path) -> Path:
    """Write :func:`story_geojson` to ``path`` atomically (UTF-8, stable bytes)."""
    text = json.dumps(story_geojson(doc), ensure_ascii=False, indent=1) + "\n"
    return write_text_atomic(path, text)


def to_geodataframe(doc: StoryDoc):  # noqa: ANN201 - geopandas is imported lazily
    """The story's stops and places as a GeoDataFrame in EPSG:4326 (a pure conversion).

    Dates are ISO text (GeoJSON and folium cannot serialise date columns);
    mentions are flattened to a count, since a column holds scalars.
    """
    import geopandas as gpd
    from shapely.geometry import Point

    rows = []
    for kind, items in (("stop", doc.stops), ("context", doc.places)):
        for item in items:
            stop = item if isinstance(item, StopDoc) else None
            rows.append(
                {
                    "kind": kind,
                    "seq": stop.seq if stop else None,
                    "id": item.id,
                    "name": item.name,
                    "name_ar": item.name_ar,
                    "place_type": item.place_type,
                    "date_start": stop.date_start.isoformat() if stop and stop.date_start else None,
                    "date_end": (stop.date_end or stop.date_start).isoformat() if stop and stop.date_start else None,
                    "date_certainty": stop.date_certainty if stop else None,
                    "role": stop.role if stop else ", ".join(item.roles),  # type: ignore[union-attr]
                    "uncertainty_km": item.uncertainty_km,
                    "mentions": len(item.quotes),
                    "geometry": Point(item.lon, item.lat),
                }
            )
    if not rows:
        return gpd.GeoDataFrame({"id": [], "name": []}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
