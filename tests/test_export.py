"""GeoJSON and GeoDataFrame output: contract, determinism, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest

from geo.errors import OutputError
from geo.export import story_geojson, to_geodataframe, write_geojson, write_text_atomic
from geo.model import Article, Mention, Place, PlaceFeature, Resolution, Span, Story

TEXT = "وصل إلى <script>alert(1)</script> حلب."
ARTICLE = Article(name="a.txt", text=TEXT, sentences=(Span(0, len(TEXT)),))
ALEPPO = Place(
    id="geonames:170063", name="Aleppo", name_ar="حلب", lat=36.2021234567, lon=37.1342987654, place_type="city"
)


def _story() -> Story:
    start = TEXT.index("حلب")
    mention = Mention(
        article="a.txt", start=start, end=start + 3, text="حلب", sentence=0, match="exact", candidates=(1,)
    )
    res = Resolution(mention=mention, place=ALEPPO, confidence=0.9, uncertainty_km=4.0, reason="exact name")
    return Story(articles=(ARTICLE,), features=(PlaceFeature(place=ALEPPO, resolutions=(res,), uncertainty_km=4.0),))


def test_geojson_contract() -> None:
    data = story_geojson(_story())
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.134299, 36.202123]}
    props = feature["properties"]
    assert props["name"] == "Aleppo" and props["place_type"] == "city" and props["uncertainty_km"] == 4.0
    assert props["mentions"] == [
        {"article": "a.txt", "text": "حلب", "start": TEXT.index("حلب"), "end": TEXT.index("حلب") + 3,
         "sentence": TEXT, "match": "exact", "confidence": 0.9, "reason": "exact name"}
    ]  # fmt: skip


def test_written_geojson_reads_back_with_geopandas(tmp_path: Path) -> None:
    path = write_geojson(_story(), tmp_path / "out" / "story.geojson")
    frame = gpd.read_file(path)
    assert frame.crs.to_epsg() == 4326 and list(frame["name"]) == ["Aleppo"]
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_same_story_same_bytes(tmp_path: Path) -> None:
    a = write_geojson(_story(), tmp_path / "a.geojson").read_bytes()
    b = write_geojson(_story(), tmp_path / "b.geojson").read_bytes()
    assert a == b


def test_geodataframe_has_an_explicit_crs() -> None:
    frame = to_geodataframe(_story())
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].x == pytest.approx(37.1343, abs=1e-3)
    assert frame["mentions"].iloc[0] == 1


def test_atomic_write_leaves_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "story.geojson"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError):
        write_text_atomic(tmp_path / "story.geojson" / "nested", "new")  # a file is in the way
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["story.geojson"]


def test_empty_story() -> None:
    story = Story(articles=(ARTICLE,))
    assert story_geojson(story) == {"type": "FeatureCollection", "features": []}
    assert len(to_geodataframe(story)) == 0 and to_geodataframe(story).crs.to_epsg() == 4326
