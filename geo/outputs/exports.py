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

from collections.abc import Callable
from pathlib import Path

from geo.outputs.csv_table import write_csv
from geo.outputs.geopackage import write_gpkg
from geo.outputs.handout import write_handout
from geo.outputs.kml import write_kml
from geo.outputs.slides import write_slides
from geo.outputs.storymapjs import write_storymap
from geo.story.document import StoryDoc

__all__ = ["write_exports"]


def _writers() -> tuple[tuple[str, Callable[[StoryDoc, Path], Path]], ...]:
    """Each export's file name and writer, in the order they are written."""
    return (
        ("story.gpkg", write_gpkg),
        ("story.kml", write_kml),
        ("storymap.json", write_storymap),
        ("stops.csv", write_csv),
        ("story.pptx", write_slides),
        ("story.pdf", write_handout),
    )


def write_exports(doc: StoryDoc, out_dir: Path, *, between: Callable[[], None] | None = None) -> list[Path]:
    """Write ``story.gpkg``, ``story.kml``, ``storymap.json``, ``stops.csv``, ``story.pptx`` and ``story.pdf``
    into ``out_dir``.

    Parameters
    ----------
    doc:
        The story document.
    out_dir:
        The output folder; created when missing.
    between:
        Called after each file is written (the command line settles its garbage collector there).

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
    written = []
    for name, write in _writers():
        written.append(write(doc, out_dir / name))
        if between is not None:
            between()
    return written
