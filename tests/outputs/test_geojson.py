"""GeoJSON and GeoDataFrame output: contract, determinism, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest

from geo.atomic import write_text_atomic
from geo.errors import OutputError
from geo.outputs.geojson import story_geojson, to_geodataframe, write_geojson
from geo.story.document import PlaceDoc, Quote, StopDoc, StoryDoc

TEXT = "وصل إلى <script>alert(1)</script> حلب."
QUOTE = Quote(article="a.txt", text="حلب", start=TEXT.index("حلب"), end=TEXT.index("حلب") + 3, sentence=TEXT,
              role="visit", why="a movement word right before it")  # fmt: skip


def _doc() -> StoryDoc:
    stop = StopDoc(
        seq=1, id="geonames:170063", name="Aleppo", name_ar="حلب", lat=36.2021234567, lon=37.1342987654,
        place_type="city", date_start="2024-05-01", date_certainty="exact", role="visit", quotes=[QUOTE],
    )  # fmt: skip
    place = PlaceDoc(id="country:SY", name="Syria", lat=35.0, lon=38.0, place_type="country", roles=["country"])
    return StoryDoc(title="t", stops=[stop], places=[place])


def test_geojson_contract() -> None:
    features = story_geojson(_doc())["features"]
    stop, place = features
    assert stop["geometry"] == {"type": "Point", "coordinates": [37.134299, 36.202123]}
    props = stop["properties"]
    assert (props["kind"], props["seq"], props["date_start"], props["date_end"]) == (
        "stop",
        1,
        "2024-05-01",
        "2024-05-01",
    )
    assert props["mentions"][0]["text"] == "حلب" and props["mentions"][0]["sentence"] == TEXT
    assert place["properties"]["kind"] == "context" and place["properties"]["role"] == "country"
    assert not [f for f in features if f["properties"]["kind"] == "route"]  # one dated stop: no route


def test_written_geojson_reads_back_with_geopandas(tmp_path: Path) -> None:
    path = write_geojson(_doc(), tmp_path / "out" / "story.geojson")
    frame = gpd.read_file(path)
    assert frame.crs.to_epsg() == 4326 and list(frame["name"]) == ["Aleppo", "Syria"]
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_same_story_same_bytes(tmp_path: Path) -> None:
    a = write_geojson(_doc(), tmp_path / "a.geojson").read_bytes()
    b = write_geojson(_doc(), tmp_path / "b.geojson").read_bytes()
    assert a == b


def test_geodataframe_has_an_explicit_crs_and_text_dates() -> None:
    frame = to_geodataframe(_doc())
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].x == pytest.approx(37.1343, abs=1e-3)
    assert list(frame["kind"]) == ["stop", "context"] and frame["date_start"].iloc[0] == "2024-05-01"
    assert frame.to_json()  # serialisable: no date objects


def test_atomic_write_leaves_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "story.geojson"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError):
        write_text_atomic(tmp_path / "story.geojson" / "nested", "new")  # a file is in the way
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["story.geojson"]


def test_empty_story() -> None:
    doc = StoryDoc()
    assert story_geojson(doc) == {"type": "FeatureCollection", "features": []}
    assert len(to_geodataframe(doc)) == 0 and to_geodataframe(doc).crs.to_epsg() == 4326
