"""Where things go on the map (geo/outputs/webmap/geometry.py): great circles in date order, the antimeridian."""

from __future__ import annotations

import pytest
from pyproj import Geod

from geo.outputs.webmap import render_map, stop_zoom
from geo.story.document import StopDoc, StoryDoc
from tests.outputs.webmap.story_page import json_block


def test_route_is_great_circles_in_date_order(page: str) -> None:
    data = json_block(page, "story-data")
    legs = data["legs"]
    assert [(leg["from"], leg["to"]) for leg in legs] == [(1, 2), (2, 3)]  # the undated stop has no leg
    geod = Geod(ellps="WGS84")
    first = legs[0]["path"]
    assert first[0] == [33.5102, 36.29128] and first[-1] == [36.20124, 37.16117] and len(first) > 5
    lon, lat = geod.npts(36.29128, 33.5102, 37.16117, 36.20124, 1)[0]
    mid = first[len(first) // 2]
    assert abs(mid[0] - lat) < 0.2 and abs(mid[1] - lon) < 0.2
    assert "L.polyline.antPath(" in page
    assert page.count("L.circle(") == 1  # the relative stop only


def test_route_across_the_antimeridian_is_continuous() -> None:
    stops = [
        StopDoc(seq=1, id="t", name="Tokyo", lat=35.68, lon=139.69, place_type="city", date_start="2024-01-01"),
        StopDoc(seq=2, id="h", name="Honolulu", lat=21.31, lon=-157.86, place_type="city", date_start="2024-01-02"),
        StopDoc(seq=3, id="l", name="Los Angeles", lat=34.05, lon=-118.24, place_type="city", date_start="2024-01-03"),
    ]
    data = json_block(render_map(StoryDoc(title="Pacific", stops=stops)), "story-data")
    points = [p for leg in data["legs"] for p in leg["path"]]
    assert all(abs(b[1] - a[1]) < 10 for a, b in zip(points, points[1:], strict=False))
    assert data["stops"][1]["lon"] == pytest.approx(-157.86 + 360)


@pytest.mark.parametrize(("km", "zoom"), [(0.0, 7), (40.0, 7), (41.0, 6), (120.0, 6), (300.0, 5), (301.0, 4)])
def test_stop_zoom_is_wider_for_vaguer_places(km: float, zoom: int) -> None:
    assert stop_zoom(km) == zoom
