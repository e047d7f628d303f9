"""``story.gpkg``: the story as a GeoPackage, a layer of places and a layer of the route.

The file is written atomically, inside a private folder next to the target
(GDAL writes its journal there) and renamed into place. Its ``last_change``
timestamps are pinned, so the same story gives the same content (in
practice the same bytes). Its text is the story's, with every lone surrogate
replaced by U+FFFD so that GDAL can store it as UTF-8.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from geo.errors import OutputError
from geo.outputs.export_text import PRECISION, well_formed
from geo.outputs.geojson import to_geodataframe
from geo.story.document import StoryDoc, date_bounds, dated_stops

__all__ = ["write_gpkg"]

_GPKG_DATE = "1970-01-01T00:00:00.000Z"  # pinned ``last_change`` of the GeoPackage tables
_GDAL_CONFIG_LOCK = threading.Lock()  # GDAL config options are process-wide


@contextmanager
def _pinned_gpkg_date() -> Iterator[None]:
    """Pin the GeoPackage ``last_change`` timestamps so the same story gives the same file."""
    import pyogrio

    with _GDAL_CONFIG_LOCK:
        previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": _GPKG_DATE})
        try:
            yield
        finally:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})


def _route_frame(doc: StoryDoc):  # noqa: ANN202 - geopandas is imported lazily
    """The route through the dated stops in ``seq`` order, or ``None`` with fewer than two."""
    import geopandas as gpd
    from shapely.geometry import LineString

    dated = dated_stops(doc.stops)
    if len(dated) < 2:
        return None
    bounds = date_bounds(dated)
    last = bounds[1] if bounds else None
    row = {
        "kind": "route",
        "stops": ", ".join(str(s.seq) for s in dated),
        "date_start": dated[0].date_start.isoformat() if dated[0].date_start else None,
        "date_end": last.isoformat(),
        "geometry": LineString([(round(s.lon, PRECISION), round(s.lat, PRECISION)) for s in dated]),
    }
    return gpd.GeoDataFrame([row], geometry="geometry", crs="EPSG:4326")


def _work_parent(path: Path) -> Path | None:
    """Where GDAL works: beside ``path``, unless its folder's name has a control character SQLite cannot open."""
    return None if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in str(path.parent)) else path.parent


def _well_formed(value: Any) -> Any:
    """``value`` with :func:`~geo.outputs.export_text.well_formed` applied to every string in it."""
    if isinstance(value, str):
        return well_formed(value)
    if isinstance(value, list):
        return [_well_formed(v) for v in value]
    if isinstance(value, dict):
        return {k: _well_formed(v) for k, v in value.items()}
    return value


def _well_formed_doc(doc: StoryDoc) -> StoryDoc:
    """``doc`` with no lone surrogate in its text (GDAL stores UTF-8); ``doc`` itself when it holds none."""
    data = doc.model_dump(by_alias=True)
    clean = _well_formed(data)
    return doc if clean == data else StoryDoc.model_validate(clean)


def write_gpkg(doc: StoryDoc, path: Path) -> Path:
    """Write the story as a GeoPackage atomically.

    Layer ``places`` holds the stops and the other places (from
    :func:`geo.outputs.geojson.to_geodataframe`: EPSG:4326, dates as ISO text); layer
    ``route`` holds the LineString through the dated stops in ``seq`` order
    when there are at least two.

    Parameters
    ----------
    doc:
        The story document.
    path:
        The ``.gpkg`` file to write; its folder is created when missing.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    import pyogrio

    path = Path(path)
    places = to_geodataframe(_well_formed_doc(doc))
    if "seq" in places.columns:
        places["seq"] = places["seq"].astype("Int64")  # an integer column, empty for the context places
    route = _route_frame(doc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=_work_parent(path)))
        try:
            tmp = work / "story.gpkg"  # GDAL writes its journal next to it, inside the private folder
            with _pinned_gpkg_date():
                pyogrio.write_dataframe(places, tmp, layer="places", driver="GPKG", geometry_type="Point")
                if route is not None:
                    pyogrio.write_dataframe(route, tmp, layer="route", driver="GPKG", geometry_type="LineString")
            if work.parent != path.parent:  # another filesystem, maybe: copied in beside the target first
                tmp = Path(shutil.copyfile(tmp, path.parent / work.name))
            os.replace(tmp, path)
        finally:
            shutil.rmtree(work, ignore_errors=True)
            if work.parent != path.parent:
                (path.parent / work.name).unlink(missing_ok=True)
    except (OSError, RuntimeError, ValueError) as exc:  # pyogrio's errors are RuntimeErrors
        raise OutputError(f"cannot write {path}: {exc}") from exc
    return path
