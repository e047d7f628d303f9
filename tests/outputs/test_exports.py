"""The standard exports written together (geo/outputs/exports.py): the four files, determinism, atomic writes."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest

from geo.errors import OutputError
from geo.outputs.csv_table import write_csv
from geo.outputs.exports import write_exports
from geo.outputs.geopackage import write_gpkg
from geo.outputs.handout import write_handout
from geo.outputs.kml import GX_NS, KML_NS, write_kml
from geo.outputs.slides import write_slides
from geo.outputs.storymapjs import write_storymap
from geo.story.document import StoryDoc
from tests.outputs.hostile_story import hostile_doc

NS = {"k": KML_NS, "gx": GX_NS}

Writer = Callable[[StoryDoc, Path], Path]
WRITERS: list[tuple[str, Writer]] = [
    ("story.gpkg", write_gpkg),
    ("story.kml", write_kml),
    ("storymap.json", write_storymap),
    ("stops.csv", write_csv),
    ("story.pptx", write_slides),
    ("story.pdf", write_handout),
]


# --- all ----------------------------------------------------------------------------------------------------------


def test_write_exports_writes_the_six_files_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out"
    paths = write_exports(hostile_doc(), out)
    assert [p.name for p in paths] == [name for name, _ in WRITERS]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)  # no temporary leftovers
    assert all(p.stat().st_size > 0 for p in paths)


def test_write_exports_calls_between_after_each_file(tmp_path: Path) -> None:
    seen: list[list[str]] = []
    write_exports(hostile_doc(), tmp_path, between=lambda: seen.append(sorted(p.name for p in tmp_path.iterdir())))
    assert seen == [sorted(name for name, _ in WRITERS[: k + 1]) for k in range(len(WRITERS))]


def test_empty_story_exports(tmp_path: Path) -> None:
    paths = write_exports(StoryDoc(), tmp_path)
    assert len(gpd.read_file(paths[0], layer="places")) == 0
    assert [name for name, _ in pyogrio.list_layers(paths[0])] == ["places"]
    root = ET.parse(paths[1]).getroot()
    assert root.findall(".//k:Placemark", NS) == [] and root.find(".//gx:Tour", NS) is None
    assert [s["type"] for s in json.loads(paths[2].read_text(encoding="utf-8"))["storymap"]["slides"]] == ["overview"]
    assert paths[3].read_text(encoding="utf-8").count("\n") == 1  # the header only


# --- determinism and atomic writes, every writer ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_same_story_same_bytes(tmp_path: Path, name: str, writer: Writer) -> None:
    a = writer(hostile_doc(), tmp_path / "a" / name).read_bytes()
    b = writer(hostile_doc(), tmp_path / "b" / name).read_bytes()
    assert a == b


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_overwrite_leaves_no_temporary_files(tmp_path: Path, name: str, writer: Writer) -> None:
    writer(hostile_doc(), tmp_path / name)
    writer(StoryDoc(title="second"), tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_a_file_in_the_way_raises_output_error(tmp_path: Path, name: str, writer: Writer) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError):
        writer(hostile_doc(), blocker / name)
    assert blocker.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_a_failed_rename_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, writer: Writer
) -> None:
    target = tmp_path / name
    target.write_bytes(b"old")

    def refuse(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match=name):
        writer(hostile_doc(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_a_folder_in_place_of_the_file_raises_output_error(tmp_path: Path, name: str, writer: Writer) -> None:
    (tmp_path / name).mkdir()
    (tmp_path / name / "keep").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):
        writer(hostile_doc(), tmp_path / name)
    assert (tmp_path / name / "keep").read_text(encoding="utf-8") == "x"
    assert [p.name for p in tmp_path.iterdir()] == [name]
