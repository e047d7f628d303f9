"""``storymap.json``: the story as Knight Lab StoryMapJS JSON, an overview slide, then one slide per stop.

StoryMapJS renders ``headline``, ``text`` and ``date`` as HTML, so every
string that goes into them is HTML-escaped (no tag, attribute or entity of
article text survives, so no caption can run a script); a lone surrogate
becomes U+FFFD. The same story gives the same
bytes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from geo.atomic import write_text_atomic
from geo.model import PlaceType
from geo.outputs.export_text import (
    PRECISION,
    date_label,
    dir_attrs,
    escape,
    headline,
    stop_html,
    summary,
    well_formed,
)
from geo.story.document import ArticleDoc, PlaceDoc, StopDoc, StoryDoc, doc_language

__all__ = ["story_storymap", "write_storymap"]

#: The web-map zoom level that shows a place of each type.
_ZOOM: dict[PlaceType, int] = {
    PlaceType.FACILITY: 14, PlaceType.CITY: 11, PlaceType.RELATIVE: 9, PlaceType.ISLAND: 9,
    PlaceType.WATER: 6, PlaceType.REGION: 7, PlaceType.COUNTRY: 5,
}  # fmt: skip
_DEFAULT_ZOOM = 10
_ZOOM_RANGE = (2, 16)
_EARTH_KM = 40_075.0  # the equator: zoom z shows about _EARTH_KM / 2**z across


def _zoom(item: StopDoc | PlaceDoc) -> int:
    """A web-map zoom level that shows the place and its uncertainty."""
    zoom = _ZOOM.get(item.place_type, _DEFAULT_ZOOM)
    if item.uncertainty_km > 0:
        zoom = min(zoom, math.floor(math.log2(_EARTH_KM / (4 * item.uncertainty_km))))
    return max(_ZOOM_RANGE[0], min(_ZOOM_RANGE[1], zoom))


def _marked(text: str) -> str:
    """Escaped text in a ``span`` with the ``lang``/``dir`` of its script (an Arabic title reads right to left)."""
    return f"<span{dir_attrs(text)}>{escape(text)}</span>"


def _slide(stop: StopDoc, articles: list[ArticleDoc], lang: str) -> dict[str, Any]:
    return {
        "location": {
            "lat": round(stop.lat, PRECISION),
            "lon": round(stop.lon, PRECISION),
            "zoom": _zoom(stop),
            "line": True,
        },
        "text": {
            "headline": escape(headline(stop)),
            "text": stop_html(stop, heading=False, articles=articles, lang=lang),
        },
        "date": escape(date_label(stop)),
    }


def story_storymap(doc: StoryDoc) -> dict[str, Any]:
    """The story as Knight Lab StoryMapJS JSON: an overview slide, then one slide per stop.

    ``headline``, ``text`` and ``date`` are HTML to StoryMapJS; every string in
    them is escaped. The slides speak the story's language (its articles' most
    common one): an Arabic story's headline reads «يصل إلى …».
    """
    lang = doc_language(doc)
    overview = {
        "type": "overview",
        "text": {"headline": _marked(doc.title or "Story"), "text": f"<p>{escape(summary(doc))}</p>"},
    }
    slides: list[dict[str, Any]] = [overview, *(_slide(stop, doc.articles, lang) for stop in doc.stops)]
    # calculate_zoom off: StoryMapJS would otherwise ignore each slide's zoom.
    return {"storymap": {"language": lang, "map_type": "osm:standard", "calculate_zoom": False, "slides": slides}}


def write_storymap(doc: StoryDoc, path: Path) -> Path:
    """Write :func:`story_storymap` to ``path`` atomically (UTF-8, stable bytes).

    Raises
    ------
    OutputError
        When the folder cannot be created or the file written.
    """
    text = well_formed(json.dumps(story_storymap(doc), ensure_ascii=False, indent=1)) + "\n"
    return write_text_atomic(Path(path), text)
