"""The standard exports of a story document, written together: GeoPackage, KML tour, StoryMapJS, CSV, slides, PDF.

Every export renders from the :class:`~geo.story.document.StoryDoc`, so an edited
``story.json`` flows to all of them (the GeoJSON is written by
:mod:`geo.outputs.geojson`, the map by :mod:`geo.outputs.webmap`). Each
format has its module: :mod:`geo.outputs.geopackage`, :mod:`geo.outputs.kml`,
:mod:`geo.outputs.storymapjs`, :mod:`geo.outputs.csv_table`, and for the
classroom :mod:`geo.outputs.slides` and :mod:`geo.outputs.handout`; the text they
share is in :mod:`geo.outputs.export_text` (:mod:`geo.outputs.classroom_text`
for the classroom files).

Each file is written atomically, to a temporary file in the target's folder
renamed into place, so a reader never sees half a file and a failed write
leaves the previous file as it was. The exports are deterministic: the same
story gives byte-identical KML, JSON and CSV, and a GeoPackage with the
same content (its ``last_change`` timestamps are pinned, so in practice the
same bytes too). Article text is untrusted data and is never interpreted;
links are kept only for ``http``/``https`` addresses.
"""

from __future__ import annotations

from pathlib import Path

from geo.outputs.csv_table import write_csv
from geo.outputs.geopackage import write_gpkg
from geo.outputs.handout import write_handout
from geo.outputs.kml import write_kml
from geo.outputs.slides import write_slides
from geo.outputs.storymapjs import write_storymap
from geo.story.document import StoryDoc

__all__ = ["write_exports"]


def write_exports(doc: StoryDoc, out_dir: Path) -> list[Path]:
    """Write ``story.gpkg``, ``story.kml``, ``storymap.json``, ``stops.csv``, ``story.pptx`` and ``story.pdf``
    into ``out_dir``.

    Parameters
    ----------
    doc:
        The story document.
    out_dir:
        The output folder; created when missing.

    Returns
    -------
    list[Path]
        The files written, in that order.

    Raises
    ------
    OutputError
        When a file cannot be written (the files written before it stay).
    """
    out_dir = Path(out_dir)
    return [
        write_gpkg(doc, out_dir / "story.gpkg"),
        write_kml(doc, out_dir / "story.kml"),
        write_storymap(doc, out_dir / "storymap.json"),
        write_csv(doc, out_dir / "stops.csv"),
        write_slides(doc, out_dir / "story.pptx"),
        write_handout(doc, out_dir / "story.pdf"),
    ]
