"""``stops.csv``: the stops as a CSV table, one row a stop, for spreadsheets.

No cell can run code in a spreadsheet:

- a text cell whose first character other than white space (spaces, tabs,
  line breaks) is ``=``, ``+``, ``-`` or ``@``, or that starts with a tab or
  a carriage return, gets a leading apostrophe, so it is not read as a
  formula; numbers (a negative longitude) are written as numbers;
- every field holding a quote, a comma, a carriage return or a line feed is
  quoted (quotes doubled), so no text after a CR or LF becomes a cell of its
  own;
- a lone surrogate becomes U+FFFD.

Plain UTF-8, ``\\n`` line ends; the same story gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from geo.atomic import write_text_atomic
from geo.outputs.export_text import num, stop_caption, well_formed
from geo.story.document import Quote, StoryDoc, article_source

__all__ = ["CSV_FIELDS", "story_csv", "write_csv"]

CSV_FIELDS = (
    "seq", "name", "name_ar", "lat", "lon", "place_type", "date_start", "date_end", "date_certainty", "role",
    "caption", "uncertainty_km", "sources",
)  # fmt: skip

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Characters that make a field quoted.
_NEEDS_QUOTES = frozenset('",\r\n')


def _cell(text: str | None) -> str:
    """A text cell a spreadsheet will not run as a formula, even after leading white space."""
    text = well_formed(text or "")
    formula = text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START)
    return f"'{text}" if formula else text


def _field(value: object) -> str:
    """One CSV field: quoted (quotes doubled) when it holds a quote, comma, CR or LF."""
    text = str(value)
    return '"' + text.replace('"', '""') + '"' if not _NEEDS_QUOTES.isdisjoint(text) else text


def _row(values: list[object] | tuple[object, ...]) -> str:
    """One CSV line, ``\\n``-terminated."""
    return ",".join(_field(v) for v in values) + "\n"


def _sources(doc: StoryDoc, quotes: list[Quote]) -> list[str]:
    """The distinct articles of ``quotes`` by outlet, title and date (never a file name), in order."""
    return [article_source(doc, name) for name in dict.fromkeys(q.article for q in quotes)]


def story_csv(doc: StoryDoc) -> str:
    """The stops as CSV text (header :data:`CSV_FIELDS`, ``\\n`` line ends)."""
    rows = [_row(CSV_FIELDS)]
    for stop in doc.stops:
        values = [
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
        rows.append(_row(values))
    return "".join(rows)


def write_csv(doc: StoryDoc, path: Path) -> Path:
    """Write :func:`story_csv` to ``path`` atomically (plain UTF-8, stable bytes).

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    return write_text_atomic(Path(path), story_csv(doc))
