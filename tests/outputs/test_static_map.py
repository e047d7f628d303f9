"""Still maps (geo/outputs/static_map.py): TopoJSON decoding, the antimeridian, frames, the same PNG every time."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from geo.outputs import static_map
from geo.outputs.static_map import (
    DPI,
    SIZE_IN,
    MapPoint,
    RouteMap,
    country_names,
    load_outlines,
    map_extent,
    map_points,
    route_png,
    topojson_polygons,
    unwrapped,
)
from tests.outputs.classroom_story import arabic_doc

#: A square with a square hole, and a triangle sharing the square's left edge (arc 0, used reversed).
TOPOLOGY = {
    "type": "Topology",
    "arcs": [
        [[0, 0], [0, 4]],
        [[0, 4], [4, 4], [4, 0], [0, 0]],
        [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]],
        [[0, 0], [-3, 2], [0, 4]],
    ],
    "objects": {
        "shapes": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1], [2]]},
                {"type": "MultiPolygon", "arcs": [[[3, -1]]]},
                {"type": "Point", "coordinates": [0, 0]},
            ],
        }
    },
}


def test_topojson_polygons_joins_arcs_and_keeps_holes() -> None:
    square, triangle = topojson_polygons(TOPOLOGY, "shapes")
    outer, hole = square
    assert outer.tolist() == [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]]  # the shared point kept once
    assert hole.tolist() == [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]
    assert triangle[0].tolist() == [[0, 0], [-3, 2], [0, 4], [0, 0]]  # ~0: arc 0 walked backwards
    assert topojson_polygons(TOPOLOGY, "missing") == []


def test_quantized_arcs_are_delta_decoded() -> None:
    topo = {
        "arcs": [[[0, 0], [10, 0], [0, 10], [-10, -10]]],
        "transform": {"scale": [0.5, 0.25], "translate": [100, -10]},
        "objects": {"one": {"type": "Polygon", "arcs": [[0]]}},
    }
    (ring,) = topojson_polygons(topo, "one")[0]
    assert ring.tolist() == [[100, -10], [105, -10], [105, -7.5], [100, -10]]


def test_a_ring_across_the_antimeridian_is_made_continuous_and_copied() -> None:
    ring = np.array([[170.0, 60], [180, 61], [-180, 61], [-170, 62], [-180, 63], [180, 63], [170, 60]])
    main, copy = unwrapped(ring)
    assert np.abs(np.diff(main[:, 0])).max() <= 180
    assert main[:, 0].max() == 190 and copy[:, 0].min() == -190
    plain = np.array([[0.0, 0], [1, 1], [0, 1]])
    assert len(unwrapped(plain)) == 1 and unwrapped(plain)[0] is plain


def test_the_shipped_outlines_have_no_jump_across_the_map() -> None:
    outlines = load_outlines()
    assert len(outlines.land) > 100 and len(outlines.borders) > 170
    for ring in outlines.borders:
        assert np.abs(np.diff(ring[:, 0])).max(initial=0) <= 180
    russia = next(c for c in outlines.countries if c.code == "643")
    assert russia.name == "Russia" and all(part.is_valid for part in russia.parts)


@pytest.mark.parametrize(
    ("lang", "code", "name"),
    [("ar", "643", "روسيا"), ("ar", "408", "كوريا الشمالية"), ("en", "620", "Portugal"), ("en", "032", "Argentina")],
)
def test_country_names_by_numeric_code(lang: str, code: str, name: str) -> None:
    assert country_names(lang)[code] == name


def test_country_names_are_drawn_in_the_storys_language() -> None:
    points = map_points(arabic_doc(), ["تونس", "الجزائر", "الرباط"])
    assert RouteMap(points, lang="ar").png() != RouteMap(points, lang="en").png()


@pytest.mark.parametrize(
    ("points", "shaped"),
    [
        ([(125.75, 39.03)], True),  # one stop: at least MIN_SPAN_DEG around it
        ([(10.18, 36.8), (-6.84, 34.02)], True),
        ([(-70.0, -33.0), (151.2, -33.9)], False),  # wider than the world: clipped to it
    ],
)
def test_map_extent_holds_the_stops_in_the_maps_shape(points: list[tuple[float, float]], shaped: bool) -> None:
    west, east, south, north = map_extent(points)
    for lon, lat in points:
        assert west < lon < east and south < lat < north
    assert north - south >= 7.0
    ratio = float((north - south) / ((east - west) * np.cos(np.radians((south + north) / 2))))
    assert bool(ratio == pytest.approx(SIZE_IN[1] / SIZE_IN[0])) is shaped


def test_map_extent_of_nothing_is_the_world() -> None:
    assert map_extent([]) == (-180.0, 180.0, -60.0, 84.0)


def test_map_points_cut_long_labels() -> None:
    doc = arabic_doc()
    points = map_points(doc, ["تونس", "x" * 80, "الرباط"])
    assert [p.seq for p in points] == [1, 2, 3]
    assert points[1].label.endswith("…") and len(points[1].label) <= 26
    assert [p.dated for p in points] == [True, True, False]


def test_maps_are_png_and_the_same_every_time() -> None:
    points = map_points(arabic_doc(), ["تونس", "الجزائر", "الرباط"])
    first = RouteMap(points).png(upto=2)
    again = RouteMap(points)
    again.png()  # another frame drawn first leaves nothing behind
    assert again.png(upto=2) == first
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and b"Software" not in first
    width, height = int.from_bytes(first[16:20], "big"), int.from_bytes(first[20:24], "big")
    assert (width, height) == (round(SIZE_IN[0] * DPI), round(SIZE_IN[1] * DPI))
    assert route_png(points, credit="Natural Earth", lang="en", upto=2) == first
    assert route_png(points, credit="Natural Earth", lang="en") != first


@pytest.mark.parametrize(
    "stops",
    [
        [(178.4, -18.1)],  # by the antimeridian: outlines copied a world away
        [(-160.0, 20.0)],  # open sea: no land near the frame
        [(10.7, 59.9), (18.9, 69.6)],  # a coast of fjords and islands
        [(-70.0, -33.0), (151.2, -33.9)],  # wider than the world
        [(31.2, 30.0), (46.7, 24.7), (55.3, 25.3)],
    ],
)
def test_outlines_left_out_of_a_frame_change_no_pixel(stops: list[tuple[float, float]],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    points = tuple(
        MapPoint(seq=k + 1, label=f"S{k}", lon=lon, lat=lat, dated=True) for k, (lon, lat) in enumerate(stops)
    )
    near_only = [RouteMap(points).png(upto=upto) for upto in (None, 1)]
    monkeypatch.setattr(static_map, "NEAR_MARGIN", 1e9)  # every outline near every frame
    assert [RouteMap(points).png(upto=upto) for upto in (None, 1)] == near_only


def test_a_story_without_stops_is_a_world_map() -> None:
    assert RouteMap(()).png()[:4] == b"\x89PNG"
    assert RouteMap((MapPoint(seq=1, label="x", lon=0.0, lat=0.0, dated=False),)).png(upto=1)[:4] == b"\x89PNG"


def test_the_compiled_outlines_are_the_topojsons_own() -> None:
    from geo.outputs import static_map
    from geo.outputs.webmap.assets import ASSETS, assets_dir

    topo = json.loads((assets_dir() / ASSETS["world_atlas"].path).read_text(encoding="utf-8"))
    outlines = load_outlines()
    land = [ring for polygon in topojson_polygons(topo, "land") for r in polygon for ring in unwrapped(r)]
    assert [polygon[0].tolist() for polygon in outlines.land] == [ring.tolist() for ring in land]
    decoded = static_map._countries(topo)
    assert [(c.code, c.name) for c in outlines.countries] == [tuple(json.loads(key)) for key, _ in decoded]
    assert all(
        [p.wkb for p in country.parts] == [p.wkb for p in shapes.geoms]
        for country, (_, shapes) in zip(outlines.countries, decoded, strict=True)
    )


def test_country_names_are_kept_once_worked_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.outputs import static_map

    monkeypatch.setenv("GEOSTORY_OUTLINES_DIR", str(tmp_path))
    static_map.country_names.cache_clear()
    try:
        names = country_names("ar")
        kept = tmp_path / "country-names.ar.json"
        assert kept.is_file() and names["643"] == "روسيا"
        data = json.loads(kept.read_text(encoding="utf-8"))
        data["names"]["643"] = "kept"
        kept.write_text(json.dumps(data), encoding="utf-8")
        static_map.country_names.cache_clear()
        assert country_names("ar")["643"] == "kept"  # read back, not worked out again
        data["sources_sha256"] = "another babel"
        kept.write_text(json.dumps(data), encoding="utf-8")
        static_map.country_names.cache_clear()
        assert country_names("ar")["643"] == "روسيا"  # its sources changed: worked out again
    finally:
        static_map.country_names.cache_clear()
