"""``stops.csv``: the stops as a CSV table, one row a stop, for spreadsheets.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading apostrophe, so a spreadsheet does not run it as a
formula; numbers (a negative longitude) are written as numbers. Plain
UTF-8, ``\\n`` line ends; the same story gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from geo.atomic import write_text_atomic
from geo.outputs.export_text import num, stop_caption
from geo.story.document import Quote, StoryDoc, article_source

__all__ = ["CSV_FIELDS", "story_csv", "write_csv"]

CSV_FIELDS = (
    "seq", "name", "name_ar", "lat", "lon", "place_type", "date_start", "date_end", "date_certainty", "role",
    "caption", "uncertainty_km", "sources",
)  # fmt: skip

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str | None) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    text = text or ""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _sources(doc: StoryDoc, quotes: list[Quote]) -> list[str]:
    """The distinct articles of ``quotes`` by outlet, title and date (never a file name), in order."""
    return [article_source(doc, name) for name in dict.fromkeys(q.article for q in quotes)]


def story_csv(doc: StoryDoc) -> str:
    """The stops as CSV text (header :data:`CSV_FIELDS`, ``\\n`` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for stop in doc.stops:
        writer.writerow(
            [
                stop.seq,
                _cell(stop.name),
                _cell(stop.name_ar),
                num(stop.lat),
                num(stop.lon),
                _cell(stop.place_type),
                stop.date_start.isoformat() if stop.date_start else "",
                stop.date_end.isoformat() if stop.date_end else "",
                _cell(stop.date_certainty),
                _cell(stop.role),
                _cell(stop_caption(stop, doc.articles)),
                f"{stop.uncertainty_km:g}",
                _cell("; ".join(_sources(doc, stop.quotes))),
            ]
        )
    return buffer.getvalue()


def write_csv(doc: StoryDoc, path: Path) -> Path:
    """Write :func:`story_csv` to ``path`` atomically (plain UTF-8, stable bytes).

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    return write_text_atomic(Path(path), story_csv(doc))
