"""The map's TopoJSON layers compiled once (geo/outputs/webmap/compiled.py): the same geometries, read back exactly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Polygon

from geo.errors import OutputError
from geo.outputs.webmap import compiled
from geo.outputs.webmap.compiled import Layer, decode_topojson, load_layer

# A quantized topology written for these tests: a square with a hole, a bow tie (invalid, made valid), a river,
# a point (not drawn) and a shape without a name.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10.0, 20.0]},
    "arcs": [
        [[0, 0], [8, 0], [0, 8], [-8, 0], [0, -8]],  # the square's shell
        [[2, 2], [0, 2], [2, 0], [0, -2], [-2, 0]],  # its hole
        [[20, 0], [4, 4], [0, -4], [-4, 4], [0, -4]],  # a bow tie
        [[30, 30], [2, 1], [2, -1]],  # a river
    ],
    "objects": {
        "things": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0], [1]], "properties": {"name": "Square"}},
                {"type": "MultiPolygon", "arcs": [[[2]]], "properties": {"name": "Bow"}},
                {"type": "LineString", "arcs": [3], "properties": {"name": "River"}},
                {"type": "Point", "coordinates": [1, 1], "properties": {"name": "Dot"}},
                {"type": "Polygon", "arcs": [[0]]},
            ],
        }
    },
}


@pytest.fixture
def decoded() -> list:
    return decode_topojson(TOPOLOGY, "things")


def test_topojson_decodes_to_valid_named_shapes(decoded: list) -> None:
    names = [name for name, _ in decoded]
    assert names == ["Square", "Bow", "River", ""]  # the point is not drawn; no name is ""
    square, bow, river, unnamed = (shape for _, shape in decoded)
    assert isinstance(square, Polygon) and len(square.interiors) == 1
    assert square.exterior.coords[0] == (10.0, 20.0) and square.bounds == (10.0, 20.0, 14.0, 22.0)
    assert bow.is_valid and bow.area > 0
    assert isinstance(river, LineString) and river.coords[-1] == (27.0, 27.5)
    assert isinstance(unnamed, Polygon) and not unnamed.interiors
    with pytest.raises(KeyError):
        decode_topojson(TOPOLOGY, "missing")


def test_a_compiled_layer_reads_back_every_coordinate_exactly(decoded: list) -> None:
    layer = compiled._layer_of(decoded)
    again = compiled._decoded(compiled._encoded(layer, "abc"), "abc")
    assert again is not None and again.names == layer.names
    for (_, original), (_, read) in zip(decoded, again.items(), strict=True):
        assert shapely.to_wkb(original) == shapely.to_wkb(read) and type(original) is type(read)
    assert np.array_equal(again.bounds, shapely.bounds(np.array([s for _, s in decoded], dtype=object)))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.replace(b"abc", b"abd"),  # compiled from another source
        lambda data: data[:-3],  # cut short
        lambda data: b"x" + data,  # not ours
        lambda data: data[:30],  # a header cut short
    ],
)
def test_a_stale_or_broken_file_is_not_read(decoded: list, damage) -> None:
    data = compiled._encoded(compiled._layer_of(decoded), "abc")
    assert compiled._decoded(damage(data), "abc") is None


@pytest.mark.parametrize(
    ("region", "near"),
    [
        ((20.0, 10.0, 22.0, 14.0), [0, 3]),  # the square's box: the square and the unnamed one on it
        ((26.0, 24.0, 30.0, 30.0), [2]),  # the river alone
        ((19.0, 19.0, 21.0, 21.0), [1]),  # the bow tie alone
        ((26.0, 384.0, 30.0, 390.0), [2]),  # the river a world away, east of 180
        ((-10.0, -100.0, 0.0, -90.0), []),  # nothing there
    ],
)
def test_near_keeps_the_shapes_whose_box_meets_the_region(decoded: list, region: tuple, near: list) -> None:
    layer = compiled._layer_of(decoded)
    assert layer.near(region) == near
    assert [name for name, _ in layer.items(near)] == [decoded[i][0] for i in near]


def test_an_empty_layer_is_a_layer() -> None:
    layer = compiled._layer_of([])
    assert len(layer) == 0 and layer.near((0.0, 0.0, 1.0, 1.0)) == [] and layer.items() == []


@pytest.fixture
def assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An assets folder whose world-atlas 50m file is the test topology, and an empty outlines folder."""
    root = tmp_path / "assets"
    target = root / compiled.ASSETS["world_atlas_50m"].path
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({**TOPOLOGY, "objects": {"countries": TOPOLOGY["objects"]["things"]}}))
    monkeypatch.setenv("GEOSTORY_ASSETS_DIR", str(root))
    monkeypatch.setenv("GEOSTORY_OUTLINES_DIR", str(tmp_path / "outlines"))
    compiled._load.cache_clear()
    yield target
    compiled._load.cache_clear()


def test_a_layer_is_compiled_at_first_use_and_again_when_its_source_changes(assets: Path, tmp_path: Path) -> None:
    first = load_layer("world_atlas_50m", "countries")
    (stored,) = (tmp_path / "outlines").iterdir()
    assert first.names == ("Square", "Bow", "River", "")
    compiled._load.cache_clear()
    read = load_layer("world_atlas_50m", "countries")  # from the compiled file
    assert [shapely.to_wkb(s) for _, s in read.items()] == [shapely.to_wkb(s) for _, s in first.items()]
    topo = json.loads(assets.read_text())
    topo["objects"]["countries"]["geometries"] = topo["objects"]["countries"]["geometries"][:1]
    assets.write_text(json.dumps(topo))
    compiled._load.cache_clear()
    assert load_layer("world_atlas_50m", "countries").names == ("Square",)
    (fresh,) = (tmp_path / "outlines").iterdir()  # the stale file is gone
    assert fresh != stored


def test_an_unwritable_folder_only_costs_time(assets: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("GEOSTORY_OUTLINES_DIR", str(blocked / "outlines"))
    assert load_layer("world_atlas_50m", "countries").names == ("Square", "Bow", "River", "")


@pytest.mark.parametrize("content", [None, "{not json", json.dumps({"type": "Topology"})])
def test_a_missing_or_broken_package_is_one_clear_error(assets: Path, content: str | None) -> None:
    if content is None:
        assets.unlink()
    else:
        assets.write_text(content)
    with pytest.raises(OutputError, match="npm ci --prefix assets"):
        load_layer("world_atlas_50m", "countries")
    assert isinstance(Layer, type)
