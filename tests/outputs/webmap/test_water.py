"""Rivers and lakes around the route (geo/outputs/webmap/water.py): Natural Earth 1:50m, cut, rounded, stable."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import LineString, Point, shape

from geo.outputs.webmap.basemap import region_box
from geo.outputs.webmap.compiled import load_layer
from geo.outputs.webmap.water import WATER_ASSET, region_water


def test_the_pinned_package_holds_rivers_and_lakes() -> None:
    rivers, lakes = load_layer(WATER_ASSET, "rivers").items(), load_layer(WATER_ASSET, "lakes").items()
    assert len(rivers) > 300 and len(lakes) > 200
    assert all(isinstance(g, LineString) or g.geom_type == "MultiLineString" for _, g in rivers)
    assert any(g.contains(Point(32.9, -1.0)) for _, g in lakes)  # Lake Victoria
    assert any(g.distance(Point(31.23, 30.05)) < 0.1 for _, g in rivers)  # the Nile at Cairo


@pytest.mark.parametrize(
    ("points", "river_near", "lake_at"),
    [
        ([(39.0, 125.7), (50.5, 137.0)], (50.55, 137.0), (45.0, 132.4)),  # Amur at Komsomolsk; Lake Khanka
        ([(30.05, 31.23), (15.5, 32.5)], (15.6, 32.53), None),  # the Nile, Cairo to Khartoum
        ([(-1.3, 36.8), (0.3, 32.6)], None, (-1.0, 33.0)),  # Nairobi to Kampala: Lake Victoria
    ],
)
def test_region_water_is_cut_to_the_box_and_keeps_what_a_stop_shows(
    points: list, river_near: tuple | None, lake_at: tuple | None
) -> None:
    region = region_box(points)
    water = region_water(region)
    assert json.dumps(water) == json.dumps(region_water(region))  # the same region, the same bytes
    south, west, north, east = region
    coords = [p for line in water["rivers"]["coordinates"] for p in line]
    coords += [p for polygon in water["lakes"]["coordinates"] for ring in polygon for p in ring]
    assert coords and all(west - 1e-6 <= x <= east + 1e-6 and south - 1e-6 <= y <= north + 1e-6 for x, y in coords)
    assert all(round(v, 3) == v for point in coords for v in point)
    if river_near is not None:
        rivers = shape(water["rivers"])
        assert rivers.distance(Point(river_near[1], river_near[0])) < 0.15
    if lake_at is not None:
        assert shape(water["lakes"]).contains(Point(lake_at[1], lake_at[0]))
    assert len(json.dumps(water)) < 60_000  # the page stays light


def test_no_region_no_water() -> None:
    assert region_water(None) is None


def test_across_the_antimeridian_the_water_follows_the_region() -> None:
    region = region_box([(64.7, 177.5), (61.2, 210.1)])  # Anadyr to Anchorage, drawn continuous
    xs = [p[0] for line in region_water(region)["rivers"]["coordinates"] for p in line]
    assert xs and max(xs) > 180.0  # Alaska's rivers east of the line, at longitudes past 180
