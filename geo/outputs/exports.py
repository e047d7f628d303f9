"""The standard exports of a story document: GeoPackage, KML tour, StoryMapJS, CSV.

Every export renders from the :class:`~geo.story.document.StoryDoc`, so an edited
``story.json`` flows to all of them (the GeoJSON is written by
:mod:`geo.outputs.geojson`). Each file is written atomically, to a temporary file in
the target's folder renamed into place, so a reader never sees half a file
and a failed write leaves the previous file as it was.

The exports are deterministic: the same story gives byte-identical KML,
JSON and CSV, and a GeoPackage with the same content (its ``last_change``
timestamps are pinned, so in practice the same bytes too).

Article text is untrusted data. It is never interpreted:

* KML: the balloon ``description`` is HTML (Google Earth renders it as HTML),
  so every piece of text is HTML-escaped first and the XML serialiser then
  escapes the whole; names and other plain-text elements are escaped by the
  serialiser. Characters XML 1.0 forbids are dropped.
* StoryMapJS renders ``headline``, ``text`` and ``date`` as HTML, so every
  string that goes into them is HTML-escaped.
* CSV: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return gets a leading apostrophe, so a spreadsheet does not run it
  as a formula. Numbers (a negative longitude) are written as numbers.
* Links are kept only for ``http``/``https`` addresses.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import os
import re
import shutil
import tempfile
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from geo.dates.wording import date_range_text, day_text
from geo.errors import OutputError
from geo.outputs.atomic import write_text_atomic
from geo.outputs.geojson import to_geodataframe
from geo.outputs.links import safe_url
from geo.story.document import PlaceDoc, Quote, StopDoc, StoryDoc, date_bounds, dated_stops

__all__ = [
    "KML_NS",
    "GX_NS",
    "CSV_FIELDS",
    "story_kml",
    "story_storymap",
    "story_csv",
    "write_gpkg",
    "write_kml",
    "write_storymap",
    "write_csv",
    "write_exports",
]

KML_NS = "http://www.opengis.net/kml/2.2"
GX_NS = "http://www.google.com/kml/ext/2.2"

CSV_FIELDS = (
    "seq", "name", "name_ar", "lat", "lon", "place_type", "date_start", "date_end", "date_certainty", "role",
    "caption", "uncertainty_km", "sources",
)  # fmt: skip

_PRECISION = 6
_GPKG_DATE = "1970-01-01T00:00:00.000Z"  # pinned ``last_change`` of the GeoPackage tables
_GDAL_CONFIG_LOCK = threading.Lock()  # GDAL config options are process-wide


# View of a stop by place type: KML LookAt range (metres) and web-map zoom level.
_RANGE_M = {
    "facility": 1_500, "city": 12_000, "relative": 30_000, "island": 40_000,
    "water": 250_000, "region": 250_000, "country": 1_200_000,
}  # fmt: skip
_ZOOM = {"facility": 14, "city": 11, "relative": 9, "island": 9, "water": 6, "region": 7, "country": 5}
_EARTH_KM = 40_075.0

_FLY_SECONDS = 4.0
_WAIT_SECONDS = 6.0

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- text helpers -------------------------------------------------------------------------------------------------


def _e(text: str | None) -> str:
    """``text`` HTML-escaped (quotes too), never interpreted."""
    return html.escape(text or "", quote=True)


def _xml_text(text: str | None) -> str:
    """``text`` without the characters XML 1.0 cannot hold (the serialiser escapes the rest)."""
    return _XML_INVALID.sub("", text or "")


def _num(value: float) -> str:
    """A coordinate as fixed, locale-free text (six decimals, trailing zeros dropped)."""
    text = f"{round(value, _PRECISION):.{_PRECISION}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _date_label(stop: StopDoc) -> str:
    """The date of a stop for a reader: ``1 May 2024``, ``1–3 May 2024``, ``about …`` or ``date unknown``."""
    label = date_range_text(stop.date_start, stop.date_end)
    return f"about {label}" if stop.date_start and stop.date_certainty == "approximate" else label


def _date_span(doc: StoryDoc) -> str:
    bounds = date_bounds(doc.stops)
    if bounds is None:
        return "dates unknown"
    first, last = bounds
    return day_text(first) if first == last else f"{day_text(first)} – {day_text(last)}"


def _sources(quotes: list[Quote]) -> list[str]:
    """The distinct article names of ``quotes``, in order of first appearance."""
    return list(dict.fromkeys(q.article for q in quotes))


def _headline(stop: StopDoc) -> str:
    return f"{stop.seq}. {stop.name}"


def _lookat_range(item: StopDoc | PlaceDoc) -> float:
    """A LookAt range (metres) that shows the place and its uncertainty."""
    return float(min(3_000_000, max(_RANGE_M.get(item.place_type, 20_000), item.uncertainty_km * 2_500)))


def _zoom(item: StopDoc | PlaceDoc) -> int:
    """A web-map zoom level that shows the place and its uncertainty."""
    zoom = _ZOOM.get(item.place_type, 10)
    if item.uncertainty_km > 0:
        zoom = min(zoom, math.floor(math.log2(_EARTH_KM / (4 * item.uncertainty_km))))
    return max(2, min(16, zoom))


# --- HTML fragments (every piece of text escaped) -----------------------------------------------------------------


def _dir_attrs(text: str) -> str:
    return ' dir="rtl" lang="ar"' if _ARABIC.search(text) else ""


def _quote_html(quote: Quote) -> str:
    """One quote: its sentence (the mention in bold) and its source, all escaped."""
    sentence = quote.sentence or quote.text
    at = sentence.find(quote.text) if quote.text else -1
    if at >= 0:
        body = f"{_e(sentence[:at])}<b>{_e(quote.text)}</b>{_e(sentence[at + len(quote.text) :])}"
    else:
        body = _e(sentence)
    source = ", ".join(part for part in (quote.source, quote.article) if part)
    url = safe_url(quote.url)
    cite = f'<a href="{_e(url)}">{_e(source)}</a>' if url else _e(source)
    return f"<blockquote><div{_dir_attrs(sentence)}>{body}</div><p>— {cite}</p></blockquote>"


def _quotes_html(quotes: list[Quote]) -> str:
    return "".join(_quote_html(q) for q in quotes)


def _stop_html(stop: StopDoc, *, heading: bool) -> str:
    """The body of a stop: date, Arabic name, role, caption, places seen with it, quotes."""
    parts = [f"<h3>{_e(_headline(stop))}</h3>"] if heading else []
    if stop.name_ar:
        parts.append(f'<p dir="rtl" lang="ar">{_e(stop.name_ar)}</p>')
    parts.append(f"<p><b>Date:</b> {_e(_date_label(stop))}</p>")
    parts.append(f"<p><b>Role:</b> {_e(stop.role)}</p>")
    if stop.caption:
        parts.append(f"<p{_dir_attrs(stop.caption)}>{_e(stop.caption)}</p>")
    if stop.also:
        parts.append(f"<p><b>Also:</b> {_e(', '.join(stop.also))}</p>")
    parts.append(_quotes_html(stop.quotes))
    return "".join(parts)


def _place_html(place: PlaceDoc) -> str:
    parts = [f"<h3>{_e(place.name)}</h3>"]
    if place.name_ar:
        parts.append(f'<p dir="rtl" lang="ar">{_e(place.name_ar)}</p>')
    if place.roles:
        parts.append(f"<p><b>Role:</b> {_e(', '.join(place.roles))}</p>")
    parts.append(_quotes_html(place.quotes))
    return "".join(parts)


def _summary(doc: StoryDoc) -> str:
    """A one-line plain-text summary: traveller, number of stops, date span."""
    count = len(doc.stops)
    parts = [f"Traveller: {doc.traveller}"] if doc.traveller else []
    parts.append(f"{count} stop{'' if count == 1 else 's'}")
    parts.append(_date_span(doc))
    return " · ".join(parts)


# --- GeoPackage ---------------------------------------------------------------------------------------------------


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
        "geometry": LineString([(round(s.lon, _PRECISION), round(s.lat, _PRECISION)) for s in dated]),
    }
    return gpd.GeoDataFrame([row], geometry="geometry", crs="EPSG:4326")


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
    places = to_geodataframe(doc)
    if "seq" in places.columns:
        places["seq"] = places["seq"].astype("Int64")  # an integer column, empty for the context places
    route = _route_frame(doc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
        try:
            tmp = work / "story.gpkg"  # GDAL writes its journal next to it, inside the private folder
            with _pinned_gpkg_date():
                pyogrio.write_dataframe(places, tmp, layer="places", driver="GPKG", geometry_type="Point")
                if route is not None:
                    pyogrio.write_dataframe(route, tmp, layer="route", driver="GPKG", geometry_type="LineString")
            os.replace(tmp, path)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except (OSError, RuntimeError, ValueError) as exc:  # pyogrio's errors are RuntimeErrors
        raise OutputError(f"cannot write {path}: {exc}") from exc
    return path


# --- KML ----------------------------------------------------------------------------------------------------------

ET.register_namespace("", KML_NS)
ET.register_namespace("gx", GX_NS)


def _k(tag: str) -> str:
    return f"{{{KML_NS}}}{tag}"


def _gx(tag: str) -> str:
    return f"{{{GX_NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = _xml_text(text)
    return element


def _style(document: ET.Element, style_id: str, *, icon: str | None, scale: float, line: str | None = None) -> None:
    style = _sub(document, _k("Style"), id=style_id)
    if icon is not None:
        icon_style = _sub(style, _k("IconStyle"))
        _sub(icon_style, _k("scale"), f"{scale:g}")
        _sub(_sub(icon_style, _k("Icon")), _k("href"), icon)
    if line is not None:
        line_style = _sub(style, _k("LineStyle"))
        _sub(line_style, _k("color"), line)
        _sub(line_style, _k("width"), "3")
    # The balloon shows the (escaped) description only, never a raw name.
    _sub(_sub(style, _k("BalloonStyle")), _k("text"), "$[description]")


def _placemark(
    folder: ET.Element, item: StopDoc | PlaceDoc, *, pid: str, name: str, description: str, data: dict[str, str]
) -> None:
    style = "stop" if isinstance(item, StopDoc) else "context"
    placemark = _sub(folder, _k("Placemark"), id=pid)
    _sub(placemark, _k("name"), name)
    _sub(placemark, _k("Snippet"), "", maxLines="0")
    _sub(placemark, _k("description"), description)
    _sub(placemark, _k("styleUrl"), f"#{style}")
    extended = _sub(placemark, _k("ExtendedData"))
    for key, value in data.items():
        _sub(_sub(extended, _k("Data"), name=key), _k("value"), value)
    _sub(_sub(placemark, _k("Point")), _k("coordinates"), f"{_num(item.lon)},{_num(item.lat)},0")


def _tour(document: ET.Element, doc: StoryDoc) -> None:
    """A ``gx:Tour``: for each stop fly there, open its balloon, wait; close it before the next."""
    tour = _sub(document, _gx("Tour"))
    _sub(tour, _k("name"), f"Tour: {doc.title}" if doc.title else "Tour")
    playlist = _sub(tour, _gx("Playlist"))

    def balloon(stop: StopDoc, visible: bool) -> None:
        update = _sub(_sub(playlist, _gx("AnimatedUpdate")), _k("Update"))
        _sub(update, _k("targetHref"), "")
        change = _sub(update, _k("Change"))
        _sub(_sub(change, _k("Placemark"), targetId=f"stop-{stop.seq}"), _gx("balloonVisibility"), str(int(visible)))

    previous: StopDoc | None = None
    for stop in doc.stops:
        if previous is not None:
            balloon(previous, False)
        fly = _sub(playlist, _gx("FlyTo"))
        _sub(fly, _gx("duration"), f"{_FLY_SECONDS:g}")
        _sub(fly, _gx("flyToMode"), "smooth")
        look = _sub(fly, _k("LookAt"))
        _sub(look, _k("longitude"), _num(stop.lon))
        _sub(look, _k("latitude"), _num(stop.lat))
        _sub(look, _k("altitude"), "0")
        _sub(look, _k("heading"), "0")
        _sub(look, _k("tilt"), "30")
        _sub(look, _k("range"), f"{_lookat_range(stop):g}")
        _sub(look, _k("altitudeMode"), "relativeToGround")
        balloon(stop, True)
        _sub(_sub(playlist, _gx("Wait")), _gx("duration"), f"{_WAIT_SECONDS:g}")
        previous = stop


def story_kml(doc: StoryDoc) -> str:
    """The story as a KML 2.2 document (text, with its XML declaration)."""
    root = ET.Element(_k("kml"))
    document = _sub(root, _k("Document"))
    _sub(document, _k("name"), doc.title or "Story")
    _sub(document, _k("open"), "1")
    _sub(document, _k("description"), f"<p>{_e(_summary(doc))}</p>")
    _style(document, "stop", icon="https://maps.google.com/mapfiles/kml/paddle/red-circle.png", scale=1.1)
    _style(document, "context", icon="https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png", scale=0.8)
    _style(document, "route", icon=None, scale=1.0, line="ff3c14dc")

    stops = _sub(document, _k("Folder"))
    _sub(stops, _k("name"), "Stops")
    _sub(stops, _k("open"), "1")
    for stop in doc.stops:
        data = {
            "seq": str(stop.seq),
            "id": stop.id,
            "date_start": stop.date_start.isoformat() if stop.date_start else "",
            "date_end": stop.date_end.isoformat() if stop.date_end else "",
            "date_certainty": stop.date_certainty,
            "role": stop.role,
            "place_type": stop.place_type,
        }
        description = _stop_html(stop, heading=True)
        _placemark(stops, stop, pid=f"stop-{stop.seq}", name=_headline(stop), description=description, data=data)

    context = _sub(document, _k("Folder"))
    _sub(context, _k("name"), "Other places")
    for n, place in enumerate(doc.places, start=1):
        data = {"id": place.id, "role": ", ".join(place.roles), "place_type": place.place_type}
        _placemark(context, place, pid=f"place-{n}", name=place.name, description=_place_html(place), data=data)

    dated = dated_stops(doc.stops)
    if len(dated) >= 2:
        route = _sub(document, _k("Placemark"), id="route")
        _sub(route, _k("name"), "Route")
        _sub(route, _k("styleUrl"), "#route")
        line = _sub(route, _k("LineString"))
        _sub(line, _k("tessellate"), "1")
        _sub(line, _k("coordinates"), " ".join(f"{_num(s.lon)},{_num(s.lat)},0" for s in dated))
    if doc.stops:
        _tour(document, doc)

    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_kml(doc: StoryDoc, path: Path) -> Path:
    """Write :func:`story_kml` to ``path`` atomically (UTF-8, stable bytes).

    A Document with a Folder of stop Placemarks (``"N. Name"``, a balloon with
    the date, role, caption and quotes), a Folder of the other places, the
    route LineString through the dated stops, and a ``gx:Tour`` that flies to
    each stop, opens its balloon and waits.

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    return write_text_atomic(Path(path), story_kml(doc))


# --- StoryMapJS ---------------------------------------------------------------------------------------------------


def story_storymap(doc: StoryDoc) -> dict[str, Any]:
    """The story as Knight Lab StoryMapJS JSON: an overview slide, then one slide per stop.

    ``headline``, ``text`` and ``date`` are HTML to StoryMapJS; every string in
    them is escaped.
    """
    slides: list[dict[str, Any]] = [
        {
            "type": "overview",
            "text": {"headline": _e(doc.title or "Story"), "text": f"<p>{_e(_summary(doc))}</p>"},
        }
    ]
    for stop in doc.stops:
        slides.append(
            {
                "location": {
                    "lat": round(stop.lat, _PRECISION),
                    "lon": round(stop.lon, _PRECISION),
                    "zoom": _zoom(stop),
                    "line": True,
                },
                "text": {"headline": _e(_headline(stop)), "text": _stop_html(stop, heading=False)},
                "date": _e(_date_label(stop)),
            }
        )
    # calculate_zoom off: StoryMapJS would otherwise ignore each slide's zoom.
    return {"storymap": {"language": "en", "map_type": "osm:standard", "calculate_zoom": False, "slides": slides}}


def write_storymap(doc: StoryDoc, path: Path) -> Path:
    """Write :func:`story_storymap` to ``path`` atomically (UTF-8, stable bytes).

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    text = json.dumps(story_storymap(doc), ensure_ascii=False, indent=1) + "\n"
    return write_text_atomic(Path(path), text)


# --- CSV ----------------------------------------------------------------------------------------------------------


def _cell(text: str | None) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    text = text or ""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


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
                _num(stop.lat),
                _num(stop.lon),
                _cell(stop.place_type),
                stop.date_start.isoformat() if stop.date_start else "",
                stop.date_end.isoformat() if stop.date_end else "",
                _cell(stop.date_certainty),
                _cell(stop.role),
                _cell(stop.caption),
                f"{stop.uncertainty_km:g}",
                _cell("; ".join(_sources(stop.quotes))),
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


# --- all ----------------------------------------------------------------------------------------------------------


def write_exports(doc: StoryDoc, out_dir: Path) -> list[Path]:
    """Write ``story.gpkg``, ``story.kml``, ``storymap.json`` and ``stops.csv`` into ``out_dir``.

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
    ]
