"""Downloads: every output of the story, each made only when asked for."""

from __future__ import annotations

import json

from geo.presenter.downloads import export_files
from geo.presenter.translations import STRINGS
from geo.story.document import StoryDoc


def test_exports_are_listed_and_made(doc: StoryDoc) -> None:
    files = {f.file_name: f for f in export_files(doc)}
    assert set(files) == {"story.html", "story.geojson", "story.gpkg", "story.kml", "storymap.json", "stops.csv",
                          "story.pptx", "story.pdf"}  # fmt: skip
    assert json.loads(files["story.geojson"].make())["type"] == "FeatureCollection"
    assert files["stops.csv"].make().startswith(b"seq")
    assert files["story.gpkg"].make()[:16] == b"SQLite format 3\x00"
    assert files["story.pptx"].make()[:2] == b"PK"
    assert files["story.pdf"].make()[:5] == b"%PDF-"
    assert all(f.label in STRINGS["en"] and f.label in STRINGS["ar"] for f in files.values())
