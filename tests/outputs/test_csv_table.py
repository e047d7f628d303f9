"""The CSV export (geo/outputs/csv_table.py): one row a stop, formula cells neutralised, numbers kept."""

from __future__ import annotations

import csv
import io
from pathlib import Path

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
