"""journeys.parquet: one GeoParquet row per stop."""

from __future__ import annotations

from pathlib import Path

from geo.archive.index_page import JourneyEntry
from geo.archive.table import COLUMNS, stop_rows, write_table
from tests.archive.test_index_page import _doc


def test_table_rows_and_geoparquet(tmp_path: Path) -> None:
    import geopandas as gpd

    rows = stop_rows([JourneyEntry("j1", _doc()), JourneyEntry("j2", _doc())])
    assert [(r["journey"], r["seq"]) for r in rows] == [("j1", 1), ("j1", 2), ("j2", 1), ("j2", 2)]
    path = write_table(rows, tmp_path / "journeys.parquet")
    frame = gpd.read_parquet(path)
    assert list(frame.columns) == [*COLUMNS, "geometry"]
    assert frame.crs.to_epsg() == 4326 and frame.geometry.iloc[0].x == 31.2
    first = path.read_bytes()
    write_table(rows, path)
    assert path.read_bytes() == first
