"""The 1:50m outlines around the route (geo/outputs/webmap/basemap.py): a box with a margin, cut, rounded, stable."""

from __future__ import annotations

import json

import pytest

from geo.outputs.webmap.basemap import layer_near, region_box, region_outlines
from geo.outputs.webmap.compiled import load_layer


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([], None),
        ([(39.0, 125.7)], (33.0, 119.7, 45.0, 131.7)),  # one point: the smallest margin all round
        ([(0.0, 0.0), (40.0, 60.0)], (-20.0, -30.0, 60.0, 90.0)),  # half the extent on each side
        ([(80.0, 0.0), (-80.0, 10.0)], (-84.0, -6.0, 84.0, 16.0)),  # never past the poles' edge
    ],
)
def test_region_box(points: list, expected: tuple | None) -> None:
    assert region_box(points) == expected


def test_countries_decode_from_the_pinned_topojson() -> None:
    countries = dict(load_layer("world_atlas_50m", "countries").items())
    assert len(countries) > 200
    korea = countries["North Korea"]
    assert korea.is_valid and korea.contains(__import__("shapely").Point(125.75, 39.03))  # Pyongyang


def test_region_outlines_are_cut_rounded_and_stable() -> None:
    region = region_box([(39.0, 125.7), (43.1, 131.9), (50.5, 137.0)])
    first, again = region_outlines(region), region_outlines(region)
    assert json.dumps(first) == json.dumps(again)
    south, west, north, east = region
    assert first["box"] == [[south, west], [north, east]]
    lons_lats = [
        point
        for feature in first["land"]["features"]
        for polygon in (feature["geometry"]["coordinates"] if feature["geometry"]["type"] == "MultiPolygon"
                        else [feature["geometry"]["coordinates"]])
        for ring in polygon
        for point in ring
    ]  # fmt: skip
    assert lons_lats and all(
        west - 1e-6 <= x <= east + 1e-6 and south - 1e-6 <= y <= north + 1e-6 for x, y in lons_lats
    )
    assert all(round(v, 3) == v for point in lons_lats for v in point)
    # The coasts and borders leave out the cut along the box.
    lines = first["lines"]["coordinates"]
    assert lines and not any(all(abs(x - west) < 1e-3 for x, _ in line) and len(line) > 2 for line in lines)
    assert len(json.dumps(first)) < 150_000
    assert region_outlines(None) is None


def test_a_region_across_the_antimeridian_keeps_its_land() -> None:
    region = region_box([(64.7, 177.5), (61.2, 210.1)])  # Anadyr to Anchorage, drawn continuous
    outlines = region_outlines(region)
    xs = [p[0] for f in outlines["land"]["features"] for poly in f["geometry"]["coordinates"] for ring in
          (poly if f["geometry"]["type"] == "MultiPolygon" else [poly]) for p in ring]  # fmt: skip
    assert max(xs) > 190.0 and min(xs) < 180.0  # Alaska moved east of 180 beside Chukotka


@pytest.mark.parametrize(
    "points",
    [[(39.0, 125.7), (43.1, 131.9)], [(64.7, 177.5), (61.2, 210.1)], [(30.05, 31.23), (-33.9, 18.4)]],
)
def test_the_countries_near_a_region_are_all_that_have_land_in_it(points: list) -> None:
    from geo.outputs.webmap.basemap import cut_to_region

    region = region_box(points)
    every = load_layer("world_atlas_50m", "countries").items()
    with_land = [name for name, shape in every if cut_to_region(shape, region)]
    near = [name for name, _ in layer_near("world_atlas_50m", "countries", region)]
    assert with_land and set(with_land) <= set(near) and len(near) < len(every)
