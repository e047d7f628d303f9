"""The GeoPackage export (geo/outputs/geopackage.py): the places layer, the route layer, stable content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest

from geo.outputs.geopackage import write_gpkg
from geo.story.document import StopDoc, StoryDoc
from tests.outputs.hostile_story import hostile_doc


def test_gpkg_places_layer(tmp_path: Path) -> None:
    path = write_gpkg(hostile_doc(), tmp_path / "story.gpkg")
    frame = gpd.read_file(path, layer="places")
    assert frame.crs.to_epsg() == 4326
    assert list(frame["name"]) == ["Aleppo", "Beirut", "+Tangier", "Syria", "Mediterranean <Sea> & co"]
    assert list(frame["kind"]) == ["stop"] * 3 + ["context"] * 2
    assert list(frame["date_start"].iloc[:2]) == ["2024-05-01", "2024-05-02"] and frame["date_start"].isna().iloc[2]
    assert frame["date_end"].iloc[1] == "2024-05-04"
    assert frame["name_ar"].iloc[0] == "حلب"
    assert pyogrio.read_info(path, layer="places")["geometry_type"] == "Point"
    assert frame.geometry.iloc[0].x == pytest.approx(37.1342987654)


@pytest.mark.parametrize(
    ("dates", "route"),
    [
        ([dt.date(2024, 5, 1), dt.date(2024, 5, 2), None], [(37.134299, 36.202123), (35.49548, 33.88863)]),
        ([dt.date(2024, 5, 1), None, dt.date(2024, 5, 9)], [(37.134299, 36.202123), (-5.79975, 35.76727)]),
        ([dt.date(2024, 5, 1), None, None], None),
        ([None, None, None], None),
    ],
)
def test_gpkg_route_layer_through_the_dated_stops(
    tmp_path: Path, dates: list[dt.date | None], route: list[tuple[float, float]] | None
) -> None:
    doc = hostile_doc()
    stops = [
        StopDoc.model_validate({**s.model_dump(), "date_start": d, "date_end": None})
        for s, d in zip(doc.stops, dates, strict=True)
    ]
    path = write_gpkg(StoryDoc(title=doc.title, stops=stops, places=doc.places), tmp_path / "story.gpkg")
    layers = [name for name, _ in pyogrio.list_layers(path)]
    if route is None:
        assert layers == ["places"]
        return
    assert layers == ["places", "route"]
    frame = gpd.read_file(path, layer="route")
    assert frame.crs.to_epsg() == 4326 and len(frame) == 1
    assert frame.geometry.iloc[0].geom_type == "LineString"
    assert [tuple(round(c, 6) for c in xy) for xy in frame.geometry.iloc[0].coords] == route


def test_gpkg_same_content(tmp_path: Path) -> None:
    a = write_gpkg(hostile_doc(), tmp_path / "a.gpkg")
    b = write_gpkg(hostile_doc(), tmp_path / "b.gpkg")
    for layer in ("places", "route"):
        left, right = gpd.read_file(a, layer=layer), gpd.read_file(b, layer=layer)
        assert left.equals(right)


def test_gpkg_lone_surrogate(tmp_path: Path) -> None:
    doc = hostile_doc()
    stops = [doc.stops[0].model_copy(update={"name_ar": "half \ud800 pair", "name": "A\udfff"}), *doc.stops[1:]]
    path = write_gpkg(doc.model_copy(update={"stops": stops}), tmp_path / "story.gpkg")
    places = gpd.read_file(path, layer="places")
    first = places[places["seq"] == 1].iloc[0]
    assert (first["name"], first["name_ar"]) == ("A\ufffd", "half \ufffd pair")
