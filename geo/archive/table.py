"""``journeys.parquet``: one row per stop of every journey (GeoParquet through geopandas), for analysis."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from geo.archive.index_page import JourneyEntry

__all__ = ["COLUMNS", "stop_rows", "write_table"]

#: The table's columns, in order (then ``geometry``, a point in WGS 84).
COLUMNS = (
    "journey",
    "traveller",
    "seq",
    "place_id",
    "place",
    "place_ar",
    "place_type",
    "role",
    "date_start",
    "date_end",
    "date_certainty",
    "lat",
    "lon",
    "articles",
)


def stop_rows(entries: Iterable[JourneyEntry]) -> list[dict[str, object]]:
    """The rows of every journey's stops, journeys in the order given."""
    rows = []
    for entry in entries:
        doc = entry.doc
        articles = len(doc.articles)
        for stop in doc.stops:
            rows.append(
                {
                    "journey": entry.slug,
                    "traveller": doc.traveller or "",
                    "seq": stop.seq,
                    "place_id": stop.id,
                    "place": stop.name,
                    "place_ar": stop.name_ar or "",
                    "place_type": str(stop.place_type),
                    "role": str(stop.role),
                    "date_start": stop.date_start.isoformat() if stop.date_start else None,
                    "date_end": stop.date_end.isoformat() if stop.date_end else None,
                    "date_certainty": str(stop.date_certainty),
                    "lat": stop.lat,
                    "lon": stop.lon,
                    "articles": articles,
                }
            )
    return rows


def write_table(rows: list[dict[str, object]], path: Path) -> Path:
    """Write the rows as GeoParquet at ``path`` (through a temporary file renamed into place)."""
    import geopandas as gpd  # the table's libraries: only when it is written
    import pandas as pd
    from shapely.geometry import Point

    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    geometry = [Point(row["lon"], row["lat"]) for row in rows]
    table = gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
    tmp = path.with_name(f".{path.name}.tmp")
    table.to_parquet(tmp, index=False)
    tmp.replace(path)
    return path
