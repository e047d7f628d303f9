"""``story.kml``: the story as KML 2.2 with a ``gx:Tour`` that flies from stop to stop.

A Document with a Folder of stop Placemarks (``"N. Name"``, a balloon with
the date, role, caption and quotes), a Folder of the other places, the
route LineString through the dated stops, and a tour that flies to each
stop, opens its balloon and waits.

Article text is untrusted data: the balloon ``description`` is HTML (Google
Earth renders it as HTML), so every piece of text is HTML-escaped first
(:mod:`geo.outputs.export_text`) and the XML serialiser then escapes the
whole; names and other plain-text elements are escaped by the serialiser.
Characters XML 1.0 forbids are dropped. The same story gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from geo.atomic import write_text_atomic
from geo.model import PlaceType
from geo.outputs.export_text import escape, headline, num, place_html, stop_html, summary
from geo.story.document import ArticleDoc, PlaceDoc, StopDoc, StoryDoc, dated_stops

__all__ = ["KML_NS", "GX_NS", "story_kml", "write_kml"]

KML_NS = "http://www.opengis.net/kml/2.2"
GX_NS = "http://www.google.com/kml/ext/2.2"

#: The LookAt range (metres) that shows a place of each type.
_RANGE_M: dict[PlaceType, int] = {
    PlaceType.FACILITY: 1_500, PlaceType.CITY: 12_000, PlaceType.RELATIVE: 30_000, PlaceType.ISLAND: 40_000,
    PlaceType.WATER: 250_000, PlaceType.REGION: 250_000, PlaceType.COUNTRY: 1_200_000,
}  # fmt: skip
_DEFAULT_RANGE_M = 20_000
_MAX_RANGE_M = 3_000_000
_RANGE_M_PER_KM = 2_500  # a range this many times the uncertainty (km → m) shows the uncertainty circle

_FLY_SECONDS = 4.0
_WAIT_SECONDS = 6.0

# Every code point XML 1.0 refuses, listed (the complement of its Char production: compiled at once, where the
# negated class of the astral planes took sre ~9 ms).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

ET.register_namespace("", KML_NS)
ET.register_namespace("gx", GX_NS)


def _xml_text(text: str | None) -> str:
    """``text`` without the characters XML 1.0 cannot hold (the serialiser escapes the rest)."""
    return _XML_INVALID.sub("", text or "")


def _lookat_range(item: StopDoc | PlaceDoc) -> float:
    """A LookAt range (metres) that shows the place and its uncertainty."""
    by_type = _RANGE_M.get(item.place_type, _DEFAULT_RANGE_M)
    return float(min(_MAX_RANGE_M, max(by_type, item.uncertainty_km * _RANGE_M_PER_KM)))


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
    _sub(_sub(placemark, _k("Point")), _k("coordinates"), f"{num(item.lon)},{num(item.lat)},0")


def _stops_folder(document: ET.Element, stops: list[StopDoc], articles: list[ArticleDoc]) -> None:
    """The Folder of stop Placemarks (``stop-N``), each with its balloon and its data."""
    folder = _sub(document, _k("Folder"))
    _sub(folder, _k("name"), "Stops")
    _sub(folder, _k("open"), "1")
    for stop in stops:
        data = {
            "seq": str(stop.seq),
            "id": stop.id,
            "date_start": stop.date_start.isoformat() if stop.date_start else "",
            "date_end": stop.date_end.isoformat() if stop.date_end else "",
            "date_certainty": stop.date_certainty,
            "role": stop.role,
            "place_type": stop.place_type,
        }
        description = stop_html(stop, heading=True, articles=articles)
        _placemark(folder, stop, pid=f"stop-{stop.seq}", name=headline(stop), description=description, data=data)


def _context_folder(document: ET.Element, places: list[PlaceDoc]) -> None:
    """The Folder of the other places the articles name (``place-N``)."""
    folder = _sub(document, _k("Folder"))
    _sub(folder, _k("name"), "Other places")
    for n, place in enumerate(places, start=1):
        data = {"id": place.id, "role": ", ".join(place.roles), "place_type": place.place_type}
        _placemark(folder, place, pid=f"place-{n}", name=place.name, description=place_html(place), data=data)


def _route(document: ET.Element, stops: list[StopDoc]) -> None:
    """The route LineString through the dated stops, when there are at least two."""
    dated = dated_stops(stops)
    if len(dated) < 2:
        return
    route = _sub(document, _k("Placemark"), id="route")
    _sub(route, _k("name"), "Route")
    _sub(route, _k("styleUrl"), "#route")
    line = _sub(route, _k("LineString"))
    _sub(line, _k("tessellate"), "1")
    _sub(line, _k("coordinates"), " ".join(f"{num(s.lon)},{num(s.lat)},0" for s in dated))


def _balloon(playlist: ET.Element, stop: StopDoc, *, visible: bool) -> None:
    """A tour step that opens (or closes) the balloon of ``stop``."""
    update = _sub(_sub(playlist, _gx("AnimatedUpdate")), _k("Update"))
    _sub(update, _k("targetHref"), "")
    change = _sub(update, _k("Change"))
    _sub(_sub(change, _k("Placemark"), targetId=f"stop-{stop.seq}"), _gx("balloonVisibility"), str(int(visible)))


def _fly_to(playlist: ET.Element, stop: StopDoc) -> None:
    """A tour step that flies smoothly to look at ``stop``."""
    fly = _sub(playlist, _gx("FlyTo"))
    _sub(fly, _gx("duration"), f"{_FLY_SECONDS:g}")
    _sub(fly, _gx("flyToMode"), "smooth")
    look = _sub(fly, _k("LookAt"))
    _sub(look, _k("longitude"), num(stop.lon))
    _sub(look, _k("latitude"), num(stop.lat))
    _sub(look, _k("altitude"), "0")
    _sub(look, _k("heading"), "0")
    _sub(look, _k("tilt"), "30")
    _sub(look, _k("range"), f"{_lookat_range(stop):g}")
    _sub(look, _k("altitudeMode"), "relativeToGround")


def _tour(document: ET.Element, doc: StoryDoc) -> None:
    """A ``gx:Tour``: for each stop fly there, open its balloon, wait; close it before the next."""
    tour = _sub(document, _gx("Tour"))
    _sub(tour, _k("name"), f"Tour: {doc.title}" if doc.title else "Tour")
    playlist = _sub(tour, _gx("Playlist"))
    previous: StopDoc | None = None
    for stop in doc.stops:
        if previous is not None:
            _balloon(playlist, previous, visible=False)
        _fly_to(playlist, stop)
        _balloon(playlist, stop, visible=True)
        _sub(_sub(playlist, _gx("Wait")), _gx("duration"), f"{_WAIT_SECONDS:g}")
        previous = stop


def story_kml(doc: StoryDoc) -> str:
    """The story as a KML 2.2 document (text, with its XML declaration)."""
    root = ET.Element(_k("kml"))
    document = _sub(root, _k("Document"))
    _sub(document, _k("name"), doc.title or "Story")
    _sub(document, _k("open"), "1")
    _sub(document, _k("description"), f"<p>{escape(summary(doc))}</p>")
    _style(document, "stop", icon="https://maps.google.com/mapfiles/kml/paddle/red-circle.png", scale=1.1)
    _style(document, "context", icon="https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png", scale=0.8)
    _style(document, "route", icon=None, scale=1.0, line="ff3c14dc")
    _stops_folder(document, doc.stops, doc.articles)
    _context_folder(document, doc.places)
    _route(document, doc.stops)
    if doc.stops:
        _tour(document, doc)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_kml(doc: StoryDoc, path: Path) -> Path:
    """Write :func:`story_kml` to ``path`` atomically (UTF-8, stable bytes).

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    return write_text_atomic(Path(path), story_kml(doc))
