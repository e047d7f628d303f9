"""The CSV export (geo/outputs/csv_table.py): one row a stop, formula cells neutralised, numbers kept."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from geo.outputs.csv_table import CSV_FIELDS, write_csv
from tests.outputs.hostile_story import hostile_doc


def test_csv_rows_and_formula_cells(tmp_path: Path) -> None:
    raw = write_csv(hostile_doc(), tmp_path / "stops.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert list(rows[0]) == [
        "seq", "name", "name_ar", "lat", "lon", "place_type", "date_start", "date_end", "date_certainty", "role",
        "caption", "uncertainty_km", "sources",
    ]  # fmt: skip
    assert tuple(rows[0]) == CSV_FIELDS
    assert [r["seq"] for r in rows] == ["1", "2", "3"]
    assert [r["name"] for r in rows] == ["Aleppo", "Beirut", "'+Tangier"]
    assert [r["caption"][:6] for r in rows] == ["Visits", "Expect", "Visits"]  # the event first: never a formula
    assert not any(".txt" in r["sources"] for r in rows)  # outlets and titles, never file names
    assert [r["date_start"] for r in rows] == ["2024-05-01", "2024-05-02", ""]
    assert [r["date_end"] for r in rows] == ["", "2024-05-04", ""]
    assert (rows[0]["lat"], rows[0]["lon"], rows[2]["lon"]) == ("36.202123", "37.134299", "-5.79975")  # numbers kept
    assert rows[0]["name_ar"] == "حلب"
    assert [r["role"] for r in rows] == ["visit", "plan", "visit"]


def _stop_doc(**changes: str):
    """The hostile story with its first stop's fields changed."""
    doc = hostile_doc()
    stops = list(doc.stops)
    stops[0] = stops[0].model_copy(update=changes)
    return doc.model_copy(update={"stops": stops})


# The caption column is made from the place's name (its headline), so a name reaches two cells.
_INJECTIONS = [
    ("name", "safe\r=1+1", "safe\r=1+1"),  # a CR inside: quoted, so no second cell starts after it
    ("name", "a\n=HYPERLINK(\"x\")", 'a\n=HYPERLINK("x")'),
    ("name", " =1+1", "' =1+1"),
    ("name", "\n\n@SUM(A1)", "'\n\n@SUM(A1)"),
    ("name", "\t-2", "'\t-2"),
    ("name", "  +cmd", "'  +cmd"),
    ("name", "one, two", "one, two"),
]


@pytest.mark.parametrize(("field", "text", "cell"), _INJECTIONS)
def test_csv_quotes_and_neutralises(tmp_path: Path, field: str, text: str, cell: str) -> None:
    raw = write_csv(_stop_doc(**{field: text}), tmp_path / "stops.csv").read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert len(rows) == 4 and all(len(row) == len(CSV_FIELDS) for row in rows)  # nothing spilled into new cells
    assert rows[1][CSV_FIELDS.index(field)] == cell


def test_csv_lone_surrogate(tmp_path: Path) -> None:
    raw = write_csv(_stop_doc(caption="bad \ud800 half", name="Ale\udfffppo"), tmp_path / "stops.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0]["name"] == "Ale\ufffdppo" and "Ale\ufffdppo" in rows[0]["caption"]
