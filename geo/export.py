"""Writers: the story as RFC 7946 GeoJSON (and a GeoDataFrame), written atomically.

The GeoJSON is deterministic: features in the story's stable order,
coordinates rounded to six decimals, keys in a fixed order, so the same
input gives byte-identical output.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from geo.errors import OutputError
from geo.model import Article, PlaceFeature, Story

__all__ = ["story_geojson", "write_geojson", "write_text_atomic", "to_geodataframe"]

_PRECISION = 6


def _sentence(articles: dict[str, Article], name: str, index: int) -> str:
    article = articles.get(name)
    return article.sentence_text(index) if article is not None else ""


def _feature(feature: PlaceFeature, articles: dict[str, Article]) -> dict[str, Any]:
    place = feature.place
    mentions = [
        {
            "article": r.mention.article,
            "text": r.mention.text,
            "start": r.mention.start,
            "end": r.mention.end,
            "sentence": _sentence(articles, r.mention.article, r.mention.sentence),
            "match": r.mention.match,
            "confidence": r.confidence,
            "reason": r.reason,
        }
        for r in feature.resolutions
    ]
    properties: dict[str, Any] = {
        "kind": "context",
        "id": place.id,
        "name": place.name,
        "name_ar": place.name_ar,
        "place_type": place.place_type,
        "feature": place.feature,
        "country": place.country,
        "uncertainty_km": feature.uncertainty_km,
        "confidence": feature.confidence,
        "source": place.source,
        "mentions": mentions,
    }
    anchor = feature.resolutions[0].anchor
    if anchor is not None:
        properties["anchor"] = {"id": anchor.id, "name": anchor.name}
    return {
        "type": "Feature",
        "id": place.id,
        "geometry": {"type": "Point", "coordinates": [round(place.lon, _PRECISION), round(place.lat, _PRECISION)]},
        "properties": properties,
    }


def story_geojson(story: Story) -> dict[str, Any]:
    """The story as an RFC 7946 FeatureCollection (one Point feature per place)."""
    articles = {a.name: a for a in story.articles}
    return {
        "type": "FeatureCollection",
        "features": [_feature(f, articles) for f in story.features],
    }


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file renamed into place.

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc
    return path


def write_geojson(story: Story, path: Path) -> Path:
    """Write :func:`story_geojson` to ``path`` atomically (UTF-8, stable bytes)."""
    text = json.dumps(story_geojson(story), ensure_ascii=False, indent=1) + "\n"
    return write_text_atomic(path, text)


def to_geodataframe(story: Story):  # noqa: ANN201 - geopandas is imported lazily
    """The story's places as a GeoDataFrame in EPSG:4326 (a pure conversion).

    Mentions are flattened to a count and the first quote, since a
    GeoDataFrame column holds scalars.
    """
    import geopandas as gpd
    from shapely.geometry import Point

    rows = []
    for feature in story.features:
        place = feature.place
        first = feature.resolutions[0].mention
        rows.append(
            {
                "id": place.id,
                "name": place.name,
                "name_ar": place.name_ar,
                "place_type": place.place_type,
                "country": place.country,
                "uncertainty_km": feature.uncertainty_km,
                "confidence": feature.confidence,
                "mentions": len(feature.resolutions),
                "first_article": first.article,
                "first_text": first.text,
                "geometry": Point(place.lon, place.lat),
            }
        )
    if not rows:
        return gpd.GeoDataFrame({"id": [], "name": []}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
