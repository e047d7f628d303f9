"""What the educator downloads: the story's ``story.json`` and every output, each made only when asked for.

:func:`story_bytes` is ``story.json`` as the command line writes it;
:func:`export_files` lists the other downloads (map page, GeoJSON,
GeoPackage, KML, StoryMapJS, CSV, the classroom's slides and printable
handout), one :class:`ExportFile` each.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.story.document import StoryDoc, save_story

__all__ = ["ExportFile", "export_files", "story_bytes"]


def story_bytes(doc: StoryDoc) -> bytes:
    """``story.json`` as :func:`~geo.story.document.save_story` writes it."""
    with tempfile.TemporaryDirectory(prefix="geostory-save-") as tmp:
        return save_story(doc, Path(tmp) / "story.json").read_bytes()


@dataclass(frozen=True, slots=True)
class ExportFile:
    """A download: its label key in :data:`~geo.presenter.translations.STRINGS`, file name, MIME type, maker."""

    label: str
    file_name: str
    mime: str
    make: Callable[[], bytes]


_PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _gpkg_bytes(doc: StoryDoc) -> bytes:
    """The story's GeoPackage (written to a temporary file, as SQLite needs a file)."""
    from geo.outputs.geopackage import write_gpkg

    with tempfile.TemporaryDirectory(prefix="geostory-gpkg-") as tmp:
        return write_gpkg(doc, Path(tmp) / "story.gpkg").read_bytes()


def export_files(doc: StoryDoc) -> list[ExportFile]:
    """The downloads of a story; each file is made only when asked for (``make()``)."""
    from geo.outputs.csv_table import story_csv
    from geo.outputs.geojson import story_geojson
    from geo.outputs.handout import story_pdf
    from geo.outputs.kml import story_kml
    from geo.outputs.slides import story_pptx
    from geo.outputs.storymapjs import story_storymap
    from geo.outputs.webmap import render_map

    def dumped(data: Any) -> bytes:
        """JSON as the command line writes it."""
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    return [
        ExportFile("dl_html", "story.html", "text/html", lambda: render_map(doc).encode("utf-8")),
        ExportFile("dl_geojson", "story.geojson", "application/geo+json", lambda: dumped(story_geojson(doc))),
        ExportFile("dl_gpkg", "story.gpkg", "application/geopackage+sqlite3", lambda: _gpkg_bytes(doc)),
        ExportFile("dl_kml", "story.kml", "application/vnd.google-earth.kml+xml", lambda: story_kml(doc).encode()),
        ExportFile("dl_storymap", "storymap.json", "application/json", lambda: dumped(story_storymap(doc))),
        ExportFile("dl_csv", "stops.csv", "text/csv", lambda: story_csv(doc).encode("utf-8")),
        ExportFile("dl_pptx", "story.pptx", _PPTX_MIME, lambda: story_pptx(doc)),
        ExportFile("dl_pdf", "story.pdf", "application/pdf", lambda: story_pdf(doc)),
    ]

